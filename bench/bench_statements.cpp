// Bulk insert of N statements (default 2,000,000) about N/4 phone entities into a fresh
// case, in batches of 50,000 per transaction, as ingest writes them. Prints statements/s.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "store/case_folder.hpp"
#include "store/evidence_store.hpp"
#include "store/statement_store.hpp"

using namespace corridor;

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 2'000'000;
  const auto dir = std::filesystem::temp_directory_path() / "corridor-bench-statements";
  std::filesystem::remove_all(dir);
  auto c = store::CaseFolder::init(dir, "bench", "bench");
  Evidence e;
  e.sha256 = std::string(64, 'e');
  e.media_type = "application/json";
  e.original_name = "result.json";
  e.added_at = "2026-11-01T00:00:00.000Z";
  store::EvidenceStore(c->db()).insert_or_get(e);

  // Prepare the statements first: the benchmark measures the store, not string building.
  std::vector<Statement> all(n);
  for (std::size_t i = 0; i < n; ++i) {
    Statement& s = all[i];
    const std::string phone = "+2189" + std::to_string(10000000 + (i / 4) * 7919 % 89999999);
    s.entity_id = make_entity_id("Phone", phone);
    s.schema = "Phone";
    s.property = i % 4 == 0 ? "number" : "mentionedIn";
    s.value = i % 4 == 0 ? phone : "message:" + std::to_string(i);
    s.prov = {e.sha256, Locator{i * 40, 13, "message:" + std::to_string(i)}, "phone@1", "2026-11-01T00:00:00.000Z"};
  }
  const std::size_t batch = 50'000;
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t from = 0; from < n; from += batch) {
    store::Transaction tx(c->db());
    store::StatementWriter w(c->db());
    w.insert(std::span<const Statement>(all).subspan(from, std::min(batch, n - from)));
    tx.commit();
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("statements %zu seconds %.3f rate %.0f/s entities %lld\n", n, secs, static_cast<double>(n) / secs,
              static_cast<long long>(store::StatementStore(c->db()).count_entities()));
  c.reset();
  std::filesystem::remove_all(dir);
  return 0;
}

#include "app/add_evidence.hpp"

#include <algorithm>

#include "app/actor.hpp"
#include "core/error.hpp"
#include "core/media_type.hpp"
#include "core/time.hpp"
#include "store/audit_ledger.hpp"
#include "store/evidence_store.hpp"
#include "store/ledger_batch.hpp"

namespace corridor::app {

namespace fs = std::filesystem;

namespace {

std::uint64_t check_readable(const std::vector<fs::path>& files) {
  std::uint64_t total = 0;
  for (const auto& f : files) {
    std::error_code ec;
    if (!fs::exists(f, ec)) throw Error(f.string(), "no such file");
    if (!fs::is_regular_file(f, ec)) throw Error(f.string(), "not a regular file");
    total += fs::file_size(f, ec);
  }
  return total;
}

// The case's own files (its database, its private key, the vault) are never evidence:
// the key copied into the vault would leave with every export. Paths are compared once
// symbolic links and "..", are resolved, so no spelling gets one in.
void refuse_case_files(const fs::path& case_dir, const std::vector<fs::path>& files) {
  std::error_code ec;
  const fs::path root = fs::canonical(case_dir, ec);
  if (ec) return;
  for (const auto& f : files) {
    const fs::path p = fs::canonical(f, ec);
    if (ec) continue;
    if (std::mismatch(root.begin(), root.end(), p.begin(), p.end()).first == root.end())
      throw Error(f.string(), "is inside the case folder " + case_dir.string() +
                                  "; the case's own files are not evidence, refused");
  }
}

struct Discard {
  store::EvidenceVault& vault;
  std::vector<store::StoredItem> items;
  bool armed = true;
  ~Discard() {
    if (armed)
      for (const auto& i : items) vault.discard(i);
  }
};

}  // namespace

namespace {

// The rows of items already in the vault: evidence, custody, one ledger entry.
std::vector<AddedItem> record_added(store::CaseFolder& c, const AddRequest& req, const std::vector<store::StoredItem>& items,
                                    const std::vector<std::string>& names, const std::vector<fs::path>& sources) {
  const std::string now = utc_now(), tool = tool_name();
  store::Transaction tx(c.db());
  store::LedgerBatch batch(c.db());
  store::EvidenceStore evidence(c.db());
  store::AuditLedger ledger(c.db());
  std::vector<AddedItem> out;
  std::string object;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    AddedItem added;
    added.source = sources[i];
    Evidence& e = added.evidence;
    e.sha256 = item.sha256;
    e.size = item.size;
    e.media_type = media_type_of_file(item.path.string());
    e.original_name = names[i];
    e.added_at = now;
    e.acquisition = req.acquisition;
    added.new_in_case = evidence.insert_or_get(e);
    const auto& a = req.acquisition;
    if (added.new_in_case && !a.acquired_by.empty())
      evidence.add_custody({0, e.sha256, CustodyAction::Acquired, a.acquired_by,
                            a.acquired_at.empty() ? now : a.acquired_at, a.method, a.tool, a.legal_basis, ""});
    evidence.add_custody({0, e.sha256, CustodyAction::Added, req.actor, now, a.method, tool, a.legal_basis,
                          added.new_in_case ? "" : "same bytes added again as " + names[i]});
    object += (object.empty() ? "evidence " : ", ") + e.sha256 + " (" + names[i] + ")";
    out.push_back(std::move(added));
  }
  const auto& a = req.acquisition;
  std::string why = a.legal_basis.empty() ? a.method : "legal basis: " + a.legal_basis;
  if (!req.why.empty()) why += (why.empty() ? "" : "; ") + req.why;
  batch.commit(ledger, store::EntryContent{req.actor, store::audit_action::kCollection, object, why, "", ""}, c.keys());
  tx.commit();
  return out;
}

}  // namespace

std::vector<AddedItem> add_evidence(store::CaseFolder& c, const AddRequest& req) {
  if (req.files.empty()) throw Error("no files to add");
  const std::uint64_t total = check_readable(req.files);
  refuse_case_files(c.dir(), req.files);
  Progress progress("hashing", total, req.progress);
  Discard stored{c.vault(), {}};
  for (const auto& f : req.files) stored.items.push_back(c.vault().store_file(f, &progress));
  progress.finish();
  std::vector<std::string> names;
  for (const auto& f : req.files) names.push_back(f.filename().string());
  auto out = record_added(c, req, stored.items, names, req.files);
  stored.armed = false;
  return out;
}

AddedItem add_received(store::CaseFolder& c, const ReceivedFile& f, const AddRequest& req) {
  if (f.name.empty()) throw Error("upload", "give the file's name", 2);
  Discard stored{c.vault(), {c.vault().adopt(f.temp, f.sha256, f.size)}};
  auto out = record_added(c, req, stored.items, {f.name}, {f.name});
  stored.armed = false;
  return out.front();
}

}  // namespace corridor::app

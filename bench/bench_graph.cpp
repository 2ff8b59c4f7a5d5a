// Graph analytics at case scale, against python-igraph and networkx (bench/graph.sh).
//   bench_graph generate NODES EDGES FILE   planted-community edge list "u v" per line
//   bench_graph store FILE CASE_DIR         the edge list as statements in a new case
//   bench_graph run CASE_DIR                timed: build from the store, then components,
//                                           PageRank, Leiden (modularity) — wall and
//                                           process CPU seconds per phase
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "graph/case_graph.hpp"
#include "graph/communities.hpp"
#include "graph/measures.hpp"
#include "graph/overview.hpp"
#include "model/entity_keys.hpp"
#include "store/case_folder.hpp"
#include "store/evidence_store.hpp"
#include "store/statement_store.hpp"

using namespace corridor;

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }
// CPU time of the whole process (all threads): on a shared machine, wall time says how
// loaded it was as much as how fast the code is.
double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Cells of 100 people: 85% of the calls inside the cell, the rest anywhere, as a
// smuggling network of local cells and the coordinators between them might look.
int generate(std::size_t nodes, std::size_t edges, const std::string& file) {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<std::size_t> any(0, nodes - 1);
  std::uniform_int_distribution<std::size_t> in_cell(0, 99);
  std::uniform_real_distribution<double> coin(0, 1);
  std::ofstream out(file);
  for (std::size_t i = 0; i < edges;) {
    const std::size_t u = any(rng);
    std::size_t v = coin(rng) < 0.85 ? std::min(nodes - 1, (u / 100) * 100 + in_cell(rng)) : any(rng);
    if (u == v) continue;
    out << u << ' ' << v << '\n';
    ++i;
  }
  return out ? 0 : 1;
}

int store_case(const std::string& file, const std::string& dir) {
  std::filesystem::remove_all(dir);
  auto c = store::CaseFolder::init(dir, "graph bench", "bench");
  Evidence e;
  e.sha256 = std::string(64, 'b');
  e.media_type = "text/plain";
  e.original_name = "calls.txt";
  e.added_at = "2026-11-01T00:00:00.000Z";
  store::EvidenceStore(c->db()).insert_or_get(e);
  std::ifstream in(file);
  std::vector<Statement> batch;
  std::size_t u = 0, v = 0, row = 0;
  const auto t0 = Clock::now();
  auto flush = [&] {
    store::Transaction tx(c->db());
    store::StatementWriter w(c->db());
    w.insert(batch);
    tx.commit();
    batch.clear();
  };
  while (in >> u >> v) {
    Statement s;
    s.entity_id = keys::account("phonebook", std::to_string(u));
    s.schema = "UserAccount";
    s.property = "sentMessageTo";
    s.value = keys::account("phonebook", std::to_string(v));
    s.prov = {e.sha256, Locator{std::nullopt, std::nullopt, "row:" + std::to_string(++row)}, "bench@1",
              "2026-11-01T00:00:00.000Z"};
    batch.push_back(std::move(s));
    if (batch.size() == 50'000) flush();
  }
  if (!batch.empty()) flush();
  std::printf("stored %zu link statements in %.1f s\n", row, since(t0));
  return 0;
}

struct Phase {
  Clock::time_point wall = Clock::now();
  double cpu = cpu_now();
  std::string done(const char* name) const {
    char out[96];
    std::snprintf(out, sizeof out, "%s %.2f (cpu %.2f)", name, since(wall), cpu_now() - cpu);
    return out;
  }
};

// SERIAL=1: components, PageRank and Leiden one after the other in igraph, each timed;
// otherwise graph::overview (Leiden beside components and PageRank on a second thread).
int run(const std::string& dir, bool serial) {
  auto c = store::CaseFolder::open(dir);
  const Phase all;
  const graph::Graph g = graph::load_case_graph(c->db());
  const std::string build = all.done("build_from_store");
  const Phase analysis;
  graph::Overview o;
  std::string parts;
  if (serial) {
    Phase p;
    o.components = graph::connected_components(g);
    parts = " " + p.done("components");
    p = Phase();
    o.pagerank = graph::pagerank(g);
    parts += " " + p.done("pagerank");
    p = Phase();
    o.communities = graph::leiden(g);
    parts += " " + p.done("leiden");
  } else {
    o = graph::overview(g);
  }
  const std::string analysed = analysis.done("analysis");
  std::printf("corridor %s nodes %zu edges %zu %s%s components %zu communities %zu modularity %.4f %s %s\n",
              serial ? "serial" : "overview", g.node_count(), g.edge_count(), build.c_str(), parts.c_str(),
              o.components.count(), o.communities.count, o.communities.modularity, analysed.c_str(),
              all.done("total").c_str());
  return o.pagerank.size() == g.node_count() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "generate" && argc == 5)
    return generate(std::strtoull(argv[2], nullptr, 10), std::strtoull(argv[3], nullptr, 10), argv[4]);
  if (mode == "store" && argc == 4) return store_case(argv[2], argv[3]);
  if (mode == "run" && argc == 3) return run(argv[2], std::getenv("SERIAL") && std::string(std::getenv("SERIAL")) == "1");
  std::fprintf(stderr, "usage: %s generate NODES EDGES FILE | store FILE CASE_DIR | run CASE_DIR\n", argv[0]);
  return 2;
}

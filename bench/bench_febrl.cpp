// Febrl accuracy of person matching: dataset4a against dataset4b (linkage of two lists)
// and dataset3 (duplicates inside one list). Prints precision, recall and F1.
// Usage: bench_febrl FEBRL_DIR [threshold]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "resolve/clusters.hpp"
#include "resolve/febrl.hpp"
#include "resolve/linker.hpp"

using namespace corridor::resolve;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void print(const char* name, const Accuracy& a, const LinkResult& r, double secs) {
  std::printf("%-28s precision %.4f recall %.4f F1 %.4f  (tp %zu fp %zu fn %zu; %zu candidate pairs, "
              "prior %.4f, %d EM iterations, %.2f s)\n",
              name, a.precision(), a.recall(), a.f1(), a.true_positives, a.false_positives, a.false_negatives,
              r.candidate_pairs, r.model.prior, r.model.em_iterations_run, secs);
}

std::set<IdPair> predicted_pairs(const std::vector<PersonRecord>& records, const std::vector<Match>& matches) {
  std::set<IdPair> out;
  for (const auto& m : matches) out.insert(ordered(records[m.a].id, records[m.b].id));
  return out;
}

// Every pair inside a cluster: dataset3's truth lists all pairs of each duplicate group.
std::set<IdPair> cluster_pairs(const std::vector<PersonRecord>& records, const std::vector<Match>& matches) {
  const auto canonical = canonical_ids(records, matches);
  std::unordered_map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < records.size(); ++i) groups[canonical[i]].push_back(i);
  std::set<IdPair> out;
  for (const auto& [c, members] : groups)
    for (std::size_t x = 0; x < members.size(); ++x)
      for (std::size_t y = x + 1; y < members.size(); ++y) out.insert(ordered(records[members[x]].id, records[members[y]].id));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FEBRL_DIR [threshold]\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  LinkOptions options;
  if (argc > 2) options.threshold = std::atof(argv[2]);

  {
    auto records = read_febrl(dir + "/febrl_dataset4a.csv", 0);
    auto b = read_febrl(dir + "/febrl_dataset4b.csv", 1);
    records.insert(records.end(), b.begin(), b.end());
    const auto truth = read_true_pairs(dir + "/febrl_dataset4_true_pairs.csv");
    auto o = options;
    o.linkage = true;
    o.one_to_one = true;
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = link_persons(records, o);
    const double secs = seconds_since(t0);
    print("dataset4a <-> dataset4b", accuracy(predicted_pairs(records, r.matches), truth), r, secs);
  }
  {
    const auto records = read_febrl(dir + "/febrl_dataset3.csv", 0);
    const auto truth = read_true_pairs(dir + "/febrl_dataset3_true_pairs.csv");
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = link_persons(records, options);
    const double secs = seconds_since(t0);
    print("dataset3 dedup (pairs)", accuracy(predicted_pairs(records, r.matches), truth), r, secs);
    print("dataset3 dedup (clusters)", accuracy(cluster_pairs(records, r.matches), truth), r, secs);
    if (!r.matches.empty()) std::printf("example: %s\n", r.matches.front().explain().c_str());
  }
  return 0;
}

// Extraction speed and quality on a generated corpus with ground truth (scan_corpus.py):
// MB/s of Scanner::scan_file with 1 and 2 worker threads, then precision and recall per
// feature type, a mention counting as found when type, byte offset and value all match.
// Usage: bench_scan CORPUS TRUTH [THREADS...]   (default threads: 1 2)
#include <chrono>
#include <tuple>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/scanner.hpp"

using namespace corridor::extract;

namespace {

struct Key {
  std::string type;
  std::uint64_t offset;
  std::string value;
  bool operator<(const Key& o) const {
    return std::tie(offset, type, value) < std::tie(o.offset, o.type, o.value);
  }
};

struct Counts {
  std::uint64_t tp = 0, fp = 0, fn = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_scan CORPUS TRUTH [THREADS...]\n");
    return 2;
  }
  std::vector<unsigned> threads;
  for (int i = 3; i < argc; ++i) threads.push_back(static_cast<unsigned>(std::stoul(argv[i])));
  if (threads.empty()) threads = {1, 2};

  std::set<Key> truth;
  {
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);) {
      const auto a = line.find('\t'), b = line.find('\t', a + 1), c = line.find('\t', b + 1);
      truth.insert({line.substr(0, a), std::stoull(line.substr(a + 1, b - a - 1)), line.substr(c + 1)});
    }
  }
  const auto t0 = std::chrono::steady_clock::now();
  const Scanner scanner;
  const double compile_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("patterns compiled in %.3f s\n", compile_s);

  std::vector<Key> found;
  for (unsigned t : threads) {
    ScanOptions opt;
    opt.threads = t;
    opt.context = 0;
    std::vector<Key> got;
    const auto s0 = std::chrono::steady_clock::now();
    const ScanStats st = scanner.scan_file(argv[1], opt, [&](const Found& f) {
      got.push_back({f.mention.type, f.mention.offset, f.mention.value});
    });
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count();
    std::printf("threads=%u bytes=%llu seconds=%.3f MB_per_s=%.1f mentions=%llu utf16_runs=%llu\n", t,
                static_cast<unsigned long long>(st.bytes), secs, static_cast<double>(st.bytes) / 1e6 / secs,
                static_cast<unsigned long long>(st.mentions), static_cast<unsigned long long>(st.utf16_runs));
    if (found.empty()) {
      found = std::move(got);
    } else if (got.size() != found.size()) {
      std::printf("WARNING: %zu mentions with %u threads, %zu with %u\n", got.size(), t, found.size(), threads[0]);
    }
  }

  std::map<std::string, Counts> per;
  std::set<Key> seen;
  int shown = 0;
  for (const auto& k : found) {
    if (truth.count(k)) {
      ++per[k.type].tp;
      seen.insert(k);
    } else {
      ++per[k.type].fp;
      if (shown++ < 15) std::printf("  FP %s @%llu %s\n", k.type.c_str(), static_cast<unsigned long long>(k.offset), k.value.c_str());
    }
  }
  shown = 0;
  for (const auto& k : truth) {
    if (seen.count(k)) continue;
    ++per[k.type].fn;
    if (shown++ < 15) std::printf("  FN %s @%llu %s\n", k.type.c_str(), static_cast<unsigned long long>(k.offset), k.value.c_str());
  }
  std::printf("%-9s %9s %7s %7s %9s %7s\n", "type", "truth", "FP", "FN", "precision", "recall");
  Counts all;
  for (const auto& [type, c] : per) {
    const double p = c.tp + c.fp ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fp) : 1.0;
    const double r = c.tp + c.fn ? static_cast<double>(c.tp) / static_cast<double>(c.tp + c.fn) : 1.0;
    std::printf("%-9s %9llu %7llu %7llu %9.4f %7.4f\n", type.c_str(), static_cast<unsigned long long>(c.tp + c.fn),
                static_cast<unsigned long long>(c.fp), static_cast<unsigned long long>(c.fn), p, r);
    all.tp += c.tp, all.fp += c.fp, all.fn += c.fn;
  }
  std::printf("%-9s %9llu %7llu %7llu %9.4f %7.4f\n", "all", static_cast<unsigned long long>(all.tp + all.fn),
              static_cast<unsigned long long>(all.fp), static_cast<unsigned long long>(all.fn),
              static_cast<double>(all.tp) / static_cast<double>(all.tp + all.fp),
              static_cast<double>(all.tp) / static_cast<double>(all.tp + all.fn));
  return 0;
}

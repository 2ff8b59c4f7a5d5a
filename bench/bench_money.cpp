// Money detectors on an AMLworld-schema CSV (issue 7, part 2): reads the payments (the
// "Is Laundering" column is kept aside for scoring only), runs every pattern, and scores
// transaction-level precision, recall and minority-class F1 against the column, per
// pattern and for all patterns together, with the time each step took.
//
//   bench_money PAYMENTS.csv [--prices FILE] [--posts FILE] [--truth FILE] [--threshold 0.5]
//               [--show PATTERN]
//
// --prices: advertised prices, one "3000 EUR" a line (bench/money_corpus.py writes them).
// --posts:  any text file (posts.jsonl of the demo): its money mentions of 300 USD or more
//           are the advertised prices, as in a case.
// --truth:  bench/money_corpus.py's OUT.truth.csv (row,label,kind,instance): recall per
//           planted typology and false positives per kind of hard negative.
// --show:   print the first 40 findings of one pattern with their reasons (to stderr).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "detect/money_patterns.hpp"
#include "extract/scanner.hpp"
#include "ingest/csv.hpp"

namespace money = corridor::detect::money;

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == ',') {
      out.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

// "2022/09/01 00:20" -> Unix seconds; -1 when malformed.
std::int64_t parse_stamp(std::string_view s) {
  if (s.size() < 16 || s[4] != '/' || s[7] != '/' || s[10] != ' ' || s[13] != ':') return -1;
  const auto num = [&](std::size_t at, std::size_t n) { return std::atoi(std::string(s.substr(at, n)).c_str()); };
  const std::int64_t days = corridor::days_from_civil(num(0, 4), static_cast<unsigned>(num(5, 2)), static_cast<unsigned>(num(8, 2)));
  return days * 86400 + num(11, 2) * 3600 + num(14, 2) * 60;
}

void print_row(const char* name, std::size_t flagged, std::size_t tp, std::size_t positives, std::size_t findings,
               double seconds) {
  const double p = flagged ? static_cast<double>(tp) / static_cast<double>(flagged) : 0;
  const double r = positives ? static_cast<double>(tp) / static_cast<double>(positives) : 0;
  const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf("| %s | %zu | %zu | %zu | %.3f | %.3f | %.3f | %.2f |\n", name, findings, flagged, tp, p, r, f1, seconds);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_money PAYMENTS.csv [--prices FILE] [--posts FILE] [--truth FILE] [--threshold 0.5]\n");
    return 2;
  }
  std::string csv = argv[1], prices_file, posts_file, truth_file, show;
  double threshold = 0.5;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--prices") prices_file = argv[i + 1];
    else if (a == "--posts") posts_file = argv[i + 1];
    else if (a == "--truth") truth_file = argv[i + 1];
    else if (a == "--threshold") threshold = std::atof(argv[i + 1]);
    else if (a == "--show") show = argv[i + 1];
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }

  // Load.
  auto t0 = Clock::now();
  money::PaymentGraph g;
  std::vector<char> laundering{0};  // by row (1-based)
  {
    std::ifstream in(csv);
    if (!in) {
      std::fprintf(stderr, "%s: cannot read\n", csv.c_str());
      return 3;
    }
    std::string line;
    std::getline(in, line);
    std::map<std::string, std::string> codes;
    const auto code = [&](std::string_view name) -> const std::string& {
      auto it = codes.find(std::string(name));
      if (it == codes.end()) it = codes.emplace(std::string(name), corridor::ingest::currency_code(name)).first;
      return it->second;
    };
    std::uint64_t row = 0;
    std::string key;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      ++row;
      const auto f = split(line);
      if (f.size() < 10) {
        std::fprintf(stderr, "%s: row %llu: %zu fields\n", csv.c_str(), static_cast<unsigned long long>(row), f.size());
        return 3;
      }
      money::Payment p;
      p.t = parse_stamp(f[0]);
      key.assign(f[1]).append(":").append(f[2]);
      p.payer = g.account(key);
      key.assign(f[3]).append(":").append(f[4]);
      p.beneficiary = g.account(key);
      p.received = std::strtod(std::string(f[5]).c_str(), nullptr);
      p.received_currency = g.currency(code(f[6]));
      p.amount = std::strtod(std::string(f[7]).c_str(), nullptr);
      p.currency = g.currency(code(f[8]));
      p.source = row;
      g.add(p);
      laundering.push_back(f.size() > 10 && f[10] == "1");
    }
  }
  const double read_s = since(t0);
  t0 = Clock::now();
  g.finish();
  const double finish_s = since(t0);
  const std::size_t positives = static_cast<std::size_t>(std::count(laundering.begin(), laundering.end(), 1));

  money::MoneySettings settings;
  if (!prices_file.empty()) {
    std::ifstream in(prices_file);
    money::Price p;
    std::uint64_t n = 0;
    while (in >> p.amount >> p.currency) {
      p.source = ++n;
      settings.price_match.prices.push_back(p);
    }
  }
  if (!posts_file.empty()) {
    corridor::extract::Scanner scanner;
    corridor::extract::ScanOptions opt;
    opt.types = {"money"};
    std::uint64_t n = 0;
    scanner.scan_file(posts_file, opt, [&](const corridor::extract::Found& f) {
      money::Price p;
      const auto sp = f.mention.value.find(' ');
      if (sp == std::string::npos) return;
      p.amount = std::strtod(f.mention.value.c_str(), nullptr);
      p.currency = f.mention.value.substr(sp + 1);
      if (money::usd_rate(p.currency) * p.amount < 300) return;
      p.source = ++n;
      settings.price_match.prices.push_back(p);
    });
  }

  std::printf("%s: %zu payments (%zu laundering, %.3f %%), %zu accounts, %zu advertised prices\n", csv.c_str(), g.size(),
              positives, 100.0 * static_cast<double>(positives) / static_cast<double>(std::max<std::size_t>(g.size(), 1)),
              g.accounts(), settings.price_match.prices.size());
  std::printf("read %.2f s, graph %.2f s (%.0f payments/s)\n\n", read_s, finish_s,
              static_cast<double>(g.size()) / std::max(read_s + finish_s, 1e-9));
  std::printf("Transactions flagged by findings scoring >= %.2f, against Is Laundering:\n\n", threshold);
  std::printf("| pattern | findings | flagged | true | precision | recall | F1 | seconds |\n");
  std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");

  std::vector<char> any(laundering.size(), 0);
  std::map<std::string, std::vector<char>> by_pattern;
  double total_s = 0;
  for (const auto& pattern : money::patterns()) {
    t0 = Clock::now();
    const auto found = pattern.run(g, settings);
    const double s = since(t0);
    total_s += s;
    auto& flagged = by_pattern[pattern.kind];
    flagged.assign(laundering.size(), 0);
    std::size_t findings = 0;
    std::size_t shown = 0;
    for (const auto& f : found) {
      if (f.score < threshold) continue;
      ++findings;
      if (show == pattern.kind && shown < 40) {
        ++shown;
        std::size_t bad = 0;
        for (auto id : f.payments) bad += laundering[g[id].source];
        std::fprintf(stderr, "%.3f %s [%zu/%zu laundering]\n", f.score, f.title.c_str(), bad, f.payments.size());
        for (const auto& r : f.reasons) std::fprintf(stderr, "      %+.2f %s\n", r.weight, r.text.c_str());
      }
      for (auto id : f.payments) flagged[g[id].source] = 1;
    }
    std::size_t n = 0, tp = 0;
    for (std::size_t i = 0; i < flagged.size(); ++i) {
      if (!flagged[i]) continue;
      any[i] = 1;
      ++n;
      tp += laundering[i];
    }
    print_row(pattern.kind, n, tp, positives, findings, s);
  }
  std::size_t n = 0, tp = 0;
  for (std::size_t i = 0; i < any.size(); ++i) {
    n += any[i];
    tp += any[i] && laundering[i];
  }
  print_row("**all**", n, tp, positives, 0, total_s);
  std::printf("\nall patterns: %.2f s (%.0f payments/s); with read and graph: %.2f s\n", total_s,
              static_cast<double>(g.size()) / std::max(total_s, 1e-9), total_s + read_s + finish_s);

  if (!truth_file.empty()) {
    std::ifstream in(truth_file);
    std::string line;
    std::getline(in, line);
    struct Kind {
      std::size_t rows = 0, flagged = 0;
      bool laundering = false;
      std::map<std::string, std::size_t> by;
    };
    std::map<std::string, Kind> kinds;
    while (std::getline(in, line)) {
      const auto f = split(line);
      if (f.size() < 4) continue;
      const std::size_t row = std::strtoull(std::string(f[0]).c_str(), nullptr, 10);
      if (row >= any.size()) continue;
      Kind& k = kinds[std::string(f[2])];
      k.laundering = f[1] == "1";
      ++k.rows;
      k.flagged += any[row];
      for (const auto& [pattern, flagged] : by_pattern)
        if (flagged[row]) ++k.by[pattern];
    }
    std::printf("\nPlanted typologies (laundering): rows flagged by any pattern, and by which\n\n");
    std::printf("| typology | rows | flagged | recall | flagged by |\n| --- | ---: | ---: | ---: | --- |\n");
    for (const auto& [name, k] : kinds) {
      if (!k.laundering) continue;
      std::string which;
      for (const auto& [pattern, c] : k.by) which += (which.empty() ? "" : ", ") + pattern + " " + std::to_string(c);
      std::printf("| %s | %zu | %zu | %.3f | %s |\n", name.c_str(), k.rows, k.flagged,
                  static_cast<double>(k.flagged) / static_cast<double>(k.rows), which.c_str());
    }
    std::printf("\nHard negatives (not laundering): rows flagged by any pattern\n\n");
    std::printf("| look-alike | rows | flagged | share | flagged by |\n| --- | ---: | ---: | ---: | --- |\n");
    for (const auto& [name, k] : kinds) {
      if (k.laundering) continue;
      std::string which;
      for (const auto& [pattern, c] : k.by) which += (which.empty() ? "" : ", ") + pattern + " " + std::to_string(c);
      std::printf("| %s | %zu | %zu | %.4f | %s |\n", name.c_str(), k.rows, k.flagged,
                  static_cast<double>(k.flagged) / static_cast<double>(k.rows), which.c_str());
    }
    std::size_t background = 0, bg_flagged = 0;
    {
      std::vector<char> listed(any.size(), 0);
      std::ifstream again(truth_file);
      std::getline(again, line);
      while (std::getline(again, line)) {
        const std::size_t row = std::strtoull(line.c_str(), nullptr, 10);
        if (row < listed.size()) listed[row] = 1;
      }
      for (std::size_t i = 1; i < any.size(); ++i)
        if (!listed[i]) {
          ++background;
          bg_flagged += any[i];
        }
    }
    std::printf("| (ordinary background) | %zu | %zu | %.4f | |\n", background, bg_flagged,
                static_cast<double>(bg_flagged) / static_cast<double>(std::max<std::size_t>(background, 1)));
  }
  return 0;
}

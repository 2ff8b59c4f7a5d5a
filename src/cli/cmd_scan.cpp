// `corridor scan FILE... [--out DIR]`: find identifiers in any files, standalone, the way
// bulk_extractor does: per feature type a table of (file, offset, length, raw, value,
// context, verdict) and a histogram of values.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <unordered_map>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/escape.hpp"
#include "extract/scanner.hpp"

namespace {

using corridor::Error;
// Every text written is escaped: one line, valid UTF-8, whatever the evidence holds.
using corridor::escape_name;
using namespace corridor::extract;


std::string verdict(const corridor::Mention& m) {
  return m.detail.empty() ? "valid" : "valid;" + m.detail;
}

// Distinct values kept per type for the histogram: beyond this, counts go to one bucket,
// so memory stays bounded on hostile inputs full of unique values.
constexpr std::size_t kMaxDistinct = 1'000'000;

struct Histogram {
  std::unordered_map<std::string, std::uint64_t> counts;
  std::uint64_t other = 0;
  void add(const std::string& v) {
    auto it = counts.find(v);
    if (it != counts.end()) {
      ++it->second;
    } else if (counts.size() < kMaxDistinct) {
      counts.emplace(v, 1);
    } else {
      ++other;
    }
  }
  std::vector<std::pair<std::string, std::uint64_t>> sorted() const {
    std::vector<std::pair<std::string, std::uint64_t>> v(counts.begin(), counts.end());
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (other) v.emplace_back("(other values)", other);
    return v;
  }
};

// Checked before anything is opened: opening a FIFO blocks until a writer comes, and a
// character device (/dev/zero) never ends.
void check_regular_file(const std::string& file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto st = fs::status(file, ec);
  if (ec) throw Error(file, "cannot read: " + ec.message());
  switch (st.type()) {
    case fs::file_type::regular: return;
    case fs::file_type::directory: throw Error(file, "is a folder, not a file");
    case fs::file_type::fifo: throw Error(file, "is a FIFO (named pipe), not a regular file; refused");
    case fs::file_type::socket: throw Error(file, "is a socket, not a regular file; refused");
    case fs::file_type::character:
    case fs::file_type::block: throw Error(file, "is a device, not a regular file; refused");
    default: throw Error(file, "not a regular file; refused");
  }
}

struct Options {
  std::vector<std::string> files;
  std::string out;
  bool json = false;
  std::string region;
  std::string types;
  unsigned threads = 0;
  std::size_t context = 16;
  bool no_utf16 = false;
};

void run(const Options& o) {
  ScanOptions opt;
  opt.region = o.region;
  opt.threads = o.threads;
  opt.context = o.context;
  opt.utf16 = !o.no_utf16;
  for (std::size_t p = 0; p < o.types.size();) {
    auto q = o.types.find(',', p);
    if (q == std::string::npos) q = o.types.size();
    if (q > p) opt.types.push_back(o.types.substr(p, q - p));
    p = q + 1;
  }
  const Scanner scanner;
  for (const auto& t : opt.types) {
    const auto all = scanner.types();
    if (std::find(all.begin(), all.end(), t) == all.end()) throw Error("--types", "unknown feature type " + t);
  }
  for (const auto& file : o.files) check_regular_file(file);
  std::map<std::string, std::ofstream> tables;
  std::map<std::string, Histogram> hist;
  std::ofstream jsonl;
  if (!o.out.empty()) {
    std::filesystem::create_directories(o.out);
    if (o.json) jsonl.open(std::filesystem::path(o.out) / "features.jsonl", std::ios::binary);
  }
  for (const auto& file : o.files) {
    scanner.scan_file(file, opt, [&](const Found& f) {
      const auto& m = f.mention;
      hist[m.type].add(m.value);
      std::string row = escape_name(file) + '\t' + std::to_string(m.offset) + '\t' + std::to_string(m.length) + '\t' +
                        escape_name(m.raw) + '\t' + escape_name(m.value) + '\t' + escape_name(f.context) + '\t' +
                        escape_name(verdict(m)) + '\n';
      if (o.out.empty()) {
        std::cout << m.type << '\t' << row;
        return;
      }
      if (o.json) {
        nlohmann::json j{{"type", m.type},       {"file", file},       {"offset", m.offset},
                         {"length", m.length},   {"raw", escape_name(m.raw)}, {"value", escape_name(m.value)},
                         {"context", escape_name(f.context)}, {"confidence", m.confidence}, {"detail", m.detail}};
        jsonl << j.dump() << '\n';
        return;
      }
      auto it = tables.find(m.type);
      if (it == tables.end()) {
        it = tables.emplace(m.type, std::ofstream(std::filesystem::path(o.out) / (m.type + ".tsv"), std::ios::binary))
                 .first;
        it->second << "# file\toffset\tlength\traw\tvalue\tcontext\tverdict\n";
      }
      it->second << row;
    });
  }
  if (o.out.empty()) return;
  if (o.json) {
    nlohmann::json h = nlohmann::json::object();
    for (const auto& [type, hg] : hist) {
      auto arr = nlohmann::json::array();
      for (const auto& [v, n] : hg.sorted()) arr.push_back({{"value", escape_name(v)}, {"count", n}});
      h[type] = arr;
    }
    std::ofstream(std::filesystem::path(o.out) / "histograms.json") << h.dump(1) << '\n';
    return;
  }
  for (const auto& [type, hg] : hist) {
    std::ofstream out(std::filesystem::path(o.out) / (type + "_histogram.tsv"), std::ios::binary);
    out << "# count\tvalue\n";
    for (const auto& [v, n] : hg.sorted()) out << n << '\t' << escape_name(v) << '\n';
  }
}

void setup(CLI::App& root) {
  auto o = std::make_shared<Options>();
  auto* cmd = root.add_subcommand("scan", "Find identifiers (phones, IBANs, wallets, MRZ...) in any files");
  cmd->add_option("files", o->files, "Files to scan (any bytes)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--out", o->out, "Folder for <type>.tsv and <type>_histogram.tsv (stdout when absent)");
  cmd->add_flag("--json", o->json, "Write features.jsonl and histograms.json instead of TSV");
  cmd->add_option("--region", o->region, "ISO 3166 region for national phone numbers, e.g. LY");
  cmd->add_option("--types", o->types, "Comma-separated feature types to report (default: all)");
  cmd->add_option("--threads", o->threads, "Worker threads (default: one per core)");
  cmd->add_option("--context", o->context, "Bytes of context on each side (default 16)");
  cmd->add_flag("--no-utf16", o->no_utf16, "Do not look for UTF-16 text inside the bytes");
  cmd->callback([o] { run(*o); });
}
CORRIDOR_COMMAND(setup);

}  // namespace

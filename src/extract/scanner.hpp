#pragma once
// The extraction engine: every feature type's patterns compiled once into one Vectorscan
// database, one pass over the bytes, then each candidate validated and normalised by its
// feature (see feature_table.cpp). A Scanner is immutable after construction and may be
// shared by any number of threads.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/types.hpp"

namespace corridor::extract {

struct ScanOptions {
  // ISO 3166 alpha-2 region for phone numbers written in national form ("LY"); when empty
  // the region is guessed from a country named nearby, with a lower confidence.
  std::string region;
  // Feature types to report ("phone", "iban"...); empty means all.
  std::vector<std::string> types;
  // Worker threads for scan_file / scan_binary; 0 means one per core.
  unsigned threads = 1;
  // Also decode UTF-16LE/BE runs found inside the bytes (scan_file / scan_binary only).
  bool utf16 = true;
  // Characters of context kept on each side for the Found callback.
  std::size_t context = 16;
};

// A mention with the text around it, for reports such as `corridor scan`.
struct Found {
  Mention mention;
  std::string context;  // up to ScanOptions::context bytes each side, as UTF-8 text
};

using OnMention = std::function<void(const Mention&)>;
using OnFound = std::function<void(const Found&)>;

struct ScanStats {
  std::uint64_t bytes = 0;
  std::uint64_t mentions = 0;
  std::uint64_t utf16_runs = 0;
};

class Scanner {
 public:
  Scanner();  // compiles every feature type; throws corridor::Error if the table is broken
  ~Scanner();
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;

  // A text unit (UTF-8): mentions in offset order, offsets relative to `bytes`.
  // Large inputs are cut into chunks with overlap internally, so memory stays bounded.
  void scan(std::string_view bytes, const ScanOptions& opt, const OnMention& on) const;

  // Arbitrary binary data: as scan(), plus UTF-16 runs decoded with offsets mapped back to
  // the original bytes, spread over opt.threads workers, results still in offset order.
  ScanStats scan_binary(std::string_view bytes, const ScanOptions& opt, const OnFound& on) const;

  // A file of any size, read in chunks (bounded memory whatever its size).
  // Throws corridor::Error when it cannot be read.
  ScanStats scan_file(const std::string& path, const ScanOptions& opt, const OnFound& on) const;

  // Every type name this scanner can report, in table order.
  std::vector<std::string> types() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Version of the extractors, recorded in provenance as "<type>@<version>".
inline constexpr int kExtractorVersion = 1;

}  // namespace corridor::extract

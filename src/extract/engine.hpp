#pragma once
// Internals of the Scanner shared by scanner.cpp (database, one block), chunks.cpp (files,
// threads) and utf16.cpp. Not part of the public API.
#include <hs.h>

#include <mutex>
#include <vector>

#include "extract/feature.hpp"
#include "extract/scanner.hpp"

namespace corridor::extract {

// Chunks scanned independently; each sees kOverlap bytes on both sides, and keeps only the
// mentions that start in its own part, so nothing at a border is lost or found twice.
// Every pattern is bounded well below kOverlap / 2 bytes (UTF-16 doubles the length).
inline constexpr std::size_t kChunk = 4u << 20;
inline constexpr std::size_t kOverlap = 8u << 10;

struct Scanner::Impl {
  struct Ref {
    unsigned feature, sub;
  };
  hs_database_t* db = nullptr;
  hs_scratch_t* proto = nullptr;
  std::vector<Ref> refs;
  mutable std::mutex pool_mu;
  mutable std::vector<hs_scratch_t*> pool;

  Impl();
  ~Impl();
  hs_scratch_t* acquire() const;
  void release(hs_scratch_t* s) const;

  // Mentions of buf whose start lies in [own_begin, own_end), offsets relative to buf,
  // sorted by offset, overlaps resolved, type filter applied.
  void scan_block(std::string_view buf, std::size_t own_begin, std::size_t own_end,
                  const ScanOptions& opt, std::vector<Mention>& out) const;
};

// Drops overlapping mentions that lose to a stronger reading of the same bytes
// (a phone inside an IBAN, a domain inside a URL); keeps pairs that belong together
// (a wa.me link and its phone). Sorts by offset.
void resolve_overlaps(std::vector<Mention>& ms);

bool type_wanted(const ScanOptions& opt, const std::string& type);

}  // namespace corridor::extract

#pragma once
// What one evidence item may unpack into, counted over its whole tree: the members of an
// archive, the members of archives among them, and so on. One budget per top-level item,
// shared by every archive read below it, so the limits hold for the tree and not per
// level (a 25 KB zip of a hundred zips of zeros is a bomb even if each level looks
// harmless). Checked for every block while unpacking, so a bomb stops before it fills
// the disk, not after.
#include <cstdint>
#include <string>

#include "ingest/reader.hpp"

namespace corridor::ingest {

class UnpackBudget {
 public:
  // `outermost`: the top-level item's name and size, the base of the tree's ratio.
  UnpackBudget(const ArchiveLimits& limits, std::string outermost, std::uint64_t outermost_size);

  // Before a member of `file`, an archive at nesting `depth`, is written.
  void enter_member(const std::string& file, const std::string& member, int depth);

  // Where one archive stands while it is unpacked.
  struct Progress {
    std::uint64_t member_bytes = 0;  // unpacked so far from the current member
    std::uint64_t unpacked = 0;      // from this archive so far
    std::uint64_t read = 0;          // of this archive's own bytes so far
  };
  // After `n` more bytes came out of `member`; throws corridor::Error naming the limit.
  void unpacked(const std::string& file, const std::string& member, std::uint64_t n, const Progress& at);

  std::uint64_t total() const { return total_; }

 private:
  bool over_ratio(std::uint64_t out, std::uint64_t in) const;

  ArchiveLimits limits_;
  std::string outermost_;
  std::uint64_t outermost_size_;
  std::uint64_t total_ = 0, members_ = 0;
};

}  // namespace corridor::ingest

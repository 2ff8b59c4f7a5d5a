#pragma once
// Copies of many short strings kept in a few large blocks that never move: a view of a
// kept string stays valid while more are added, until clear(), which keeps the blocks for
// reuse. Bulk paths use it instead of one allocation per string (and its free, perhaps on
// another thread) or one growing string (which moves, so only offsets could be kept).
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace corridor {

class TextArena {
 public:
  // A copy of `s` (an empty view for an empty string).
  std::string_view keep(std::string_view s);
  void clear();

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<std::size_t> sizes_;
  std::size_t block_ = 0, used_ = 0;  // the block being filled, bytes used in it
};

}  // namespace corridor

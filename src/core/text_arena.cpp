#include "core/text_arena.hpp"

#include <algorithm>

namespace corridor {

namespace {
constexpr std::size_t kBlock = 1 << 20;
}  // namespace

std::string_view TextArena::keep(std::string_view s) {
  if (s.empty()) return {};
  while (block_ < blocks_.size() && used_ + s.size() > sizes_[block_]) ++block_, used_ = 0;
  if (block_ == blocks_.size()) {
    sizes_.push_back(std::max(kBlock, s.size()));
    blocks_.push_back(std::make_unique<char[]>(sizes_.back()));
    used_ = 0;
  }
  char* at = blocks_[block_].get() + used_;
  std::copy(s.begin(), s.end(), at);
  used_ += s.size();
  return {at, s.size()};
}

void TextArena::clear() { block_ = used_ = 0; }

}  // namespace corridor

#include "store/entity_row_ids.hpp"

#include <functional>

namespace corridor::store {

std::uint64_t EntityRowIds::hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

std::int64_t EntityRowIds::find(std::uint64_t hash, std::string_view id) const {
  if (slots_.empty()) return 0;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t j = home(hash); slots_[j].rid != 0; j = (j + 1) & mask) {
    const Slot& s = slots_[j];
    if (s.hash == hash && id_of(s) == id) return s.rid;
  }
  return 0;
}

void EntityRowIds::insert(std::uint64_t hash, std::string_view id, std::int64_t rid) {
  if (4 * (size_ + 1) > 3 * slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t j = home(hash);
  while (slots_[j].rid != 0) j = (j + 1) & mask;
  const std::string_view kept = text_.keep(id);
  slots_[j] = {hash, rid, kept.data(), kept.size()};
  ++size_;
}

void EntityRowIds::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.rid == 0) continue;
    std::size_t j = home(s.hash);
    while (slots_[j].rid != 0) j = (j + 1) & mask;
    slots_[j] = s;
  }
}

void EntityRowIds::prefetch_slot(std::uint64_t hash) const {
  if (!slots_.empty()) __builtin_prefetch(&slots_[home(hash)]);
}

void EntityRowIds::prefetch_id(std::uint64_t hash) const {
  if (slots_.empty()) return;
  const Slot& s = slots_[home(hash)];
  if (s.rid != 0 && s.hash == hash) __builtin_prefetch(s.id);
}

}  // namespace corridor::store

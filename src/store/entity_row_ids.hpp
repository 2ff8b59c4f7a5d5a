#pragma once
// Entity id -> row id, for the bulk writer of one transaction: a million entities are
// looked up millions of times, and a node-based map costs three cache misses a lookup
// (bucket, node, the id's own allocation). Here a slot holds the id's 64-bit hash and
// row id side by side, the ids live in one text buffer, and a caller can prefetch the
// slot and then the id of a lookup it is about to make, so a batch's lookups overlap.
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text_arena.hpp"

namespace corridor::store {

class EntityRowIds {
 public:
  static std::uint64_t hash(std::string_view id);
  // The row id of `id`, 0 when absent (SQLite row ids start at 1).
  std::int64_t find(std::uint64_t hash, std::string_view id) const;
  // `id` must be absent; `rid` > 0.
  void insert(std::uint64_t hash, std::string_view id, std::int64_t rid);
  // Cache hints only: the slot of `hash`, then (once it is in the cache) the stored id
  // the first matching slot points at.
  void prefetch_slot(std::uint64_t hash) const;
  void prefetch_id(std::uint64_t hash) const;
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::int64_t rid = 0;  // 0: empty
    const char* id = nullptr;  // kept in text_
    std::uint64_t length = 0;
  };
  std::size_t home(std::uint64_t hash) const { return hash & (slots_.size() - 1); }
  static std::string_view id_of(const Slot& s) { return {s.id, s.length}; }
  void grow();
  std::vector<Slot> slots_;  // at most three quarters full
  // The ids: a growing string would copy them all as it grows, and keep up to twice
  // their size.
  TextArena text_;
  std::size_t size_ = 0;
};

}  // namespace corridor::store

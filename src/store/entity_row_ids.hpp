#pragma once
// Row ids of the entities one writer has met, by entity id. Corridor's ids are
// "<schema>-<32 hex digits of SHA-256>": those are keyed by their 128 bits, read straight
// from the hex (no hashing, no string copy) in an open-addressing table, one cache line
// per lookup. A million new messages are a million misses, so this is on the ingest path.
// Any other id falls back to a string map.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace corridor::store {

class EntityRowIds {
 public:
  // The row id, or 0 when the id was never put.
  std::int64_t find(std::string_view id) const;
  // `rid` must be > 0.
  void put(std::string_view id, std::int64_t rid);
  std::size_t size() const { return used_ + others_.size(); }

 private:
  struct Slot {
    std::uint64_t hi = 0, lo = 0;
    std::int64_t rid = 0;  // 0: empty
  };
  struct Key {
    std::uint64_t hi = 0, lo = 0;
  };
  static bool hashed_key(std::string_view id, Key& key);
  std::size_t slot_of(const Key& k) const;
  void grow();

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::unordered_map<std::string, std::int64_t> others_;
};

}  // namespace corridor::store

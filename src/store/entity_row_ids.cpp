#include "store/entity_row_ids.hpp"

namespace corridor::store {

namespace {

constexpr std::size_t kHexDigits = 32;

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool parse_hex64(std::string_view hex, std::uint64_t& out) {
  out = 0;
  for (char c : hex) {
    const int d = hex_digit(c);
    if (d < 0) return false;
    out = out << 4 | static_cast<std::uint64_t>(d);
  }
  return true;
}

// FNV-1a of the schema prefix: two schemas never share a key even with equal digests.
std::uint64_t prefix_hash(std::string_view prefix) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : prefix) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

}  // namespace

bool EntityRowIds::hashed_key(std::string_view id, Key& key) {
  if (id.size() < kHexDigits + 2 || id[id.size() - kHexDigits - 1] != '-') return false;
  const std::string_view hex = id.substr(id.size() - kHexDigits);
  if (!parse_hex64(hex.substr(0, 16), key.hi) || !parse_hex64(hex.substr(16), key.lo)) return false;
  key.lo ^= prefix_hash(id.substr(0, id.size() - kHexDigits - 1));
  return true;
}

std::size_t EntityRowIds::slot_of(const Key& k) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(k.hi) & mask;
  while (slots_[i].rid != 0 && (slots_[i].hi != k.hi || slots_[i].lo != k.lo)) i = (i + 1) & mask;
  return i;
}

std::int64_t EntityRowIds::find(std::string_view id) const {
  Key k;
  if (!hashed_key(id, k)) {
    const auto it = others_.find(std::string(id));
    return it == others_.end() ? 0 : it->second;
  }
  if (slots_.empty()) return 0;
  return slots_[slot_of(k)].rid;
}

void EntityRowIds::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  for (const Slot& s : old)
    if (s.rid != 0) slots_[slot_of(Key{s.hi, s.lo})] = s;
}

void EntityRowIds::put(std::string_view id, std::int64_t rid) {
  Key k;
  if (!hashed_key(id, k)) {
    others_[std::string(id)] = rid;
    return;
  }
  if ((used_ + 1) * 2 > slots_.size()) grow();  // at most half full: short probes
  Slot& s = slots_[slot_of(k)];
  if (s.rid == 0) ++used_;
  s = Slot{k.hi, k.lo, rid};
}

}  // namespace corridor::store

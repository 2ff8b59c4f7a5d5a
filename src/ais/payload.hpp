#pragma once
// The AIS message as a string of bits, read MSB first as ITU-R M.1371-5 numbers them.
// Bits are packed into bytes so that a field of up to 57 bits is one unaligned 64-bit
// load and a shift: this is the hot loop of the decoder.
#include <array>
#include <cstdint>
#include <string_view>

#include "ais/reject.hpp"

namespace corridor::ais {

class Payload {
 public:
  // 1024 armoured characters: far beyond the longest legal message (5 slots, 1008 bits),
  // still small enough to live on the stack.
  static constexpr std::size_t kMaxChars = 1024;
  static constexpr std::size_t kMaxBits = kMaxChars * 6;

  Payload() = default;

  // Six-bit de-armouring of `chars` appended to the bits held so far. Returns kBadPayloadChar
  // or kPayloadTooLong on bad input, leaving the payload unusable.
  Reject append_armoured(std::string_view chars);
  // Drops `fill` bits (0..5) from the end; kBadFillBits if there are fewer bits than that.
  Reject drop_fill_bits(int fill);
  void clear() { nbits_ = 0; }

  std::size_t size_bits() const { return nbits_; }
  bool has(std::size_t start, std::size_t len) const { return start + len <= nbits_; }

  // Fields beyond the end read as zero bits, as gpsd and libais do for short messages;
  // callers check has() where the difference matters.
  std::uint64_t get_unsigned(std::size_t start, unsigned len) const {
    if (len == 0 || start >= kMaxBits) return 0;
    const std::size_t byte = start >> 3;
    std::uint64_t w = 0;
    for (int i = 0; i < 8; ++i) w = (w << 8) | bytes_[byte + i];
    w <<= (start & 7);
    std::uint64_t v = w >> (64 - len);
    if (start + len > nbits_) {  // mask bits past the end (they may hold stale data)
      const std::size_t valid = start >= nbits_ ? 0 : nbits_ - start;
      v = valid == 0 ? 0 : (v >> (len - valid)) << (len - valid);
    }
    return v;
  }
  std::int64_t get_signed(std::size_t start, unsigned len) const {
    const std::uint64_t u = get_unsigned(start, len);
    const std::uint64_t sign = std::uint64_t{1} << (len - 1);
    return static_cast<std::int64_t>(u ^ sign) - static_cast<std::int64_t>(sign);
  }
  // Six-bit ASCII text of `nchars` characters ('@' = 0 ... '_' = 31, ' ' = 32 ... '?' = 63),
  // with trailing '@' padding and spaces removed. Writes into `out` (capacity >= nchars),
  // returns the length.
  std::size_t get_text(std::size_t start, std::size_t nchars, char* out) const;

 private:
  std::size_t nbits_ = 0;
  // +8 so the 64-bit window at the last byte stays inside the array.
  std::array<std::uint8_t, kMaxBits / 8 + 8> bytes_{};
};

// Value of one armoured character, or -1 outside the alphabet.
inline int armour_value(char c) {
  const int u = static_cast<unsigned char>(c);
  if (u >= 48 && u <= 87) return u - 48;
  if (u >= 96 && u <= 119) return u - 56;
  return -1;
}

}  // namespace corridor::ais

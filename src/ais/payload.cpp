#include "ais/payload.hpp"

namespace corridor::ais {

Reject Payload::append_armoured(std::string_view chars) {
  if (nbits_ + chars.size() * 6 > kMaxBits) return Reject::kPayloadTooLong;
  std::size_t bit = nbits_;
  for (char c : chars) {
    const int v = armour_value(c);
    if (v < 0) return Reject::kBadPayloadChar;
    // Write 6 bits at `bit`: they straddle at most two bytes.
    const std::size_t byte = bit >> 3;
    const unsigned off = bit & 7;
    const unsigned word = static_cast<unsigned>(v) << (10 - off);  // 16-bit window
    if (off == 0) bytes_[byte] = 0;
    bytes_[byte] = static_cast<std::uint8_t>((bytes_[byte] & (0xFF00u >> off)) | (word >> 8));
    bytes_[byte + 1] = static_cast<std::uint8_t>(word & 0xFF);
    bit += 6;
  }
  nbits_ = bit;
  // Zero the tail so 64-bit windows never see stale bits from an earlier message.
  const std::size_t last = (nbits_ + 7) >> 3;
  for (std::size_t i = last; i < last + 8 && i < bytes_.size(); ++i) bytes_[i] = 0;
  if (nbits_ & 7) bytes_[nbits_ >> 3] &= static_cast<std::uint8_t>(0xFF00u >> (nbits_ & 7));
  return Reject::kNone;
}

Reject Payload::drop_fill_bits(int fill) {
  if (fill < 0 || fill > 5 || static_cast<std::size_t>(fill) > nbits_) return Reject::kBadFillBits;
  nbits_ -= static_cast<std::size_t>(fill);
  return Reject::kNone;
}

std::size_t Payload::get_text(std::size_t start, std::size_t nchars, char* out) const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < nchars; ++i) {
    if (!has(start + i * 6, 6)) break;
    const unsigned v = static_cast<unsigned>(get_unsigned(start + i * 6, 6));
    out[n++] = static_cast<char>(v < 32 ? v + 64 : v);
  }
  while (n > 0 && (out[n - 1] == '@' || out[n - 1] == ' ')) --n;
  return n;
}

}  // namespace corridor::ais

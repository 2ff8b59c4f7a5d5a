// Ethereum addresses (also USDT/ERC-20): "0x" and 40 hex digits. Mixed case carries the
// EIP-55 checksum, which must hold; all-lower or all-upper has none to check.
// Value: lower case, so both spellings of one address meet.
#include "extract/checks.hpp"
#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

bool eip55_ok(std::string_view hex40) {
  const std::string low = lower(hex40);
  const auto h = keccak256(low);
  for (std::size_t i = 0; i < 40; ++i) {
    const char ch = hex40[i];
    if (is_ascii_digit(ch)) continue;
    const unsigned nibble = (i % 2 == 0) ? (h[i / 2] >> 4) : (h[i / 2] & 0xF);
    if ((nibble >= 8) != is_upper(ch)) return false;
  }
  return true;
}

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (glued_before(c.buf, c.from) || glued_after(c.buf, c.to)) return;
  const std::string_view hex = c.text().substr(2);
  bool lo = false, up = false;
  for (char ch : hex) {
    lo = lo || (ch >= 'a' && ch <= 'f');
    up = up || (ch >= 'A' && ch <= 'F');
  }
  if (lo && up) {
    if (!eip55_ok(hex)) return;
    ctx.emit(c, c.from, c.to, "eth", "0x" + lower(hex), 1.0, "check=eip55");
  } else {
    ctx.emit(c, c.from, c.to, "eth", "0x" + lower(hex), 0.9, "check=none");
  }
}

}  // namespace

Feature eth_feature() { return Feature{"eth", {"eth"}, {R"(0x[0-9a-fA-F]{40})"}, handle}; }

}  // namespace corridor::extract

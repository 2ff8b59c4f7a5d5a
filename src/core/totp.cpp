#include "core/totp.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cctype>

namespace corridor {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string hotp(std::span<const std::uint8_t> secret, std::uint64_t counter, int digits) {
  std::uint8_t msg[8];
  for (int i = 7; i >= 0; --i, counter >>= 8) msg[i] = static_cast<std::uint8_t>(counter & 0xFF);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), msg, sizeof msg, mac, &len);
  const int off = mac[len - 1] & 0x0F;
  const std::uint32_t bin = (static_cast<std::uint32_t>(mac[off] & 0x7F) << 24) | (static_cast<std::uint32_t>(mac[off + 1]) << 16) |
                            (static_cast<std::uint32_t>(mac[off + 2]) << 8) | mac[off + 3];
  std::uint32_t mod = 1;
  for (int i = 0; i < digits; ++i) mod *= 10;
  std::string code = std::to_string(bin % mod);
  return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

}  // namespace

std::string totp_code(std::span<const std::uint8_t> secret, std::int64_t unix_seconds, int digits, int step) {
  return hotp(secret, static_cast<std::uint64_t>(unix_seconds / step), digits);
}

std::optional<std::int64_t> totp_step(std::span<const std::uint8_t> secret, std::string_view code, std::int64_t unix_seconds) {
  if (code.size() != 6) return std::nullopt;
  const std::int64_t now = unix_seconds / 30;
  std::optional<std::int64_t> found;
  for (std::int64_t s = now - 1; s <= now + 1; ++s) {
    const std::string want = hotp(secret, static_cast<std::uint64_t>(s), 6);
    if (CRYPTO_memcmp(want.data(), code.data(), 6) == 0) found = s;  // every step compared: no early exit
  }
  return found;
}

std::string base32_encode(std::span<const std::uint8_t> bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (auto b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

std::optional<std::vector<std::uint8_t>> base32_decode(std::string_view text) {
  std::vector<std::uint8_t> out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=' || c == ' ') continue;
    const char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const char* at = std::char_traits<char>::find(kAlphabet, 32, u);
    if (!at) return std::nullopt;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(at - kAlphabet);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<std::uint8_t>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

}  // namespace corridor

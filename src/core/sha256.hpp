#pragma once
// SHA-256 through OpenSSL's libcrypto (which uses the CPU's SHA extensions where present),
// streaming, with hex helpers.
#include <array>
#include <initializer_list>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace corridor {

using Digest = std::array<std::uint8_t, 32>;

class Sha256 {
 public:
  Sha256();
  Sha256& update(std::span<const std::uint8_t> bytes);
  Sha256& update(std::string_view text);
  Digest finish();

 private:
  struct Free {
    void operator()(void* ctx) const;
  };
  std::unique_ptr<void, Free> ctx_;  // an EVP_MD_CTX, kept out of this header
};

Digest sha256(std::string_view bytes);
// The digest of the parts one after the other, on a context kept per thread: for the
// millions of short inputs (entity ids, Merkle nodes) where a fresh context costs more
// than the hashing.
Digest sha256_of(std::initializer_list<std::string_view> parts);
// HMAC-SHA-256 (RFC 2104) of `message` under `key`.
Digest hmac_sha256(std::span<const std::uint8_t> key, std::string_view message);
std::string to_hex(std::span<const std::uint8_t> bytes);
// Throws corridor::Error unless `hex` is exactly 2*out.size() hex digits.
void from_hex(std::string_view hex, std::span<std::uint8_t> out);
Digest digest_from_hex(std::string_view hex);
bool is_sha256_hex(std::string_view hex);

}  // namespace corridor

#include "core/sha256.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "core/error.hpp"

namespace corridor {

namespace {
// Fetched once: an implicit fetch on every init costs more than hashing a short id.
const EVP_MD* sha256_md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (!md) throw Error("OpenSSL has no SHA-256 implementation");
  return md;
}
EVP_MD_CTX* as_ctx(void* p) { return static_cast<EVP_MD_CTX*>(p); }

void start(EVP_MD_CTX* ctx) {
  if (!ctx || EVP_DigestInit_ex(ctx, sha256_md(), nullptr) != 1) throw Error("OpenSSL failed to start a SHA-256 digest");
}

Digest final_digest(EVP_MD_CTX* ctx) {
  Digest out{};
  unsigned int n = 0;
  EVP_DigestFinal_ex(ctx, out.data(), &n);
  return out;
}
}  // namespace

void Sha256::Free::operator()(void* ctx) const { EVP_MD_CTX_free(as_ctx(ctx)); }

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) { start(as_ctx(ctx_.get())); }

Sha256& Sha256::update(std::span<const std::uint8_t> bytes) {
  EVP_DigestUpdate(as_ctx(ctx_.get()), bytes.data(), bytes.size());
  return *this;
}

Sha256& Sha256::update(std::string_view text) {
  EVP_DigestUpdate(as_ctx(ctx_.get()), text.data(), text.size());
  return *this;
}

Digest Sha256::finish() { return final_digest(as_ctx(ctx_.get())); }

Digest sha256_of(std::initializer_list<std::string_view> parts) {
  thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  start(ctx.get());
  for (std::string_view p : parts) EVP_DigestUpdate(ctx.get(), p.data(), p.size());
  return final_digest(ctx.get());
}

Digest sha256(std::string_view bytes) { return sha256_of({bytes}); }

Digest hmac_sha256(std::span<const std::uint8_t> key, std::string_view message) {
  Digest out{};
  std::size_t n = 0;
  if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key.data(), key.size(),
                 reinterpret_cast<const unsigned char*>(message.data()), message.size(), out.data(), out.size(), &n) ||
      n != out.size())
    throw Error("OpenSSL failed to compute an HMAC-SHA-256");
  return out;
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(bytes.size() * 2, '0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    out[2 * i] = kDigits[bytes[i] >> 4];
    out[2 * i + 1] = kDigits[bytes[i] & 0xF];
  }
  return out;
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

void from_hex(std::string_view hex, std::span<std::uint8_t> out) {
  if (hex.size() != out.size() * 2)
    throw Error("expected " + std::to_string(out.size() * 2) + " hex digits, got " +
                std::to_string(hex.size()));
  for (std::size_t i = 0; i < out.size(); ++i) {
    int hi = hex_value(hex[2 * i]), lo = hex_value(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) throw Error("not a hex digit in '" + std::string(hex) + "'");
    out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
}

Digest digest_from_hex(std::string_view hex) {
  Digest d{};
  from_hex(hex, d);
  return d;
}

bool is_sha256_hex(std::string_view hex) {
  if (hex.size() != 64) return false;
  for (char c : hex)
    if (hex_value(c) < 0) return false;
  return true;
}

}  // namespace corridor

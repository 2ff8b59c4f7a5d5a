#include "core/ids.hpp"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <span>

#include "core/error.hpp"
#include "core/sha256.hpp"

namespace corridor {

namespace fs = std::filesystem;

namespace {

std::atomic<bool> g_unkeyed{false};

IdKey load_or_make(const fs::path& dir) {
  const fs::path p = dir / "entity-ids.key";
  IdKey key{};
  if (std::ifstream in(p); in) {
    std::string hex;
    std::getline(in, hex);
    if (!is_sha256_hex(hex)) throw Error(p.string(), "not an id key (64 hex digits expected)", Error::kCase);
    from_hex(hex, key);
    return key;
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  ::chmod(dir.c_str(), 0700);
  if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) throw Error(p.string(), "no random bytes for the id key");
  // O_EXCL: two first runs at once keep one key (the loser reads the winner's).
  const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return load_or_make(dir);
    throw Error(p.string(), "cannot write the id key", Error::kCase);
  }
  const std::string text = to_hex(key) + "\n";
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::fchmod(fd, 0600);
  ::close(fd);
  if (!ok) throw Error(p.string(), "cannot write the id key", Error::kCase);
  return key;
}

// HMAC-SHA-256 with the key's two padded blocks hashed once: each id then costs two
// short digests on copies of those states, not the key schedule again.
class IdHmac {
 public:
  explicit IdHmac(const IdKey& key) : inner_(EVP_MD_CTX_new(), &EVP_MD_CTX_free), outer_(EVP_MD_CTX_new(), &EVP_MD_CTX_free) {
    std::uint8_t ipad[64], opad[64];
    for (std::size_t i = 0; i < 64; ++i) {
      const std::uint8_t k = i < key.size() ? key[i] : 0;
      ipad[i] = k ^ 0x36;
      opad[i] = k ^ 0x5c;
    }
    start(inner_.get(), ipad);
    start(outer_.get(), opad);
  }
  Digest mac(std::initializer_list<std::string_view> parts) const {
    thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    Digest inner{}, out{};
    unsigned n = 0;
    EVP_MD_CTX_copy_ex(ctx.get(), inner_.get());
    for (auto p : parts) EVP_DigestUpdate(ctx.get(), p.data(), p.size());
    EVP_DigestFinal_ex(ctx.get(), inner.data(), &n);
    EVP_MD_CTX_copy_ex(ctx.get(), outer_.get());
    EVP_DigestUpdate(ctx.get(), inner.data(), inner.size());
    EVP_DigestFinal_ex(ctx.get(), out.data(), &n);
    return out;
  }

 private:
  static void start(EVP_MD_CTX* c, const std::uint8_t* block) {
    if (!c || EVP_DigestInit_ex(c, EVP_sha256(), nullptr) != 1 || EVP_DigestUpdate(c, block, 64) != 1)
      throw Error("OpenSSL failed to start the id key's HMAC");
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> inner_{nullptr, &EVP_MD_CTX_free};
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> outer_{nullptr, &EVP_MD_CTX_free};
};

const IdHmac& installation_hmac() {
  static const IdHmac h(installation_id_key());
  return h;
}

}  // namespace

fs::path operator_key_dir() {
  if (const char* d = std::getenv("CORRIDOR_KEY_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) return fs::path(x) / "corridor" / "keys";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".config" / "corridor" / "keys";
  throw Error("key folder", "no folder for keys: set CORRIDOR_KEY_DIR or HOME", Error::kCase);
}

const IdKey& installation_id_key() {
  static const IdKey key = load_or_make(operator_key_dir());
  return key;
}

std::string id_key_fingerprint(const IdKey& key) {
  const Digest d = sha256_of({std::string_view("corridor id key\0", 16),
                              std::string_view(reinterpret_cast<const char*>(key.data()), key.size())});
  return to_hex(std::span<const std::uint8_t>(d.data(), 8));
}

void use_keyed_entity_ids() { g_unkeyed.store(false); }
void use_unkeyed_entity_ids() { g_unkeyed.store(true); }
bool entity_ids_keyed() { return !g_unkeyed.load(); }

std::string make_entity_id(std::string_view schema, std::string_view key) {
  const std::initializer_list<std::string_view> parts = {std::string_view("corridor\0", 9), schema,
                                                          std::string_view("\0", 1), key};
  const Digest d = g_unkeyed.load(std::memory_order_relaxed) ? sha256_of(parts) : installation_hmac().mac(parts);
  std::string id;
  id.reserve(schema.size() + 33);
  for (char c : schema) id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  id += '-';
  id += to_hex(std::span<const std::uint8_t>(d.data(), 16));
  return id;
}

}  // namespace corridor

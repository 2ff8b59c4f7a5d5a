#include "store/case_keys.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/sha256.hpp"

namespace corridor::store {

namespace fs = std::filesystem;

namespace {
fs::path legacy_secret_path(const fs::path& dir) { return dir / "keys" / "case.ed25519"; }
fs::path sealed_path(const fs::path& dir) { return dir / "keys" / "case.ed25519.enc"; }
fs::path public_path(const fs::path& dir) { return dir / "keys" / "case.pub"; }
fs::path operator_secret_path(const std::string& case_id) { return CaseKeys::key_dir() / (case_id + ".ed25519"); }

void init_sodium() {
  if (sodium_init() < 0) throw Error("libsodium failed to initialise");
}

// Written with the mode given at creation (never wider, whatever the umask).
void write_private(const fs::path& p, const std::string& text, mode_t mode) {
  const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) throw Error(p.string(), "cannot write key file", Error::kCase);
  ::fchmod(fd, mode);
  const std::string line = text + "\n";
  const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) throw Error(p.string(), "cannot write key file", Error::kCase);
}

std::string read_line(const fs::path& p) {
  std::ifstream in(p);
  std::string line;
  if (!in || !std::getline(in, line)) throw Error(p.string(), "cannot read key file", Error::kCase);
  return line;
}

void make_private_dir(const fs::path& d) {
  std::error_code ec;
  fs::create_directories(d, ec);
  if (ec) throw Error(d.string(), "cannot create key folder: " + ec.message(), Error::kCase);
  ::chmod(d.c_str(), 0700);
}

const char* passphrase() {
  const char* p = std::getenv("CORRIDOR_KEY_PASSPHRASE");
  return p && *p ? p : nullptr;
}

using SecretboxKey = std::array<std::uint8_t, crypto_secretbox_KEYBYTES>;

SecretboxKey derive(const char* pass, const std::uint8_t* salt) {
  SecretboxKey key{};
  if (crypto_pwhash(key.data(), key.size(), pass, std::char_traits<char>::length(pass), salt,
                    crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                    crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw Error("case key", "cannot derive a key from the passphrase (out of memory)", Error::kCase);
  return key;
}

// salt || nonce || secretbox(secret key), in hex.
std::string seal(const std::array<std::uint8_t, 64>& sk, const char* pass) {
  std::array<std::uint8_t, crypto_pwhash_SALTBYTES> salt{};
  std::array<std::uint8_t, crypto_secretbox_NONCEBYTES> nonce{};
  randombytes_buf(salt.data(), salt.size());
  randombytes_buf(nonce.data(), nonce.size());
  SecretboxKey key = derive(pass, salt.data());
  std::array<std::uint8_t, 64 + crypto_secretbox_MACBYTES> box{};
  crypto_secretbox_easy(box.data(), sk.data(), sk.size(), nonce.data(), key.data());
  sodium_memzero(key.data(), key.size());
  return to_hex(salt) + to_hex(nonce) + to_hex(box);
}

void unseal(const std::string& hex, const char* pass, std::array<std::uint8_t, 64>& sk, const fs::path& where) {
  std::array<std::uint8_t, crypto_pwhash_SALTBYTES> salt{};
  std::array<std::uint8_t, crypto_secretbox_NONCEBYTES> nonce{};
  std::array<std::uint8_t, 64 + crypto_secretbox_MACBYTES> box{};
  const std::size_t a = salt.size() * 2, b = nonce.size() * 2;
  if (hex.size() != a + b + box.size() * 2) throw Error(where.string(), "sealed case key has the wrong length", Error::kCase);
  from_hex(std::string_view(hex).substr(0, a), salt);
  from_hex(std::string_view(hex).substr(a, b), nonce);
  from_hex(std::string_view(hex).substr(a + b), box);
  SecretboxKey key = derive(pass, salt.data());
  const bool ok = crypto_secretbox_open_easy(sk.data(), box.data(), box.size(), nonce.data(), key.data()) == 0;
  sodium_memzero(key.data(), key.size());
  if (!ok) throw Error(where.string(), "wrong passphrase for the case key (CORRIDOR_KEY_PASSPHRASE)", Error::kCase);
}
}  // namespace

fs::path CaseKeys::key_dir() { return operator_key_dir(); }

CaseKeys CaseKeys::create(const fs::path& case_dir, const std::string& case_id) {
  init_sodium();
  CaseKeys k;
  crypto_sign_keypair(k.pk_.data(), k.sk_.data());
  make_private_dir(case_dir / "keys");
  if (const char* pass = passphrase()) {
    write_private(sealed_path(case_dir), seal(k.sk_, pass), 0600);
  } else {
    make_private_dir(key_dir());
    write_private(operator_secret_path(case_id), to_hex(k.sk_), 0600);
  }
  write_private(public_path(case_dir), to_hex(k.pk_), 0600);
  return k;
}

std::string CaseKeys::read_public_hex(const fs::path& case_dir) { return read_line(public_path(case_dir)); }

CaseKeys CaseKeys::load(const fs::path& case_dir, const std::string& case_id) {
  init_sodium();
  CaseKeys k;
  std::error_code ec;
  try {
    from_hex(read_public_hex(case_dir), k.pk_);
    if (fs::exists(sealed_path(case_dir), ec)) {
      const char* pass = passphrase();
      if (!pass)
        throw Error(sealed_path(case_dir).string(),
                    "the case key is sealed with a passphrase: set CORRIDOR_KEY_PASSPHRASE", Error::kCase);
      unseal(read_line(sealed_path(case_dir)), pass, k.sk_, sealed_path(case_dir));
    } else if (fs::exists(legacy_secret_path(case_dir), ec)) {
      // A case made before keys left the folder: move the key to the operator's folder.
      from_hex(read_line(legacy_secret_path(case_dir)), k.sk_);
      make_private_dir(key_dir());
      write_private(operator_secret_path(case_id), to_hex(k.sk_), 0600);
      fs::remove(legacy_secret_path(case_dir), ec);
    } else {
      const fs::path p = operator_secret_path(case_id);
      if (!fs::exists(p, ec))
        throw Error(p.string(), "no signing key for this case here (a copy of a case can be read and verified, not "
                                "changed; bring the key file or use the passphrase-sealed key)", Error::kCase);
      from_hex(read_line(p), k.sk_);
    }
  } catch (const Error& e) {
    if (e.exit_code() == Error::kCase) throw;
    throw Error(case_dir.string(), std::string("bad case key: ") + e.what(), Error::kCase);
  }
  std::array<std::uint8_t, 32> derived{};
  crypto_sign_ed25519_sk_to_pk(derived.data(), k.sk_.data());
  if (derived != k.pk_) throw Error(public_path(case_dir).string(), "the signing key does not match the case's public key", Error::kCase);
  return k;
}

std::array<std::uint8_t, 32> CaseKeys::derive(std::string_view purpose) const {
  return hmac_sha256(sk_, std::string("corridor case secret\0", 21) + std::string(purpose));
}

std::string CaseKeys::public_key_hex() const { return to_hex(pk_); }

std::string CaseKeys::sign_hex(std::string_view message) const {
  std::array<std::uint8_t, crypto_sign_BYTES> sig{};
  crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), sk_.data());
  return to_hex(sig);
}

bool CaseKeys::verify_hex(std::string_view public_key_hex, std::string_view message,
                          std::string_view signature_hex) {
  std::array<std::uint8_t, 32> pk{};
  std::array<std::uint8_t, crypto_sign_BYTES> sig{};
  try {
    from_hex(public_key_hex, pk);
    from_hex(signature_hex, sig);
  } catch (const Error&) {
    return false;
  }
  return crypto_sign_verify_detached(sig.data(), reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), pk.data()) == 0;
}

}  // namespace corridor::store

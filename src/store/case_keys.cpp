#include "store/case_keys.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>

#include "core/error.hpp"
#include "core/sha256.hpp"

namespace corridor::store {

namespace fs = std::filesystem;

namespace {
fs::path secret_path(const fs::path& dir) { return dir / "keys" / "case.ed25519"; }
fs::path public_path(const fs::path& dir) { return dir / "keys" / "case.pub"; }

void write_text(const fs::path& p, const std::string& text, mode_t mode) {
  std::ofstream out(p, std::ios::trunc);
  out << text << "\n";
  out.close();
  if (!out) throw Error(p.string(), "cannot write key file", Error::kCase);
  ::chmod(p.c_str(), mode);
}

std::string read_line(const fs::path& p) {
  std::ifstream in(p);
  std::string line;
  if (!in || !std::getline(in, line)) throw Error(p.string(), "cannot read key file", Error::kCase);
  return line;
}
}  // namespace

CaseKeys CaseKeys::create(const fs::path& case_dir) {
  if (sodium_init() < 0) throw Error("libsodium failed to initialise");
  CaseKeys k;
  crypto_sign_keypair(k.pk_.data(), k.sk_.data());
  fs::create_directories(case_dir / "keys");
  write_text(secret_path(case_dir), to_hex(k.sk_), 0600);
  write_text(public_path(case_dir), to_hex(k.pk_), 0644);
  return k;
}

CaseKeys CaseKeys::load(const fs::path& case_dir) {
  if (sodium_init() < 0) throw Error("libsodium failed to initialise");
  CaseKeys k;
  try {
    from_hex(read_line(secret_path(case_dir)), k.sk_);
    from_hex(read_line(public_path(case_dir)), k.pk_);
  } catch (const Error& e) {
    throw Error(secret_path(case_dir).string(), std::string("bad case key: ") + e.what(), Error::kCase);
  }
  return k;
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

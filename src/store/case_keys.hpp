#pragma once
// The case's Ed25519 signing key: it signs audit-ledger checkpoints so that a rewritten
// ledger no longer matches what was signed (and published) before.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace corridor::store {

class CaseKeys {
 public:
  // Writes keys/case.ed25519 (secret, mode 0600) and keys/case.pub under `case_dir`.
  static CaseKeys create(const std::filesystem::path& case_dir);
  static CaseKeys load(const std::filesystem::path& case_dir);

  std::string public_key_hex() const;
  std::string sign_hex(std::string_view message) const;
  static bool verify_hex(std::string_view public_key_hex, std::string_view message,
                         std::string_view signature_hex);

 private:
  std::array<std::uint8_t, 32> pk_{};
  std::array<std::uint8_t, 64> sk_{};
};

}  // namespace corridor::store

#pragma once
// The case's Ed25519 signing key: it signs audit-ledger checkpoints so that a rewritten
// ledger no longer matches what was signed (and published) before.
//
// The case folder holds only the public key (keys/case.pub). The secret key is kept
//  - in the operator's own key folder, mode 0600: $CORRIDOR_KEY_DIR, else
//    $XDG_CONFIG_HOME/corridor/keys, else ~/.config/corridor/keys, named by the case id
//    (the default: works unattended, and whoever copies the case folder gets no key), or
//  - encrypted in the case folder (keys/case.ed25519.enc: libsodium secretbox under a key
//    derived by Argon2id from $CORRIDOR_KEY_PASSPHRASE) when that variable is set at init.
// A case from before this rule (keys/case.ed25519 in the folder) has its key moved to the
// operator's key folder when it is opened.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace corridor::store {

class CaseKeys {
 public:
  static CaseKeys create(const std::filesystem::path& case_dir, const std::string& case_id);
  // Loads the secret key; throws naming where it looked when it cannot.
  static CaseKeys load(const std::filesystem::path& case_dir, const std::string& case_id);
  static std::string read_public_hex(const std::filesystem::path& case_dir);
  // Where the operator's secret keys live.
  static std::filesystem::path key_dir();

  std::string public_key_hex() const;
  // A secret of this case for one purpose ("pseudonyms"), derived from the signing key:
  // whoever cannot sign for the case cannot derive it either.
  std::array<std::uint8_t, 32> derive(std::string_view purpose) const;
  std::string sign_hex(std::string_view message) const;
  static bool verify_hex(std::string_view public_key_hex, std::string_view message,
                         std::string_view signature_hex);

 private:
  std::array<std::uint8_t, 32> pk_{};
  std::array<std::uint8_t, 64> sk_{};
};

}  // namespace corridor::store

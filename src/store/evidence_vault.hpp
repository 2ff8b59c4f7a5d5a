#pragma once
// Content-addressed, read-only storage of evidence bytes: vault/<first two hex>/<sha256>.
// Bytes are copied and hashed in one streaming pass in bounded memory, written to a
// temporary file, synced, then renamed into place, so a killed process leaves either
// nothing or a complete item.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/progress.hpp"

namespace corridor::store {

struct StoredItem {
  std::string sha256;
  std::uint64_t size = 0;
  bool newly_stored = false;  // false when the same bytes were already in the vault
  std::filesystem::path path;
};

class EvidenceVault {
 public:
  explicit EvidenceVault(std::filesystem::path dir);

  StoredItem store_file(const std::filesystem::path& source, Progress* progress = nullptr);
  StoredItem store_bytes(std::string_view bytes);

  std::filesystem::path path_of(std::string_view sha256) const;
  bool contains(std::string_view sha256) const;
  // Re-reads the stored item and returns the SHA-256 of what is there now.
  std::string rehash(std::string_view sha256, Progress* progress = nullptr) const;
  // Every sha256 with a file in the vault (to find items the database does not know).
  std::vector<std::string> list() const;
  // A fresh temporary in vault/tmp (<pid>-<n>.part) for bytes written elsewhere and then
  // adopted: a server writes an upload there as it arrives, hashing it on the way.
  std::filesystem::path new_temp() { return temp_path(); }
  // Moves a temporary of new_temp() whose SHA-256 and size the caller computed into place.
  StoredItem adopt(const std::filesystem::path& tmp, const std::string& sha256, std::uint64_t size) {
    return finish(tmp, sha256, size);
  }
  // Deletes a newly stored item again when the transaction that recorded it failed.
  void discard(const StoredItem& item);
  // Deletes an item the case withdrew (app/withdraw_evidence.hpp), durably; false with
  // the reason in `why` when it cannot. An item not in the vault is not an error.
  bool remove_withdrawn(std::string_view sha256, std::string& why);
  // Temporaries of processes that no longer run (killed mid-add or mid-ingest):
  // `<pid>-<n>.part` files of an add, `ingest-<pid>-<sha>` folders of an ingest.
  void remove_stale_temporaries();
  // What vault/tmp still holds (names), e.g. of a process running now; for `verify`.
  std::vector<std::string> temporaries() const;

 private:
  StoredItem finish(const std::filesystem::path& tmp, const std::string& sha, std::uint64_t size);
  std::filesystem::path temp_path();
  std::filesystem::path dir_;
};

// Streams a file through SHA-256 in bounded memory.
std::string sha256_file(const std::filesystem::path& path, Progress* progress = nullptr);

}  // namespace corridor::store

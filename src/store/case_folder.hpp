#pragma once
// A case is a folder: case.db (SQLite), vault/ (evidence bytes), keys/ (signing key).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "store/case_keys.hpp"
#include "store/evidence_vault.hpp"
#include "store/sqlite.hpp"

namespace corridor::store {

class SearchIndex;

struct CaseInfo {
  std::string title;
  std::string examiner;
  std::string created_at;
  std::string case_id;  // random, printed on every export
};

class CaseFolder {
 public:
  // Creates a new case; refuses a folder that already holds files.
  static std::unique_ptr<CaseFolder> init(const std::filesystem::path& dir, const std::string& title,
                                          const std::string& examiner);
  // Opens an existing case, migrating an older schema; exit code 4 if `dir` is not a case.
  static std::unique_ptr<CaseFolder> open(const std::filesystem::path& dir);
  ~CaseFolder();

  const std::filesystem::path& dir() const { return dir_; }
  Db& db() { return *db_; }
  EvidenceVault& vault() { return vault_; }
  // The signing key, loaded when first needed (reading and verifying a case need none).
  const CaseKeys& keys();
  // The public key every checkpoint is verified with (as case.db records it).
  std::string public_key_hex() { return meta("public_key"); }
  CaseInfo info();
  std::string meta(const std::string& key);
  // Before writing entities: throws unless this installation derives the case's entity
  // ids (meta entity_ids names the id key's fingerprint; absent for unkeyed older cases).
  void require_id_key();
  static constexpr const char* kKeyedIds = "hmac-sha256";
  void set_meta(const std::string& key, const std::string& value);

  // The case's search index (store/search_index.hpp), kept open with the folder and brought
  // up to date with the statements on every call; opened again when it was discarded.
  SearchIndex& search_index();

 private:
  CaseFolder(std::filesystem::path dir, std::unique_ptr<Db> db);
  // Rows written before the ledger committed to rows get one entry that commits them.
  void commit_rows_of_older_versions();
  std::filesystem::path dir_;
  std::unique_ptr<Db> db_;
  EvidenceVault vault_;
  std::optional<CaseKeys> keys_;
  std::unique_ptr<SearchIndex> search_;
};

bool is_case_folder(const std::filesystem::path& dir);

}  // namespace corridor::store

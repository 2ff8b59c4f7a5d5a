#include "store/search_index.hpp"
#include "store/case_folder.hpp"

#include <sodium.h>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/sha256.hpp"
#include "core/time.hpp"
#include "store/audit_ledger.hpp"
#include "store/ledger_batch.hpp"
#include "store/private_files.hpp"
#include "store/schema.hpp"

namespace corridor::store {

namespace fs = std::filesystem;

bool is_case_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "case.db", ec) && fs::is_directory(dir / "vault", ec);
}

CaseFolder::CaseFolder(fs::path dir, std::unique_ptr<Db> db)
    : dir_(std::move(dir)), db_(std::move(db)), vault_(dir_ / "vault") {}

CaseFolder::~CaseFolder() = default;

SearchIndex& CaseFolder::search_index() {
  if (search_ && search_->still_the_file()) search_->refresh(*db_);
  else search_ = std::make_unique<SearchIndex>(*db_, dir_);
  return *search_;
}

const CaseKeys& CaseFolder::keys() {
  if (!keys_) {
    keys_ = CaseKeys::load(dir_, meta("case_id"));
    if (keys_->public_key_hex() != meta("public_key"))
      throw Error((dir_ / "keys").string(), "case key does not match the key recorded in case.db", Error::kCase);
  }
  return *keys_;
}

std::unique_ptr<CaseFolder> CaseFolder::init(const fs::path& dir, const std::string& title,
                                             const std::string& examiner) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec))
    throw Error(dir.string(), "folder exists and is not empty; choose a new folder for the case", Error::kCase);
  // Build the case in a sibling temporary folder and rename it: a failed init leaves nothing.
  const fs::path tmp = dir.string() + ".init-tmp";
  fs::remove_all(tmp, ec);
  try {
    make_private_dirs(tmp / "vault" / "tmp");
    make_private_file(tmp / "case.db");  // SQLite gives its journals the database's mode
    auto db = std::make_unique<Db>((tmp / "case.db").string(), true);
    migrate(*db);
    std::array<std::uint8_t, 16> id{};
    randombytes_buf(id.data(), id.size());
    const std::string case_id = to_hex(id);
    CaseKeys keys = CaseKeys::create(tmp, case_id);
    {
      Transaction tx(*db);
      LedgerBatch batch(*db);
      Stmt put(*db, "INSERT INTO meta(key, value) VALUES(?, ?)");
      put.bind(1, "title").bind(2, title).run();
      put.bind(1, "examiner").bind(2, examiner).run();
      put.bind(1, "created_at").bind(2, utc_now()).run();
      put.bind(1, "case_id").bind(2, case_id).run();
      put.bind(1, "public_key").bind(2, keys.public_key_hex()).run();
      put.bind(1, "rows_committed").bind(2, "1").run();
      put.bind(1, "entity_ids").bind(2, std::string(kKeyedIds) + " " + id_key_fingerprint(installation_id_key())).run();
      AuditLedger ledger(*db);
      batch.commit(ledger, EntryContent{examiner, audit_action::kGenesis, "case " + case_id + " (" + title + ")",
                                        "case opened", "", ""},
                   keys);
      tx.commit();
    }
    db.reset();
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
  if (fs::exists(dir, ec)) fs::remove(dir, ec);  // the empty folder the user made
  fs::rename(tmp, dir, ec);
  if (ec) {
    fs::remove_all(tmp, ec);
    throw Error(dir.string(), "cannot create case folder: " + ec.message(), Error::kCase);
  }
  return open(dir);
}

std::unique_ptr<CaseFolder> CaseFolder::open(const fs::path& dir) {
  if (!is_case_folder(dir))
    throw Error(dir.string(), "not a Corridor case folder (no case.db and vault/); create one with 'corridor case init'",
                Error::kCase);
  auto db = std::make_unique<Db>((dir / "case.db").string(), false);
  migrate(*db);
  auto c = std::unique_ptr<CaseFolder>(new CaseFolder(dir, std::move(db)));
  std::error_code ec;
  if (fs::exists(dir / "keys" / "case.pub", ec) && CaseKeys::read_public_hex(dir) != c->meta("public_key"))
    throw Error((dir / "keys").string(), "case key does not match the key recorded in case.db", Error::kCase);
  if (c->meta("rows_committed").empty()) c->commit_rows_of_older_versions();
  // A case from before keyed ids goes on deriving its ids as it did: same value, same id.
  if (c->meta("entity_ids").empty()) use_unkeyed_entity_ids();
  else use_keyed_entity_ids();
  c->vault_.remove_stale_temporaries();
  return c;
}

void CaseFolder::commit_rows_of_older_versions() {
  Transaction tx(*db_);
  if (!meta("rows_committed").empty()) return;  // another process did it while we waited
  LedgerBatch batch(*db_, LedgerBatch::kEveryRow);
  set_meta("rows_committed", "1");
  AuditLedger ledger(*db_);
  batch.commit(ledger,
               EntryContent{"corridor", audit_action::kAlteration, "rows written before the ledger committed to rows",
                            "schema upgrade: the ledger now commits to every row", "", ""},
               keys());
  tx.commit();
}

void CaseFolder::require_id_key() {
  const std::string ids = meta("entity_ids");
  if (ids.empty()) return;  // unkeyed: any installation derives the same ids
  const std::string have = id_key_fingerprint(installation_id_key());
  if (ids != std::string(kKeyedIds) + " " + have)
    throw Error((operator_key_dir() / "entity-ids.key").string(),
                "this installation's id key (" + have + ") is not the one the case's entity ids were made with (" +
                    ids.substr(ids.find(' ') + 1) +
                    "): new entities would not link to the case's; bring that installation's entity-ids.key",
                Error::kCase);
}

std::string CaseFolder::meta(const std::string& key) {
  Stmt s(*db_, "SELECT value FROM meta WHERE key = ?");
  s.bind(1, key);
  return s.step() ? s.text(0) : std::string();
}

void CaseFolder::set_meta(const std::string& key, const std::string& value) {
  Stmt s(*db_, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s.bind(1, key).bind(2, value).run();
}

CaseInfo CaseFolder::info() {
  return CaseInfo{meta("title"), meta("examiner"), meta("created_at"), meta("case_id")};
}

}  // namespace corridor::store

#include "store/case_folder.hpp"

#include <sodium.h>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/time.hpp"
#include "store/schema.hpp"

namespace corridor::store {

namespace fs = std::filesystem;

bool is_case_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "case.db", ec) && fs::is_directory(dir / "vault", ec);
}

CaseFolder::CaseFolder(fs::path dir, std::unique_ptr<Db> db, CaseKeys keys)
    : dir_(std::move(dir)), db_(std::move(db)), vault_(dir_ / "vault"), keys_(std::move(keys)) {}

std::unique_ptr<CaseFolder> CaseFolder::init(const fs::path& dir, const std::string& title,
                                             const std::string& examiner) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec))
    throw Error(dir.string(), "folder exists and is not empty; choose a new folder for the case", Error::kCase);
  // Build the case in a sibling temporary folder and rename it: a failed init leaves nothing.
  const fs::path tmp = dir.string() + ".init-tmp";
  fs::remove_all(tmp, ec);
  try {
    fs::create_directories(tmp / "vault" / "tmp");
    auto db = std::make_unique<Db>((tmp / "case.db").string(), true);
    migrate(*db);
    CaseKeys keys = CaseKeys::create(tmp);
    std::array<std::uint8_t, 16> id{};
    randombytes_buf(id.data(), id.size());
    Transaction tx(*db);
    Stmt put(*db, "INSERT INTO meta(key, value) VALUES(?, ?)");
    put.bind(1, "title").bind(2, title).run();
    put.bind(1, "examiner").bind(2, examiner).run();
    put.bind(1, "created_at").bind(2, utc_now()).run();
    put.bind(1, "case_id").bind(2, to_hex(id)).run();
    put.bind(1, "public_key").bind(2, keys.public_key_hex()).run();
    tx.commit();
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
  auto c = std::unique_ptr<CaseFolder>(new CaseFolder(dir, std::move(db), CaseKeys::load(dir)));
  if (c->meta("public_key") != c->keys_.public_key_hex())
    throw Error((dir / "keys").string(), "case key does not match the key recorded in case.db", Error::kCase);
  c->vault_.remove_stale_temporaries();
  return c;
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

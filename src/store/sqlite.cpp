#include "store/sqlite.hpp"

#include "core/error.hpp"

namespace corridor::store {

namespace {
// Memory statistics take a global mutex on every allocation; Corridor never reads them.
const bool g_configured = [] {
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  return true;
}();
}  // namespace

Db::Db(const std::string& path, bool create) : path_(path) {
  (void)g_configured;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw Error(path, "cannot open case database: " + msg, Error::kCase);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  // Larger pages mean fewer splits when millions of statements are appended; only takes
  // effect on a new, empty database.
  if (create) exec("PRAGMA page_size=16384");
  use_wal();
  exec("PRAGMA wal_autocheckpoint=8192");
  exec("PRAGMA synchronous=NORMAL");
  exec("PRAGMA foreign_keys=ON");
  exec("PRAGMA cache_size=-65536");
}

Db::~Db() {
  for (auto& [sql, stmt] : prepared_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

// Another process may hold the case in the rollback journal of a bulk write right now
// (BulkWriteJournal). Switching to WAL then needs its write lock, and SQLite refuses at
// once, without the busy wait, to upgrade the read the switch starts with ("database is
// locked"). This connection then works in the rollback journal — its reads and writes wait
// for the writer's locks with the busy timeout — and the writer returns the case to WAL.
void Db::use_wal() {
  if (journal_mode(*this) == "wal") return;  // waits while a writer holds the case
  sqlite3_stmt* q = nullptr;
  int rc = sqlite3_prepare_v2(db_, "PRAGMA journal_mode=WAL", -1, &q, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_step(q);
  sqlite3_finalize(q);
  if (rc != SQLITE_ROW && (rc & 0xFF) != SQLITE_BUSY) fail("PRAGMA journal_mode=WAL");
}

void Db::fail(const std::string& what) const {
  const int code = sqlite3_extended_errcode(db_);
  std::string msg = std::string(sqlite3_errmsg(db_));
  if ((code & 0xFF) == SQLITE_FULL) msg = "disk full (" + msg + ")";
  if ((code & 0xFF) == SQLITE_BUSY)
    msg = "another process is writing to the case (waited up to " + std::to_string(kBusyTimeoutMs / 1000) +
          " s); try again when it ends (" + msg + ")";
  throw Error(path_, what + ": " + msg, Error::kCase);
}

void Db::exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw Error(path_, "SQL failed (" + s.substr(0, 60) + "): " + msg, Error::kCase);
  }
}

std::int64_t Db::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
std::int64_t Db::changes() const { return sqlite3_changes64(db_); }

Stmt::Stmt(Db& db, std::string_view sql) : db_(&db), sql_(sql) {
  stmt_ = db.take_prepared(sql_);
  if (!stmt_ && sqlite3_prepare_v3(db.handle(), sql_.data(), static_cast<int>(sql_.size()),
                                   SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
    db.fail("cannot prepare '" + sql_.substr(0, 60) + "'");
}

Stmt::Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_), sql_(std::move(o.sql_)) { o.stmt_ = nullptr; }

Stmt::~Stmt() {
  if (stmt_) db_->give_back(std::move(sql_), stmt_);
}

sqlite3_stmt* Db::take_prepared(const std::string& sql) {
  const auto it = prepared_.find(sql);
  if (it == prepared_.end()) return nullptr;
  sqlite3_stmt* s = it->second;
  prepared_.erase(it);
  return s;
}

void Db::give_back(std::string sql, sqlite3_stmt* stmt) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);  // no text bound with bind_static outlives its owner here
  if (prepared_.size() >= kPreparedKept || prepared_.contains(sql)) {
    sqlite3_finalize(stmt);
    return;
  }
  prepared_.emplace(std::move(sql), stmt);
}

Stmt& Stmt::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
// SQLite binds a null pointer as NULL: an empty view without storage is still text.
namespace {
const char* text_of(std::string_view v) { return v.data() ? v.data() : ""; }
}  // namespace
Stmt& Stmt::bind(int i, std::string_view v) {
  sqlite3_bind_text64(stmt_, i, text_of(v), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}
Stmt& Stmt::bind_static(int i, std::string_view v) {
  sqlite3_bind_text64(stmt_, i, text_of(v), v.size(), SQLITE_STATIC, SQLITE_UTF8);
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

bool Stmt::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string what = "statement failed '" + sql_.substr(0, 60) + "'";
  sqlite3_reset(stmt_);
  db_->fail(what);
}

void Stmt::run() {
  while (step()) {
  }
  // Bindings stay: bulk writers rebind every parameter, and clearing costs per row.
  sqlite3_reset(stmt_);
}

void Stmt::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Stmt::int64(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::real(int col) const { return sqlite3_column_double(stmt_, col); }
std::string Stmt::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}
bool Stmt::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

bool Db::checkpoint_wal() {
  return sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) == SQLITE_OK;
}

Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

namespace {
// Sets the mode without waiting for other connections; returns the mode now in force.
std::string try_journal_mode(Db& db, const char* mode) {
  sqlite3_busy_timeout(db.handle(), 0);
  sqlite3_stmt* q = nullptr;
  std::string now;
  const std::string sql = std::string("PRAGMA journal_mode=") + mode;
  if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
    if (const auto* t = sqlite3_column_text(q, 0)) now = reinterpret_cast<const char*>(t);
  sqlite3_finalize(q);
  sqlite3_busy_timeout(db.handle(), Db::kBusyTimeoutMs);
  return now;
}
}  // namespace

std::string journal_mode(Db& db) {
  Stmt q(db, "PRAGMA journal_mode");
  return q.step() ? q.text(0) : "";
}

BulkWriteJournal::BulkWriteJournal(Db& db) : db_(db) {
  active_ = try_journal_mode(db_, "DELETE") == "delete";
  // NORMAL is safe with WAL; with a rollback journal SQLite's own documentation leaves a
  // very small chance of a corrupt file after a power cut on older file systems. FULL
  // syncs the journal before any page of the case is overwritten.
  if (active_) sqlite3_exec(db_.handle(), "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
}

BulkWriteJournal::~BulkWriteJournal() {
  if (!active_) return;
  // Waits (busy timeout) for processes that opened the case meanwhile to end their reads.
  // Fails at once only when another writer holds the case; then the case stays in the
  // rollback journal until that writer, or the next process to open the case, returns it.
  sqlite3_exec(db_.handle(), "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
  sqlite3_exec(db_.handle(), "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
}

}  // namespace corridor::store

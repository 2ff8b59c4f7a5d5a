#pragma once
// A thin RAII layer over SQLite: every failure becomes corridor::Error naming the
// database file and the statement, and transactions roll back unless committed.
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace corridor::store {

class Db;

class Stmt {
 public:
  Stmt(Db& db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept;

  // 1-based parameter index, like SQLite. Text is copied unless bind_static is used.
  Stmt& bind(int i, std::int64_t v);
  Stmt& bind(int i, double v);
  Stmt& bind(int i, std::string_view v);
  Stmt& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Stmt& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  // The caller keeps `v` alive until the next reset(): saves a copy per row in bulk inserts.
  Stmt& bind_static(int i, std::string_view v);
  Stmt& bind_null(int i);
  template <class T>
  Stmt& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  // true while a row is available.
  bool step();
  // Run to completion (INSERT/UPDATE), then reset for reuse; bindings are kept.
  void run();
  void reset();

  std::int64_t int64(int col) const;
  double real(int col) const;
  std::string text(int col) const;
  bool is_null(int col) const;

 private:
  Db* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

class Db {
 public:
  // Opens (and with `create`, creates) the file; WAL (unless a bulk write of another
  // process holds the rollback journal: see use_wal), foreign keys, 30 s busy wait.
  Db(const std::string& path, bool create);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  void exec(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  std::int64_t changes() const;
  sqlite3* handle() { return db_; }
  const std::string& path() const { return path_; }
  [[noreturn]] void fail(const std::string& what) const;
  // Copies what the write-ahead log holds into the database as far as no reader needs it,
  // without waiting for or blocking anyone (SQLite's PASSIVE checkpoint). A server calls it
  // beside its writers, so that no commit of theirs pays for copying the log and the fsyncs
  // (about 100 ms) inline. False when the case is not in WAL mode or was busy.
  bool checkpoint_wal();

  // How long a statement waits for another process's lock before "database is locked".
  static constexpr int kBusyTimeoutMs = 30000;

  // Statements prepared before, kept by their SQL text for the next Stmt of the same text:
  // a connection kept open (a server's) parses each query once. At most kPreparedKept.
  sqlite3_stmt* take_prepared(const std::string& sql);
  void give_back(std::string sql, sqlite3_stmt* stmt);
  static constexpr std::size_t kPreparedKept = 256;

 private:
  void use_wal();
  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> prepared_;
};

// BEGIN IMMEDIATE takes the write lock at once, so two writers queue instead of
// deadlocking on lock upgrade; the destructor rolls back unless commit() ran.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Db& db_;
  bool open_ = true;
};

// For one large write (an ingest): the rollback journal instead of the WAL while it runs.
// The WAL writes every page twice — into the log, then the checkpoint copies it into the
// database (4 of 18 s of a million-row ingest) — while a rollback journal keeps only the
// old content of pages that already existed, so pages new to the case are written once.
// Still atomic: a rollback restores the journal's pages and drops the new ones; synchronous
// is FULL meanwhile (the safe setting for a rollback journal; NORMAL is for WAL). SQLite
// allows leaving WAL only when no other connection has the case open; then, and on any
// failure, the WAL simply stays (active() is false). While it is active, another process
// opening the case works in the rollback journal too (Db::use_wal): its reads go on while
// this write is still in its page cache and wait (busy timeout, 30 s) while the write
// holds the case file; its writes wait as for any writer. Open it outside any transaction;
// the destructor returns to WAL, waiting for such readers.
class BulkWriteJournal {
 public:
  explicit BulkWriteJournal(Db& db);
  ~BulkWriteJournal();
  BulkWriteJournal(const BulkWriteJournal&) = delete;
  BulkWriteJournal& operator=(const BulkWriteJournal&) = delete;
  bool active() const { return active_; }

 private:
  Db& db_;
  bool active_ = false;
};

// The journal mode SQLite reports ("wal", "delete", ...).
std::string journal_mode(Db& db);

}  // namespace corridor::store

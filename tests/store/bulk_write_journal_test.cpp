#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "store/sqlite.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

namespace {
std::int64_t count(store::Db& db) {
  store::Stmt q(db, "SELECT count(*) FROM t");
  q.step();
  return q.int64(0);
}
}  // namespace

TEST(BulkWriteJournal, AloneTheCaseLeavesWalForTheWriteAndReturns) {
  TempDir t;
  const std::string path = (t / "case.db").string();
  store::Db db(path, true);
  db.exec("CREATE TABLE t(x)");
  ASSERT_EQ(store::journal_mode(db), "wal");
  {
    store::BulkWriteJournal j(db);
    EXPECT_TRUE(j.active());
    EXPECT_EQ(store::journal_mode(db), "delete");
    store::Stmt sync(db, "PRAGMA synchronous");
    ASSERT_TRUE(sync.step());
    EXPECT_EQ(sync.int64(0), 2);  // FULL while the rollback journal is in use
    sync.reset();
    store::Transaction tx(db);
    db.exec("INSERT INTO t VALUES (1), (2)");
    tx.commit();
  }
  EXPECT_EQ(store::journal_mode(db), "wal");
  store::Stmt sync(db, "PRAGMA synchronous");
  ASSERT_TRUE(sync.step());
  EXPECT_EQ(sync.int64(0), 1);  // NORMAL again with WAL
  EXPECT_EQ(count(db), 2);
  EXPECT_FALSE(std::filesystem::exists(path + "-journal"));
}

TEST(BulkWriteJournal, RollbackRestoresTheCase) {
  TempDir t;
  store::Db db((t / "case.db").string(), true);
  db.exec("CREATE TABLE t(x)");
  db.exec("INSERT INTO t VALUES (1)");
  db.exec("PRAGMA cache_size=8");  // eight pages: the write spills into the file before the end
  {
    store::BulkWriteJournal j(db);
    ASSERT_TRUE(j.active());
    store::Transaction tx(db);
    db.exec("INSERT INTO t SELECT x FROM t");  // 2 rows
    for (int i = 0; i < 16; ++i) db.exec("INSERT INTO t SELECT randomblob(900) FROM t LIMIT 5000");  // many pages
    db.exec("DELETE FROM t WHERE rowid = 1");
    // no commit: the failed ingest
  }
  EXPECT_EQ(store::journal_mode(db), "wal");
  EXPECT_EQ(count(db), 1);
  store::Stmt q(db, "SELECT x FROM t");
  ASSERT_TRUE(q.step());
  EXPECT_EQ(q.int64(0), 1);
}

TEST(BulkWriteJournal, AnotherConnectionKeepsTheWalWithoutWaiting) {
  TempDir t;
  const std::string path = (t / "case.db").string();
  store::Db db(path, true);
  db.exec("CREATE TABLE t(x)");
  store::Db reader(path, false);  // the web UI, say
  EXPECT_EQ(count(reader), 0);
  const auto start = std::chrono::steady_clock::now();
  {
    store::BulkWriteJournal j(db);
    EXPECT_FALSE(j.active());
    EXPECT_EQ(store::journal_mode(db), "wal");
    store::Transaction tx(db);
    db.exec("INSERT INTO t VALUES (1)");
    tx.commit();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));  // no busy wait
  EXPECT_EQ(count(reader), 1);
  EXPECT_EQ(store::journal_mode(db), "wal");
}

TEST(BulkWriteJournal, CrashMidWriteIsRolledBackWhenTheCaseIsNextOpened) {
  TempDir t;
  const std::string path = (t / "case.db").string();
  {
    store::Db db(path, true);
    db.exec("CREATE TABLE t(x)");
    db.exec("INSERT INTO t VALUES (1)");
  }
  // A child process writes many pages past its cache (they reach case.db itself) and dies
  // without committing or rolling back: the journal is left behind, "hot".
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    store::Db db(path, false);
    db.exec("PRAGMA cache_size=8");
    store::BulkWriteJournal j(db);
    if (!j.active()) _exit(2);
    db.exec("BEGIN IMMEDIATE");
    db.exec("DELETE FROM t");
    for (int i = 0; i < 12; ++i) db.exec("INSERT INTO t SELECT randomblob(900) FROM t UNION ALL SELECT randomblob(900)");
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 0);
  ASSERT_TRUE(std::filesystem::exists(path + "-journal"));
  ASSERT_GT(std::filesystem::file_size(path), 1u << 20);  // the uncommitted pages reached the file
  store::Db db(path, false);
  EXPECT_EQ(count(db), 1);
  store::Stmt check(db, "PRAGMA integrity_check");
  ASSERT_TRUE(check.step());
  EXPECT_EQ(check.text(0), "ok");
  EXPECT_EQ(store::journal_mode(db), "wal");
  EXPECT_FALSE(std::filesystem::exists(path + "-journal"));
}

// Another process opening the case while a bulk write holds the rollback journal used to
// fail at once: its switch to WAL needs the write lock, and SQLite does not wait to
// upgrade the read the switch starts with ("database is locked").
TEST(BulkWriteJournal, ACaseOpenedMidWriteReadsWhatIsCommittedInsteadOfFailing) {
  TempDir t;
  const std::string path = (t / "case.db").string();
  store::Db db(path, true);
  db.exec("CREATE TABLE t(x)");
  db.exec("INSERT INTO t VALUES (1)");
  std::unique_ptr<store::Db> other;
  {
    store::BulkWriteJournal j(db);
    ASSERT_TRUE(j.active());
    store::Transaction tx(db);
    db.exec("INSERT INTO t VALUES (2)");
    ASSERT_TRUE(std::filesystem::exists(path + "-journal"));
    const auto start = std::chrono::steady_clock::now();
    ASSERT_NO_THROW(other = std::make_unique<store::Db>(path, false));
    EXPECT_EQ(count(*other), 1);  // the write is still in the writer's cache
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    tx.commit();
  }
  EXPECT_EQ(store::journal_mode(db), "wal");
  EXPECT_EQ(count(*other), 2);
  EXPECT_EQ(store::journal_mode(*other), "wal");
}

TEST(BulkWriteJournal, ACaseOpenedWhileTheWriteHoldsTheFileWaitsForTheCommit) {
  TempDir t;
  const std::string path = (t / "case.db").string();
  store::Db db(path, true);
  db.exec("CREATE TABLE t(x)");
  db.exec("INSERT INTO t VALUES (1)");
  db.exec("PRAGMA cache_size=8");  // the write spills into the file: an exclusive lock till the commit
  std::int64_t seen = -1;
  std::string error;
  std::thread reader;
  {
    store::BulkWriteJournal j(db);
    ASSERT_TRUE(j.active());
    store::Transaction tx(db);
    for (int i = 0; i < 12; ++i) db.exec("INSERT INTO t SELECT randomblob(900) FROM t");
    reader = std::thread([&] {
      try {
        store::Db other(path, false);
        seen = count(other);
      } catch (const std::exception& e) {
        error = e.what();
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    tx.commit();
  }
  reader.join();
  EXPECT_EQ(error, "");
  EXPECT_EQ(seen, 4096);
  EXPECT_EQ(store::journal_mode(db), "wal");
}

// Returning to WAL needs the case alone; it waits for a reader that came in meanwhile
// instead of leaving the case in the rollback journal.
TEST(BulkWriteJournal, ReturnToWalWaitsForAReaderThatCameInMeanwhile) {
  TempDir t;
  const std::string path = (t / "case.db").string();
  store::Db db(path, true);
  db.exec("CREATE TABLE t(x)");
  std::unique_ptr<store::Db> other;
  std::thread reader;
  {
    store::BulkWriteJournal j(db);
    ASSERT_TRUE(j.active());
    store::Transaction tx(db);
    db.exec("INSERT INTO t VALUES (1)");
    other = std::make_unique<store::Db>(path, false);
    tx.commit();
    other->exec("BEGIN");
    EXPECT_EQ(count(*other), 1);  // a read transaction of the rollback journal, open
    reader = std::thread([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      other->exec("COMMIT");
    });
  }
  reader.join();
  EXPECT_EQ(store::journal_mode(db), "wal");
  EXPECT_FALSE(std::filesystem::exists(path + "-journal"));
}

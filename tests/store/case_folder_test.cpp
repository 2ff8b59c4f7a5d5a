#include "store/case_folder.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/error.hpp"
#include "store/evidence_store.hpp"
#include "store/schema.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

TEST(CaseFolder, InitCreatesLayoutAndMeta) {
  TempDir t;
  auto c = store::CaseFolder::init(t / "op", "Operation Sahel", "Examiner 1");
  EXPECT_TRUE(std::filesystem::is_regular_file(t / "op" / "case.db"));
  EXPECT_TRUE(std::filesystem::is_directory(t / "op" / "vault"));
  EXPECT_EQ(c->meta("title"), "Operation Sahel");
  EXPECT_EQ(c->meta("examiner"), "Examiner 1");
  EXPECT_EQ(c->meta("case_id").size(), 32u);
  EXPECT_EQ(c->meta("public_key"), c->keys().public_key_hex());
  struct stat st {};
  ASSERT_EQ(::stat((t / "op" / "keys" / "case.ed25519").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(CaseFolder, InitRefusesNonEmptyFolder) {
  TempDir t;
  test::write_file(t / "notes.txt", "x");
  try {
    store::CaseFolder::init(t.path(), "T", "E");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.exit_code(), Error::kCase);
    EXPECT_NE(std::string(e.what()).find("not empty"), std::string::npos);
  }
  EXPECT_EQ(test::read_file(t / "notes.txt"), "x");
}

TEST(CaseFolder, OpenRejectsFolderThatIsNotACase) {
  TempDir t;
  try {
    store::CaseFolder::open(t.path());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.exit_code(), Error::kCase);
    EXPECT_NE(std::string(e.what()).find(t.path().string()), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("not a Corridor case"), std::string::npos);
  }
}

TEST(CaseFolder, NewerSchemaIsRefusedWithClearMessage) {
  TempDir t;
  store::CaseFolder::init(t / "op", "T", "E");
  {
    store::Db db((t / "op" / "case.db").string(), false);
    db.exec("PRAGMA user_version=" + std::to_string(store::schema_version() + 7));
  }
  try {
    store::CaseFolder::open(t / "op");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.exit_code(), Error::kCase);
    EXPECT_NE(std::string(e.what()).find("newer than this corridor understands"), std::string::npos);
  }
}

TEST(CaseFolder, ReopenKeepsDataAndSchemaVersion) {
  TempDir t;
  { store::CaseFolder::init(t / "op", "T", "E"); }
  auto c = store::CaseFolder::open(t / "op");
  store::Stmt v(c->db(), "PRAGMA user_version");
  ASSERT_TRUE(v.step());
  EXPECT_EQ(v.int64(0), store::schema_version());
  EXPECT_EQ(c->meta("title"), "T");
}

TEST(CaseFolder, MismatchedKeyIsRefused) {
  TempDir t;
  store::CaseFolder::init(t / "a", "A", "E");
  store::CaseFolder::init(t / "b", "B", "E");
  std::filesystem::remove_all(t / "a" / "keys");
  std::filesystem::copy(t / "b" / "keys", t / "a" / "keys");
  EXPECT_THROW(store::CaseFolder::open(t / "a"), Error);
}

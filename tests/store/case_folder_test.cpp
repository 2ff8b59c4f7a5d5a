#include "store/case_folder.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/error.hpp"
#include "store/evidence_store.hpp"
#include "store/private_files.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"
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
  // The secret key is not in the case folder, but in the operator's key folder, 0600.
  EXPECT_FALSE(std::filesystem::exists(t / "op" / "keys" / "case.ed25519"));
  struct stat st {};
  ASSERT_EQ(::stat((store::CaseKeys::key_dir() / (c->meta("case_id") + ".ed25519")).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(CaseFolder, FilesArePrivateWhateverTheUmask) {
  TempDir t;
  const mode_t old = ::umask(0);
  {
    auto c = store::CaseFolder::init(t / "op", "T", "E");
    test::write_file(t / "x.bin", "bytes");
    c->vault().store_file(t / "x.bin");
  }
  ::umask(old);
  EXPECT_TRUE(store::loose_permissions(t / "op").empty());
  auto mode = [](const std::filesystem::path& p) {
    struct stat st {};
    EXPECT_EQ(::stat(p.c_str(), &st), 0) << p;
    return st.st_mode & 0777;
  };
  EXPECT_EQ(mode(t / "op"), 0700u);
  EXPECT_EQ(mode(t / "op" / "case.db"), 0600u);
  EXPECT_EQ(mode(t / "op" / "vault"), 0700u);
  EXPECT_EQ(mode(t / "op" / "keys"), 0700u);
  EXPECT_EQ(mode(t / "op" / "keys" / "case.pub"), 0600u);
  for (const auto& e : std::filesystem::recursive_directory_iterator(t / "op" / "vault")) {
    if (e.is_regular_file()) {
      EXPECT_EQ(mode(e.path()), 0400u) << e.path();
    }
  }
  ::chmod((t / "op" / "case.db").c_str(), 0644);
  const auto loose = store::loose_permissions(t / "op");
  ASSERT_EQ(loose.size(), 1u);
  EXPECT_EQ(loose[0], "case.db is 0644 (readable or writable by other accounts; expected 0600 or 0400)");
}

TEST(CaseFolder, PassphraseSealsTheKeyInTheCaseFolder) {
  TempDir t;
  ::setenv("CORRIDOR_KEY_PASSPHRASE", "correct horse battery staple", 1);
  std::string case_id;
  {
    auto c = store::CaseFolder::init(t / "op", "T", "E");
    case_id = c->meta("case_id");
  }
  EXPECT_TRUE(std::filesystem::exists(t / "op" / "keys" / "case.ed25519.enc"));
  EXPECT_FALSE(std::filesystem::exists(store::CaseKeys::key_dir() / (case_id + ".ed25519")));
  EXPECT_NO_THROW(store::CaseFolder::open(t / "op")->keys());
  ::setenv("CORRIDOR_KEY_PASSPHRASE", "wrong", 1);
  try {
    store::CaseFolder::open(t / "op")->keys();
    ADD_FAILURE() << "a wrong passphrase opened the key";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("wrong passphrase"), std::string::npos) << e.what();
  }
  ::unsetenv("CORRIDOR_KEY_PASSPHRASE");
  try {
    store::CaseFolder::open(t / "op")->keys();
    ADD_FAILURE() << "the sealed key opened without a passphrase";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("set CORRIDOR_KEY_PASSPHRASE"), std::string::npos) << e.what();
  }
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

TEST(CaseFolder, StatementsNamingAnEntityAreFoundThroughTheReferenceIndex) {
  TempDir t;
  auto c = store::CaseFolder::init(t / "case", "T", "E");
  store::Stmt plan(c->db(), "EXPLAIN QUERY PLAN SELECT id FROM statements s WHERE s.value = ?1 AND s.value GLOB "
                            CORRIDOR_ENTITY_ID_GLOB);
  plan.bind(1, "person-0123456789abcdef0123456789abcdef");
  ASSERT_TRUE(plan.step());
  EXPECT_NE(plan.text(3).find("INDEX statements_reference (value=?)"), std::string::npos) << plan.text(3);
  store::Stmt shape(c->db(), "SELECT ?1 GLOB " CORRIDOR_ENTITY_ID_GLOB ", ?2 GLOB " CORRIDOR_ENTITY_ID_GLOB
                             ", ?3 GLOB " CORRIDOR_ENTITY_ID_GLOB);
  shape.bind(1, "useraccount-5fa75392834c3e3716cfa20d443d2e6e").bind(2, "well-known").bind(3, "+447400123456");
  ASSERT_TRUE(shape.step());
  EXPECT_EQ(shape.int64(0), 1);
  EXPECT_EQ(shape.int64(1), 0);
  EXPECT_EQ(shape.int64(2), 0);
}

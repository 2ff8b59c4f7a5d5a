#include "store/evidence_vault.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

TEST(EvidenceVault, StoresContentAddressedReadOnlyOnce) {
  TempDir t;
  store::EvidenceVault v(t / "vault");
  test::write_file(t / "a.txt", "abc");
  test::write_file(t / "b.txt", "abc");
  auto a = v.store_file(t / "a.txt");
  EXPECT_EQ(a.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(a.size, 3u);
  EXPECT_TRUE(a.newly_stored);
  EXPECT_EQ(a.path, t / "vault" / "ba" / a.sha256);
  auto b = v.store_file(t / "b.txt");
  EXPECT_FALSE(b.newly_stored);
  EXPECT_EQ(v.list(), std::vector<std::string>{a.sha256});
  struct stat st {};
  ASSERT_EQ(::stat(a.path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0400u);  // read-only, for the case's owner alone
  EXPECT_EQ(v.rehash(a.sha256), a.sha256);
  EXPECT_TRUE(std::filesystem::is_empty(t / "vault" / "tmp"));
}

TEST(EvidenceVault, LargeFileStreamsInChunks) {
  TempDir t;
  std::string big(5 * (1 << 20) + 17, '\0');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 31 + (i >> 11));
  test::write_file(t / "big.bin", big);
  store::EvidenceVault v(t / "vault");
  auto item = v.store_file(t / "big.bin");
  EXPECT_EQ(item.sha256, to_hex(sha256(big)));
  EXPECT_EQ(item.size, big.size());
  EXPECT_EQ(store::sha256_file(t / "big.bin"), item.sha256);
}

TEST(EvidenceVault, StoreBytesAndDiscard) {
  TempDir t;
  store::EvidenceVault v(t / "vault");
  auto item = v.store_bytes("inner file");
  EXPECT_TRUE(v.contains(item.sha256));
  v.discard(item);
  EXPECT_FALSE(v.contains(item.sha256));
}

TEST(EvidenceVault, MissingSourceNamesThePath) {
  TempDir t;
  store::EvidenceVault v(t / "vault");
  try {
    v.store_file(t / "nope.bin");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("nope.bin"), std::string::npos);
  }
  EXPECT_THROW(v.store_file(t.path()), Error);  // a folder
  EXPECT_TRUE(v.list().empty());
}

TEST(EvidenceVault, StaleTemporariesOfDeadProcessesAreRemoved) {
  TempDir t;
  store::EvidenceVault v(t / "vault");
  std::filesystem::create_directories(t / "vault" / "tmp");
  // pid 2^22+1 exceeds the default pid_max, so no process has it.
  test::write_file(t / "vault" / "tmp" / "4194305-0.part", "half");
  const std::string mine = std::to_string(::getpid()) + "-99.part";
  test::write_file(t / "vault" / "tmp" / mine, "in progress");
  v.remove_stale_temporaries();
  EXPECT_FALSE(std::filesystem::exists(t / "vault" / "tmp" / "4194305-0.part"));
  EXPECT_TRUE(std::filesystem::exists(t / "vault" / "tmp" / mine));
}

// `kill -9` during an archive ingest left vault/tmp/ingest-<pid>-<sha> folders for good.
TEST(EvidenceVault, StaleIngestFoldersOfDeadProcessesAreRemovedAndTheRestListed) {
  TempDir t;
  store::EvidenceVault v(t / "vault");
  const auto tmp = t / "vault" / "tmp";
  std::filesystem::create_directories(tmp / "ingest-4194305-0123456789abcdef");
  test::write_file(tmp / "ingest-4194305-0123456789abcdef" / "member-1", std::string(1000, 'x'));
  const std::string mine = "ingest-" + std::to_string(::getpid()) + "-fedcba9876543210";
  std::filesystem::create_directories(tmp / mine);
  test::write_file(tmp / "unrelated.txt", "not ours");
  v.remove_stale_temporaries();
  EXPECT_FALSE(std::filesystem::exists(tmp / "ingest-4194305-0123456789abcdef"));
  EXPECT_EQ(v.temporaries(), (std::vector<std::string>{mine, "unrelated.txt"}));
}

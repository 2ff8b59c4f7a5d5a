// End-to-end behaviour of the foundation commands, run as a user would run them.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "support/temp_dir.hpp"

using corridor::test::read_file;
using corridor::test::run_corridor;
using corridor::test::TempDir;
using corridor::test::write_file;

namespace {

std::string init_case(const TempDir& t) {
  const std::string dir = (t / "op").string();
  auto r = run_corridor({"case", "init", dir, "--title", "Operation Sahel", "--examiner", "Examiner 1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return dir;
}

nlohmann::json evidence_json(const std::string& dir) {
  auto r = run_corridor({"evidence", dir, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

void sql(const std::string& dir, const std::string& statement) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir + "/case.db").c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

// A file of `mb` MiB with varied bytes (zeros would compress in the page cache alike).
void write_big(const std::filesystem::path& p, int mb) {
  std::string chunk(1 << 20, '\0');
  std::ofstream out(p, std::ios::binary);
  for (int m = 0; m < mb; ++m) {
    for (std::size_t i = 0; i < chunk.size(); ++i) chunk[i] = static_cast<char>((i * 131 + m * 7) ^ (i >> 9));
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  }
}

}  // namespace

TEST(FoundationCli, AddListVerifyLog) {
  TempDir t;
  const auto dir = init_case(t);
  write_file(t / "dump.bin", std::string("\x00\x01\x02seized", 9));
  write_file(t / "chats.txt", "hello");
  auto r = run_corridor({"add", dir, (t / "dump.bin").string(), (t / "chats.txt").string(), "--acquired-by",
                         "Examiner 1", "--method", "logical extraction", "--legal-basis", "Warrant 2026/114"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto ev = evidence_json(dir);
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[1]["sha256"], "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  EXPECT_EQ(ev[1]["size"], 5);
  EXPECT_EQ(ev[1]["name"], "chats.txt");
  EXPECT_EQ(ev[1]["media_type"], "text/plain");
  EXPECT_EQ(ev[1]["acquisition"]["legal_basis"], "Warrant 2026/114");
  EXPECT_EQ(ev[1]["custody"][0]["action"], "acquired");
  EXPECT_EQ(ev[1]["custody"][1]["action"], "added");

  // Same bytes again: stored once, a second custody event.
  write_file(t / "copy.txt", "hello");
  ASSERT_EQ(run_corridor({"add", dir, (t / "copy.txt").string()}).exit_code, 0);
  ev = evidence_json(dir);
  ASSERT_EQ(ev.size(), 2u);
  ASSERT_EQ(ev[1]["custody"].size(), 3u);
  EXPECT_EQ(ev[1]["custody"][2]["note"], "same bytes added again as copy.txt");

  r = run_corridor({"verify", dir});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("OK: 2 evidence items"), std::string::npos);

  r = run_corridor({"log", dir, "--json"});
  ASSERT_EQ(r.exit_code, 0);
  auto log = nlohmann::json::parse(r.out);
  // The genesis entry, 2 adds (one entry each), 2 evidence listings; verify writes nothing.
  ASSERT_EQ(log.size(), 5u);
  EXPECT_EQ(log[0]["action"], "genesis");
  EXPECT_EQ(log[1]["action"], "collection");
  EXPECT_EQ(log[1]["why"], "legal basis: Warrant 2026/114");
  EXPECT_EQ(log[1]["object"], "evidence 9659b797c6b5570e9e6e252f682f5d85197b4780aabb6b519cdd4fcad3fdc9c3 (dump.bin), "
                              "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 (chats.txt)");
  EXPECT_EQ(log[4]["action"], "consultation");
  EXPECT_EQ(log[4]["object"], "evidence list");

  r = run_corridor({"log", dir, "--proof", "2", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto proof = nlohmann::json::parse(r.out);
  EXPECT_EQ(proof["entry"]["seq"], 2);
  EXPECT_EQ(proof["tree_size"], 6);
  EXPECT_EQ(proof["root"], proof["checkpoint"]["root"]);
  EXPECT_EQ(proof["path"].size(), 3u);
}

TEST(FoundationCli, BadInputsGiveClearErrorsAndChangeNothing) {
  TempDir t;
  const auto dir = init_case(t);
  write_file(t / "ok.txt", "ok");
  auto r = run_corridor({"add", dir, (t / "ok.txt").string(), (t / "missing.bin").string()});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("missing.bin: no such file"), std::string::npos) << r.err;
  EXPECT_EQ(evidence_json(dir).size(), 0u);

  r = run_corridor({"evidence", t.path().string()});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("not a Corridor case folder"), std::string::npos);

  r = run_corridor({"add", dir});
  EXPECT_EQ(r.exit_code, 2);
  r = run_corridor({"case", "init", dir, "--title", "again", "--examiner", "E"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("not empty"), std::string::npos);
  r = run_corridor({"log", dir, "--proof", "999"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("audit entry 999: no such entry"), std::string::npos);
}

TEST(FoundationCli, TamperedVaultByteIsNamedByVerify) {
  TempDir t;
  const auto dir = init_case(t);
  write_file(t / "a.txt", "first item");
  write_file(t / "b.txt", "second item");
  ASSERT_EQ(run_corridor({"add", dir, (t / "a.txt").string(), (t / "b.txt").string()}).exit_code, 0);
  const std::string sha = evidence_json(dir)[1]["sha256"];
  const auto path = std::filesystem::path(dir) / "vault" / sha.substr(0, 2) / sha;
  std::filesystem::permissions(path, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
  std::string bytes = read_file(path);
  bytes[3] ^= 0x20;
  write_file(path, bytes);
  auto r = run_corridor({"verify", dir});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("DIFFERS  evidence 2 " + sha + " (b.txt): vault copy changed"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("(a.txt)"), std::string::npos);
}

TEST(FoundationCli, AuditRowEditedWithSqlIsNamedByVerify) {
  TempDir t;
  const auto dir = init_case(t);
  write_file(t / "a.txt", "first item");
  ASSERT_EQ(run_corridor({"add", dir, (t / "a.txt").string(), "--legal-basis", "Warrant 7"}).exit_code, 0);
  ASSERT_EQ(run_corridor({"evidence", dir}).exit_code, 0);
  sql(dir, "UPDATE audit SET justification = 'no warrant needed' WHERE seq = 1");
  auto r = run_corridor({"verify", dir});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("DIFFERS  audit entry 1: content does not match its digest (entry edited: collection evidence "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("; 1 problems\n"), std::string::npos) << r.out;
}

TEST(FoundationCli, KilledMidAddLeavesACaseThatVerifies) {
  TempDir t;
  const auto dir = init_case(t);
  write_file(t / "small.txt", "before the crash");
  ASSERT_EQ(run_corridor({"add", dir, (t / "small.txt").string()}).exit_code, 0);
  write_big(t / "image.bin", 256);
  const auto tmpdir = std::filesystem::path(dir) / "vault" / "tmp";
  for (int delay_ms : {5, 40, 150}) {
    pid_t pid = fork();
    if (pid == 0) {
      std::freopen("/dev/null", "w", stdout);
      std::freopen("/dev/null", "w", stderr);
      execl(CORRIDOR_BIN, CORRIDOR_BIN, "add", dir.c_str(), (t / "image.bin").c_str(), nullptr);
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    auto r = run_corridor({"verify", dir});
    EXPECT_EQ(r.exit_code, 0) << "killed after " << delay_ms << " ms: " << r.out << r.err;
    auto ev = evidence_json(dir);
    EXPECT_GE(ev.size(), 1u);
    EXPECT_LE(ev.size(), 2u);
    EXPECT_EQ(ev[0]["name"], "small.txt");
  }
  // The next open cleared the dead processes' partial files.
  EXPECT_TRUE(!std::filesystem::exists(tmpdir) || std::filesystem::is_empty(tmpdir));
}

TEST(FoundationCli, TwoProcessesAddingAtOnceBothSucceed) {
  TempDir t;
  const auto dir = init_case(t);
  std::vector<pid_t> pids;
  for (int p = 0; p < 2; ++p) {
    for (int i = 0; i < 5; ++i)
      write_file(t / ("p" + std::to_string(p) + "-" + std::to_string(i)), "item " + std::to_string(p * 10 + i));
    write_file(t / ("shared" + std::to_string(p)), "same bytes in both");
  }
  for (int p = 0; p < 2; ++p) {
    pid_t pid = fork();
    if (pid == 0) {
      std::freopen("/dev/null", "w", stdout);
      for (int i = 0; i < 5; ++i) {
        const auto f = (t / ("p" + std::to_string(p) + "-" + std::to_string(i))).string();
        const auto s = (t / ("shared" + std::to_string(p))).string();
        pid_t c = fork();
        if (c == 0) {
          execl(CORRIDOR_BIN, CORRIDOR_BIN, "add", dir.c_str(), f.c_str(), s.c_str(), nullptr);
          _exit(127);
        }
        int st = 0;
        waitpid(c, &st, 0);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) _exit(1);
      }
      _exit(0);
    }
    pids.push_back(pid);
  }
  for (pid_t pid : pids) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  EXPECT_EQ(evidence_json(dir).size(), 11u);
  auto r = run_corridor({"verify", dir});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  auto log = nlohmann::json::parse(run_corridor({"log", dir, "--json"}).out);
  // The genesis entry, 10 adds of 2 files each (an entry each), 1 listing; verify writes nothing.
  EXPECT_EQ(log.size(), 12u);
}

TEST(FoundationCli, FullDiskDuringAddNamesThePathAndLosesNothing) {
  TempDir t;
  const auto dir = init_case(t);
  write_file(t / "a.txt", "kept");
  ASSERT_EQ(run_corridor({"add", dir, (t / "a.txt").string()}).exit_code, 0);
  write_big(t / "big.bin", 8);
  // A file-size limit makes writes fail the way a full disk does (EFBIG instead of ENOSPC).
  pid_t pid = fork();
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);
    rlimit lim{1 << 20, 1 << 20};
    setrlimit(RLIMIT_FSIZE, &lim);
    std::freopen((t / "err").c_str(), "w", stderr);
    std::freopen("/dev/null", "w", stdout);
    execl(CORRIDOR_BIN, CORRIDOR_BIN, "add", dir.c_str(), (t / "big.bin").c_str(), nullptr);
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 4);
  const std::string err = read_file(t / "err");
  EXPECT_NE(err.find("/vault/tmp/"), std::string::npos) << err;
  EXPECT_NE(err.find("write failed: File too large"), std::string::npos) << err;
  EXPECT_EQ(evidence_json(dir).size(), 1u);
  EXPECT_EQ(run_corridor({"verify", dir}).exit_code, 0);
}

// Hostile or odd input files at the command line: FIFOs, the case's own files, damaged
// archives, AIS logs with garbage, temporaries left by a killed ingest.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ais/vessel_records.hpp"
#include "support/cli_case.hpp"

namespace corridor::test {
namespace {

std::string new_case(const TempDir& t) {
  const std::string dir = (t / "op").string();
  const auto r = run_corridor({"case", "init", dir, "--title", "T", "--examiner", "Examiner 1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return dir;
}

void write_zip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& files,
               const std::string& link_name = {}, const std::string& link_target = {}) {
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK);
  auto add = [&](const std::string& name, const std::string& bytes, const std::string& target) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, target.empty() ? AE_IFREG : AE_IFLNK);
    if (!target.empty()) archive_entry_set_symlink(e, target.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    archive_write_data(a, bytes.data(), bytes.size());
    archive_entry_free(e);
  };
  for (const auto& [name, bytes] : files) add(name, bytes, "");
  if (!link_name.empty()) add(link_name, "", link_target);
  archive_write_close(a);
  archive_write_free(a);
}

TEST(HostileInputCli, ScanRefusesAFifoWithoutOpeningIt) {
  TempDir t;
  const auto fifo = t / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto r = run_corridor({"scan", fifo.string()}, 20);
  EXPECT_EQ(r.exit_code, 3) << r.err;  // 142 would be the alarm: it hung
  EXPECT_NE(r.err.find(fifo.string() + ": is a FIFO (named pipe), not a regular file; refused"), std::string::npos)
      << r.err;
}

TEST(HostileInputCli, TheCaseOwnFilesAreRefusedAsEvidence) {
  TempDir t;
  const std::string dir = new_case(t);
  const auto key = std::filesystem::path(dir) / "keys" / "case.pub";
  ASSERT_TRUE(std::filesystem::exists(key));
  std::filesystem::create_symlink(key, t / "innocent.bin");
  const std::string dotted = (t / "elsewhere" / ".." / "op" / "keys" / "case.pub").string();
  std::filesystem::create_directories(t / "elsewhere");
  for (const auto& args : std::vector<std::vector<std::string>>{{"ingest", dir, key.string()},
                                                                {"add", dir, (t / "innocent.bin").string()},
                                                                {"ingest", dir, dotted},
                                                                {"add", dir, (std::filesystem::path(dir) / "case.db").string()}}) {
    const auto r = run_corridor(args);
    EXPECT_EQ(r.exit_code, 3) << args.back() << r.out << r.err;
    EXPECT_NE(r.err.find(args.back() + ": is inside the case folder " + dir +
                         "; the case's own files are not evidence, refused"),
              std::string::npos)
        << r.err;
  }
  const auto list = run_corridor({"evidence", dir, "--json"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(nlohmann::json::parse(list.out), nlohmann::json::array());
}

TEST(HostileInputCli, IngestShowsAisRejectsInTableAndJson) {
  TempDir t;
  const std::string dir = new_case(t);
  std::string log = read_file(std::filesystem::path(CORRIDOR_TEST_DATA) / "ais" / "scenario.nmea");
  log += "garbage that is no sentence\n";
  log += "!AIVDM,1,1,,A," + std::string(300, '1') + ",0*00\n";  // overlong, bad checksum
  log += "!AIVDM,1,1,,A,13cbMihP051KSH0D1g@00?wp0000,0*FF\n";
  write_file(t / "feed.nmea", log);
  std::istringstream in(log);
  const auto direct = ais::decode_nmea_stream(in);
  ASSERT_GT(direct.stats.rejects.total(), 0u);
  nlohmann::json expected = nlohmann::json::object();
  std::string shown;
  for (std::size_t i = 1; i < ais::kRejectCount; ++i)
    if (direct.stats.rejects.n[i]) {
      const std::string name(ais::reject_name(static_cast<ais::Reject>(i)));
      expected[name] = direct.stats.rejects.n[i];
      shown += (shown.empty() ? "" : ", ") + name + " " + std::to_string(direct.stats.rejects.n[i]);
    }

  const auto r = run_corridor({"ingest", dir, (t / "feed.nmea").string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["files"][0]["format"], "ais");
  EXPECT_EQ(j["files"][0]["rejects"], expected);
  EXPECT_NE(j["files"][0]["note"].get<std::string>().find("; rejected: " + shown), std::string::npos);

  const auto table = run_corridor({"ingest", dir, (t / "feed.nmea").string(), "--again"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("rejected: " + shown + "\n"), std::string::npos) << table.out;
}

TEST(HostileInputCli, ArchiveWithNothingReadableExitsThreeAndLinksAreListed) {
  TempDir t;
  const std::string dir = new_case(t);
  write_zip(t / "links.zip", {}, "passwd", "../../etc/passwd");
  auto r = run_corridor({"ingest", dir, (t / "links.zip").string()});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("FAILED   links.zip"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("no member could be read (passwd: symbolic link to '../../etc/passwd'; not followed)"),
            std::string::npos)
      << r.out;

  write_zip(t / "mixed.zip", {{"ok.txt", "call +44 7700 900456"}}, "passwd", "/etc/passwd");
  r = run_corridor({"ingest", dir, (t / "mixed.zip").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("left out: passwd: symbolic link to '/etc/passwd'; not followed\n"), std::string::npos) << r.out;
  r = run_corridor({"ingest", dir, (t / "mixed.zip").string(), "--again", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["files"][0]["left_out"],
            nlohmann::json::parse(R"([{"item": "passwd", "reason": "symbolic link to '/etc/passwd'; not followed"}])"));
}

// What a `kill -9` in the middle of an archive ingest leaves: a folder named after a
// process that no longer runs. The next open removes it; one of a live process stays
// and `verify` mentions it.
TEST(HostileInputCli, TemporariesOfAKilledIngestGoAtNextOpenAndVerifyNamesTheRest) {
  TempDir t;
  const std::string dir = new_case(t);
  const auto tmp = std::filesystem::path(dir) / "vault" / "tmp";
  std::filesystem::create_directories(tmp);
  const pid_t child = fork();
  if (child == 0) {
    const auto mine = tmp / ("ingest-" + std::to_string(::getpid()) + "-0123456789abcdef");
    std::filesystem::create_directories(mine);
    std::ofstream(mine / "member-1") << std::string(4096, 'x');
    _exit(0);  // killed: nothing cleaned up
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  const auto dead = tmp / ("ingest-" + std::to_string(child) + "-0123456789abcdef");
  ASSERT_TRUE(std::filesystem::exists(dead / "member-1"));
  const std::string live = "ingest-" + std::to_string(::getpid()) + "-fedcba9876543210";
  std::filesystem::create_directories(tmp / live);
  ::chmod((tmp / live).c_str(), 0700);  // as an ingest makes it

  const auto r = run_corridor({"verify", dir});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_FALSE(std::filesystem::exists(dead));
  EXPECT_NE(r.out.find("note     vault/tmp holds " + live +
                       ", a temporary of an add or ingest still running or interrupted\n"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace corridor::test

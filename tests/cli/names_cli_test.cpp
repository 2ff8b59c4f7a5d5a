// Names from evidence hold any byte: every output writes them escaped (core/escape.hpp),
// as valid UTF-8 without control characters, and the JSON and XML outputs stay valid.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "core/escape.hpp"
#include "support/cli_case.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_check.hpp"

using corridor::is_utf8;
using corridor::test::ingested_case;
using corridor::test::read_file;
using corridor::test::run_corridor;
using corridor::test::TempDir;
using corridor::test::write_file;

namespace {

// A byte that is not UTF-8, a line break and a terminal escape sequence (red text).
const std::string kHostile = "chat\xFF\n\x1B[31mred.txt";
const std::string kShown = "chat\\xFF\\n\\x1B[31mred.txt";
const std::string kText = "Call +218 91 234 5678 or pay DE89 3704 0044 0532 0130 00\n";

// Printed text that cannot fake a line or drive the terminal.
void expect_clean(const std::string& out, const std::string& what) {
  EXPECT_TRUE(is_utf8(out)) << what;
  EXPECT_EQ(out.find('\x1B'), std::string::npos) << what;
  EXPECT_EQ(out.find(kHostile), std::string::npos) << what;
}

// A zip holding one member of `bytes` named `name`, written with libarchive.
void write_zip(const std::filesystem::path& path, const std::string& name, const std::string& bytes) {
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK);
  archive_entry* e = archive_entry_new();
  archive_entry_set_pathname(e, name.c_str());
  archive_entry_set_size(e, static_cast<la_int64_t>(bytes.size()));
  archive_entry_set_filetype(e, AE_IFREG);
  archive_entry_set_perm(e, 0644);
  archive_write_header(a, e);
  archive_write_data(a, bytes.data(), bytes.size());
  archive_entry_free(e);
  archive_write_close(a);
  archive_write_free(a);
}

}  // namespace

TEST(NamesCli, AFileNameThatIsNotUtf8IsEscapedInEveryOutput) {
  TempDir t;
  const std::string dir = (t / "op").string();
  ASSERT_EQ(run_corridor({"case", "init", dir, "--title", "Op", "--examiner", "E"}).exit_code, 0);
  write_file(t / kHostile, kText);

  auto r = run_corridor({"ingest", dir, (t / kHostile).string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_clean(r.out, "ingest --json");
  EXPECT_EQ(nlohmann::json::parse(r.out)["files"][0]["name"], kShown);

  r = run_corridor({"ingest", dir, "--all", "--again"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_clean(r.out, "ingest");
  EXPECT_EQ(r.out.rfind("ok       " + kShown + " ", 0), 0u) << r.out;

  r = run_corridor({"evidence", dir, "--json", "--custody"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_clean(r.out, "evidence --json");
  const auto ev = nlohmann::json::parse(r.out);
  EXPECT_EQ(ev[0]["name"], kShown);
  EXPECT_EQ(corridor::unescape_name(ev[0]["name"].get<std::string>()), kHostile);

  r = run_corridor({"evidence", dir, "--custody"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_clean(r.out, "evidence");
  EXPECT_NE(r.out.find("  " + kShown + "\n"), std::string::npos) << r.out;

  r = run_corridor({"log", dir, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_clean(r.out, "log --json");
  bool named = false;
  for (const auto& e : nlohmann::json::parse(r.out))
    named |= e["object"].get<std::string>().find("(" + kShown + ")") != std::string::npos;
  EXPECT_TRUE(named) << r.out;

  r = run_corridor({"log", dir});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_clean(r.out, "log");
  EXPECT_NE(r.out.find("(" + kShown + ")"), std::string::npos) << r.out;

  // A failing verify names the item.
  const std::string sha = ev[0]["sha256"];
  const auto vault = std::filesystem::path(dir) / "vault" / sha.substr(0, 2) / sha;
  std::filesystem::permissions(vault, std::filesystem::perms::owner_write, std::filesystem::perm_options::add);
  std::string bytes = read_file(vault);
  bytes[0] ^= 0x20;
  write_file(vault, bytes);
  r = run_corridor({"verify", dir, "--json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  expect_clean(r.out, "verify --json");
  const std::string problem = nlohmann::json::parse(r.out)["problems"][0];
  EXPECT_EQ(problem.rfind("evidence 1 " + sha + " (" + kShown + "): vault copy changed", 0), 0u) << problem;
  r = run_corridor({"verify", dir});
  EXPECT_EQ(r.exit_code, 1);
  expect_clean(r.out, "verify");
}

TEST(NamesCli, EveryExportLoadsAndLabelsIdentifiersByTheirValue) {
  TempDir t;
  const std::string dir = ingested_case(t, {{kHostile, kText}});

  auto r = run_corridor({"export", dir, "--format", "ftm", "--out", (t / "case.ftm").string(), "--to", "Prosecutor 3", "--why", "disclosure"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream ftm(read_file(t / "case.ftm"));
  // Every property value: the file's name is its Document's fileName and name, the IBAN
  // its BankAccount's iban (docs/ftm.md).
  std::vector<std::string> names;
  for (std::string line; std::getline(ftm, line);) {
    const auto j = nlohmann::json::parse(line);  // throws on a line that is not JSON
    for (const auto& [property, values] : j["properties"].items())
      for (const auto& v : values) names.push_back(v.get<std::string>());
  }
  EXPECT_NE(std::find(names.begin(), names.end(), kShown), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "+218912345678"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "DE89370400440532013000"), names.end());

  for (const std::string format : {"graphml", "gexf"}) {
    const auto out = t / ("case." + format);
    r = run_corridor({"export", dir, "--format", format, "--out", out.string(), "--to", "Prosecutor 3", "--why", "disclosure"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string x = read_file(out);
    EXPECT_EQ(corridor::test::xml_error(x), "") << format;
    EXPECT_TRUE(is_utf8(x)) << format;
    EXPECT_NE(x.find(kShown), std::string::npos) << x;
    EXPECT_NE(x.find("+218912345678"), std::string::npos) << x;
    EXPECT_NE(x.find("DE89370400440532013000"), std::string::npos) << x;
  }

  r = run_corridor({"export", dir, "--format", "csv", "--out", (t / "csv").string(), "--to", "Prosecutor 3", "--why", "disclosure"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string nodes = read_file(t / "csv" / "nodes.csv");
  EXPECT_TRUE(is_utf8(nodes));
  EXPECT_NE(nodes.find(",Document," + kShown + "\r\n"), std::string::npos) << nodes;
  EXPECT_NE(nodes.find(",Phone,'+218912345678\r\n"), std::string::npos) << nodes;
  EXPECT_NE(nodes.find(",BankAccount,DE89370400440532013000\r\n"), std::string::npos) << nodes;
}

TEST(NamesCli, AnErrorNamingAFileIsEscaped) {
  TempDir t;
  const std::string dir = (t / "op").string();
  ASSERT_EQ(run_corridor({"case", "init", dir, "--title", "Op", "--examiner", "E"}).exit_code, 0);
  const auto r = run_corridor({"ingest", dir, (t / kHostile).string()});  // no such file
  EXPECT_EQ(r.exit_code, 3) << r.err;
  expect_clean(r.err, "error");
  EXPECT_NE(r.err.find(kShown), std::string::npos) << r.err;
}

TEST(NamesCli, AShortenedValueEndsOnACharacterBoundary) {
  TempDir t;
  const std::string text = "رحلة مضمونة إلى إيطاليا والدفع بعد الوصول، اتصل واتساب +218 91 234 5678";
  const std::string dir = ingested_case(
      t, {{"posts.jsonl", R"({"platform":"facebook","post_id":"p1","author_id":"u1","author_name":"Safe Road",)"
                          R"("time":"2026-03-02T18:40:00Z","text":")" + text + "\"}\n"}});
  ASSERT_EQ(run_corridor({"detect", dir, "--detector", "offers"}).exit_code, 0);
  const auto r = run_corridor({"indicators", dir, "--id", "1", "--why", "review"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(is_utf8(r.out)) << r.out;
  // 60 bytes would cut the 30th letter in two: the value stops before it.
  EXPECT_NE(r.out.find(" bodyText = رحلة مضمونة إلى إيطاليا والدفع ب  ["), std::string::npos) << r.out;
}

TEST(NamesCli, ArchiveMemberNamesAreEscapedInReportsAndErrors) {
  TempDir t;
  const std::string dir = (t / "op").string();
  ASSERT_EQ(run_corridor({"case", "init", dir, "--title", "Op", "--examiner", "E"}).exit_code, 0);
  // A member whose name clears the screen; one whose name also climbs out of the folder
  // and sets the terminal's title.
  write_zip(t / "clear.zip", "notes\x1B[2J.txt", kText);
  write_zip(t / "climb.zip", "../\x1B]0;owned\x07.txt", kText);
  auto r = run_corridor({"ingest", dir, (t / "clear.zip").string(), (t / "climb.zip").string()});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  expect_clean(r.out, "ingest");
  EXPECT_EQ(r.out.find('\x07'), std::string::npos);
  EXPECT_NE(r.out.find("ok       notes\\x1B[2J.txt "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("FAILED   climb.zip"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("member '../\\x1B]0;owned\\x07.txt' would be written outside"), std::string::npos) << r.out;

  r = run_corridor({"ingest", dir, (t / "climb.zip").string(), "--json"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  expect_clean(r.out, "ingest --json");
  const auto error = nlohmann::json::parse(r.out)["files"][0]["error"].get<std::string>();
  EXPECT_NE(error.find("member '../\\x1B]0;owned\\x07.txt'"), std::string::npos) << error;
}

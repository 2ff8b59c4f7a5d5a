// Withdrawing an exhibit as a court order would have it: what was derived from the item is
// gone, the ledger still verifies and explains the missing bytes, the bytes can be handed
// over first and never come back; an interrupted removal is reported and finished.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/sha256.hpp"
#include "support/case_sql.hpp"
#include "support/cli_case.hpp"
#include "support/temp_dir.hpp"

using corridor::test::ingest_sample;
using corridor::test::ingested_case;
using corridor::test::read_file;
using corridor::test::run_corridor;
using corridor::test::sql;
using corridor::test::sql_int;
using corridor::test::TempDir;
using corridor::test::write_file;

namespace fs = std::filesystem;

namespace {

// A Telegram export, posts and a WhatsApp chat, detectors run; the Telegram export (which
// an offer indicator cites) is withdrawn.
struct ChatCase {
  TempDir t;
  std::string dir = ingested_case(t, {{"result.json", ingest_sample("telegram/result.json")},
                                      {"posts.jsonl", ingest_sample("posts/posts.jsonl")},
                                      {"_chat.txt", ingest_sample("whatsapp/_chat.txt")}});
  std::string sha = corridor::to_hex(corridor::sha256(ingest_sample("telegram/result.json")));
  std::int64_t id = 0;
  ChatCase() {
    EXPECT_EQ(run_corridor({"detect", dir}).exit_code, 0);
    id = sql_int(dir, "SELECT id FROM evidence WHERE sha256 = '" + sha + "'");
  }
  std::int64_t count(const std::string& where) { return sql_int(dir, "SELECT count(*) FROM " + where); }
  fs::path vault_copy() const { return fs::path(dir) / "vault" / sha.substr(0, 2) / sha; }
};

}  // namespace

TEST(WithdrawCli, NeedsALegalBasisAReasonAndAKnownItem) {
  ChatCase c;
  auto r = run_corridor({"withdraw", c.dir, c.sha, "--why", "excluded"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--legal-basis is required"), std::string::npos) << r.err;
  r = run_corridor({"withdraw", c.dir, c.sha, "--legal-basis", "Court order 12/2026"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("a withdrawal needs --why"), std::string::npos) << r.err;
  r = run_corridor({"withdraw", c.dir, "9999", "--legal-basis", "Court order 12/2026", "--why", "excluded"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("evidence 9999: no such evidence item in the case"), std::string::npos) << r.err;
  // Refused inside the case folder, before anything changed.
  const auto entries = c.count("audit");
  r = run_corridor({"withdraw", c.dir, c.sha, "--legal-basis", "Court order", "--why", "x", "--hand-over", c.dir + "/out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("is inside the case folder"), std::string::npos) << r.err;
  EXPECT_EQ(c.count("audit"), entries);
  EXPECT_TRUE(fs::exists(c.vault_copy()));
  // A file without members withdrawn alone: the report names no extracted items.
  r = run_corridor({"withdraw", c.dir, c.sha, "--legal-basis", "Court order 12/2026", "--why", "excluded"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("withdrew evidence " + std::to_string(c.id) + " (", 0), 0u) << r.out;
  EXPECT_EQ(r.out.find("extracted"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" statements, "), std::string::npos) << r.out;
}

TEST(WithdrawCli, NothingDerivedFromTheItemRemainsAndTheCaseVerifies) {
  ChatCase c;
  const std::string of = "statements WHERE evidence = " + std::to_string(c.id);
  const auto own = c.count(of), all = c.count("statements"), items = c.count("evidence");
  ASSERT_GT(own, 0);
  ASSERT_GT(c.count("reason_statements rs JOIN " + of + " AND id = rs.statement"), 0) << "an indicator should cite the export";
  const fs::path out = c.t / "handed-over";

  auto r = run_corridor({"withdraw", c.dir, c.sha, "--legal-basis", "Court order 12/2026", "--why",
                         "intercepted without a warrant", "--hand-over", out.string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["statements"], own);
  EXPECT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["sha256"], c.sha);
  EXPECT_GT(j["reasons"].get<int>() + j["reasons_kept"].get<int>(), 0) << r.out;

  // Derived rows gone; nothing cites a missing statement; no indicator is left without a reason.
  EXPECT_EQ(c.count(of), 0);
  EXPECT_EQ(c.count("statements"), all - own);
  EXPECT_EQ(c.count("reason_statements WHERE statement NOT IN (SELECT id FROM statements)"), 0);
  EXPECT_EQ(c.count("indicators WHERE id NOT IN (SELECT indicator FROM indicator_reasons)"), 0);
  EXPECT_EQ(c.count("entities e WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.entity = e.rid) AND NOT EXISTS "
                    "(SELECT 1 FROM statements s WHERE s.value = e.id) AND e.canonical_id = e.id"),
            0);
  // The record of the exhibit stays, with its custody; its bytes left the vault, a checked copy was handed over.
  EXPECT_EQ(c.count("evidence"), items);
  EXPECT_EQ(c.count("custody WHERE action = 'withdrawn' AND legal_basis = 'Court order 12/2026' AND note = "
                    "'intercepted without a warrant' AND evidence_id = " + std::to_string(c.id)),
            1);
  EXPECT_FALSE(fs::exists(c.vault_copy()));
  EXPECT_EQ(corridor::to_hex(corridor::sha256(read_file(out / c.sha))), c.sha);
  EXPECT_EQ(c.count("audit WHERE action = 'erasure' AND instr(object, 'withdrew evidence " + std::to_string(c.id) + "') = 1"), 1);

  auto v = run_corridor({"verify", c.dir});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_NE(v.out.find("withdrawn on"), std::string::npos) << v.out;
  r = run_corridor({"evidence", c.dir, "--json", "--why", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& e : nlohmann::json::parse(r.out))
    EXPECT_EQ(e["withdrawn"].is_null(), e["sha256"] != c.sha) << e.dump();
  // An export no longer holds the exhibit or anything read from it.
  ASSERT_EQ(run_corridor({"export", c.dir, "--format", "ftm", "--out", (c.t / "case.ftm").string(), "--to", "Court",
                          "--why", "disclosure"}).exit_code, 0);
  EXPECT_EQ(read_file(c.t / "case.ftm").find(c.sha), std::string::npos);

  // Its bytes are refused when added again, alone or by `ingest --all`; a second withdrawal too.
  write_file(c.t / "copy.json", ingest_sample("telegram/result.json"));
  r = run_corridor({"add", c.dir, (c.t / "copy.json").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("a withdrawn exhibit is not added again"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(c.vault_copy()));
  r = run_corridor({"ingest", c.dir, c.sha});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("was withdrawn from the case"), std::string::npos) << r.err;
  EXPECT_EQ(run_corridor({"ingest", c.dir, "--all"}).exit_code, 0);
  EXPECT_EQ(c.count(of), 0);
  r = run_corridor({"withdraw", c.dir, std::to_string(c.id), "--legal-basis", "again", "--why", "again"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("already withdrawn on"), std::string::npos) << r.err;
  EXPECT_EQ(run_corridor({"verify", c.dir}).exit_code, 0);

  // A forged withdrawal cannot hide a deleted exhibit: the custody row is not under the ledger.
  sql(c.dir, "DELETE FROM custody WHERE action = 'withdrawn'");
  v = run_corridor({"verify", c.dir});
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_NE(v.out.find("missing from the vault"), std::string::npos) << v.out;
}

TEST(WithdrawCli, AnInterruptedRemovalIsReportedAndFinishedByRunningItAgain) {
  ChatCase c;
  const std::string bytes = read_file(c.vault_copy());
  ASSERT_EQ(run_corridor({"withdraw", c.dir, c.sha, "--legal-basis", "Court order", "--why", "excluded"}).exit_code, 0);
  // As if the process died between the commit and the removal.
  write_file(c.vault_copy(), bytes);
  auto v = run_corridor({"verify", c.dir});
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_NE(v.out.find("yet still in the vault"), std::string::npos) << v.out;
  const auto entries = c.count("audit");
  auto r = run_corridor({"withdraw", c.dir, c.sha, "--legal-basis", "Court order", "--why", "excluded"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("removed the vault copies left behind"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(c.vault_copy()));
  EXPECT_EQ(c.count("audit"), entries);
  EXPECT_EQ(run_corridor({"verify", c.dir}).exit_code, 0);
}

TEST(WithdrawCli, ItemsExtractedFromTheExhibitGoWithIt) {
  TempDir t;
  const std::string dir = ingested_case(t, {{"whatsapp_export.zip", ingest_sample("archive/whatsapp_export.zip")}});
  const auto zip = sql_int(dir, "SELECT id FROM evidence WHERE parent_id IS NULL");
  ASSERT_EQ(sql_int(dir, "SELECT count(*) FROM evidence WHERE parent_id = " + std::to_string(zip)), 2);
  ASSERT_GT(sql_int(dir, "SELECT count(*) FROM statements"), 0);
  auto r = run_corridor({"withdraw", dir, std::to_string(zip), "--legal-basis", "Court order", "--why", "excluded", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["items"].size(), 3u);
  EXPECT_EQ(sql_int(dir, "SELECT count(*) FROM statements"), 0);
  EXPECT_EQ(sql_int(dir, "SELECT count(*) FROM entities"), 0);
  EXPECT_EQ(sql_int(dir, "SELECT count(*) FROM custody WHERE action = 'withdrawn'"), 3);
  EXPECT_TRUE(fs::is_empty(fs::path(dir) / "vault") ||
              std::none_of(fs::recursive_directory_iterator(fs::path(dir) / "vault"), fs::recursive_directory_iterator(),
                           [](const auto& e) { return e.is_regular_file(); }));
  EXPECT_EQ(run_corridor({"verify", dir}).exit_code, 0);
}

// AIS rows go with their log, and a later log never gets their ids (they were the newest).
TEST(WithdrawCli, AnAisLogsPositionsAndVesselIndicatorsGoAndTheirIdsAreNotGivenAgain) {
  TempDir t;
  const std::string log = read_file(fs::path(CORRIDOR_TEST_DATA) / "ais" / "scenario.nmea");
  const std::string first = log.substr(0, log.size() / 2);
  const std::string split_at = first.substr(0, first.rfind('\n') + 1);
  const std::string dir = ingested_case(t, {{"early.nmea", split_at}, {"late.nmea", log.substr(split_at.size())}});
  ASSERT_EQ(run_corridor({"detect", dir, "--min-score", "0"}).exit_code, 0);
  const auto late = sql_int(dir, "SELECT id FROM evidence WHERE original_name = 'late.nmea'");
  const auto late_rows = sql_int(dir, "SELECT count(*) FROM ais_positions WHERE evidence = " + std::to_string(late));
  const auto late_identities = sql_int(dir, "SELECT count(*) FROM ais_identities WHERE evidence = " + std::to_string(late));
  const auto top = sql_int(dir, "SELECT max(id) FROM ais_positions");
  ASSERT_GT(late_rows, 0);
  ASSERT_GT(sql_int(dir, "SELECT count(*) FROM indicators WHERE detector LIKE 'vessels.%'"), 0);

  auto r = run_corridor({"withdraw", dir, std::to_string(late), "--legal-basis", "Court order", "--why", "x", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["ais_rows"].get<std::int64_t>(), late_rows + late_identities);
  EXPECT_EQ(sql_int(dir, "SELECT count(*) FROM ais_positions WHERE evidence = " + std::to_string(late)), 0);
  EXPECT_EQ(sql_int(dir, "SELECT count(*) FROM ais_identities WHERE evidence = " + std::to_string(late)), 0);
  EXPECT_LT(sql_int(dir, "SELECT coalesce(max(id), 0) FROM ais_positions"), top);
  EXPECT_EQ(run_corridor({"verify", dir}).exit_code, 0);

  write_file(t / "later.nmea", log.substr(split_at.size()) + "# received again\n");
  ASSERT_EQ(run_corridor({"ingest", dir, (t / "later.nmea").string()}).exit_code, 0);
  EXPECT_GT(sql_int(dir, "SELECT min(id) FROM ais_positions WHERE evidence = (SELECT max(id) FROM evidence)"), top);
  auto v = run_corridor({"verify", dir});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

// Erasure and restriction (LED Art. 16) as a data-protection officer would try them: the
// erased person's rows are gone, the ledger still verifies with its entries about the person
// redacted, the evidence is untouched, later ingests never reuse an erased id; a restricted
// person is withheld from every output, even one made with --reveal.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/sha256.hpp"
#include "support/case_sql.hpp"
#include "support/cli_case.hpp"
#include "support/temp_dir.hpp"

using corridor::test::ingest_sample;
using corridor::test::ingested_case;
using corridor::test::sql;
using corridor::test::sql_int;
using corridor::test::read_file;
using corridor::test::run_corridor;
using corridor::test::TempDir;

namespace fs = std::filesystem;

namespace {

// The WhatsApp chats, detectors run; the account +44 7400 123456 is the one erased.
struct ChatCase {
  TempDir t;
  // The chat last: the account's rows are the newest, so erasing them empties the top ids.
  std::string dir = ingested_case(t, {{"posts.jsonl", ingest_sample("posts/posts.jsonl")},
                                      {"_chat.txt", ingest_sample("whatsapp/_chat.txt")},
                                      {"WhatsApp Chat with Samir Tarek.txt", ingest_sample("whatsapp/WhatsApp Chat with Samir Tarek.txt")}});
  std::string account;
  ChatCase() {
    EXPECT_EQ(run_corridor({"detect", dir}).exit_code, 0);
    auto r = run_corridor({"network", dir, "--json", "--top", "100", "--why", "find the account"});
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& row : j["key_players"])
      if (row["schema"] == "UserAccount" && row["label"].get<std::string>().find("7400") != std::string::npos)
        account = row["id"];
    EXPECT_FALSE(account.empty()) << r.out;
  }
};

}  // namespace

TEST(ErasureCli, NeedsALegalBasisAndAReasonAndAKnownEntity) {
  ChatCase c;
  auto r = run_corridor({"erase", c.dir, c.account, "--why", "no longer necessary"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--legal-basis is required"), std::string::npos) << r.err;
  r = run_corridor({"erase", c.dir, c.account, "--legal-basis", "LED Art. 16(2)"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("an erasure needs --why"), std::string::npos) << r.err;
  r = run_corridor({"erase", c.dir, "useraccount-0000", "--legal-basis", "LED Art. 16(2)", "--why", "x"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no such entity in the case"), std::string::npos) << r.err;
}

TEST(ErasureCli, ErasedRowsAreGoneTheLedgerVerifiesAndNamesItNoMore) {
  ChatCase c;
  const std::string id = c.account;
  const auto statements_before = sql_int(c.dir, "SELECT count(*) FROM statements");
  const auto own = sql_int(c.dir, "SELECT count(*) FROM statements s JOIN entities e ON e.rid = s.entity WHERE e.id = '" + id + "'");
  const auto naming = sql_int(c.dir, "SELECT count(*) FROM statements WHERE value = '" + id + "'");
  ASSERT_GT(own, 0);
  ASSERT_GT(naming, 0);
  // Entries that name it: a categorisation and a consultation of its data.
  ASSERT_EQ(run_corridor({"subject", c.dir, id, "--category", "smuggled-migrant", "--why", "pays for a crossing"}).exit_code, 0);
  ASSERT_EQ(run_corridor({"subject", c.dir, id, "--why", "check"}).exit_code, 0);
  const auto vault_before = sql_int(c.dir, "SELECT count(*) FROM evidence");

  auto r = run_corridor({"erase", c.dir, id, "--legal-basis", "LED Art. 16(2)", "--why", "no longer necessary", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["statements"], own);
  EXPECT_EQ(report["statements_naming_it"], naming);
  EXPECT_EQ(report["categories"], 1);
  EXPECT_GE(report["redacted_entries"], 2);

  EXPECT_EQ(sql_int(c.dir, "SELECT count(*) FROM entities WHERE id = '" + id + "'"), 0);
  EXPECT_EQ(sql_int(c.dir, "SELECT count(*) FROM statements"), statements_before - own - naming);
  EXPECT_EQ(sql_int(c.dir, "SELECT count(*) FROM statements WHERE value = '" + id + "'"), 0);
  EXPECT_EQ(sql_int(c.dir, "SELECT count(*) FROM subject_categories WHERE entity = '" + id + "'"), 0);
  EXPECT_EQ(sql_int(c.dir, "SELECT count(*) FROM indicator_subjects WHERE entity = '" + id + "'"), 0);
  // No ledger entry names it except the erasure itself; the redacted ones say so.
  EXPECT_EQ(sql_int(c.dir, "SELECT count(*) FROM audit WHERE instr(object, '" + id + "') > 0 AND action != 'erasure'"), 0);
  EXPECT_GE(sql_int(c.dir, "SELECT count(*) FROM audit WHERE redacted != ''"), 2);
  // Evidence is never erased.
  EXPECT_EQ(sql_int(c.dir, "SELECT count(*) FROM evidence"), vault_before);
  auto v = run_corridor({"verify", c.dir});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_NE(v.out.find("redacted audit entry"), std::string::npos) << v.out;

  // A later ingest gets new ids, never an erased one, and the case still verifies: erase the
  // record holding the newest statements too, so that the top ids are free.
  const auto top = sql_int(c.dir, "SELECT seq FROM sqlite_sequence WHERE name = 'statements'");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((c.dir + "/case.db").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, "SELECT e.id FROM statements s JOIN entities e ON e.rid = s.entity ORDER BY s.id DESC LIMIT 1", -1, &q, nullptr);
    ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
    const std::string record = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    sqlite3_close(db);
    ASSERT_EQ(run_corridor({"erase", c.dir, record, "--legal-basis", "LED Art. 16(2)", "--why", "x"}).exit_code, 0);
  }
  EXPECT_LT(sql_int(c.dir, "SELECT max(id) FROM statements"), top);  // the newest ids were erased
  const auto kept = sql_int(c.dir, "SELECT count(*) FROM statements");
  const fs::path more = c.t / "more.txt";
  {
    std::ofstream(more) << "6/15/23, 9:00 AM - Samir Tarek: Thursday is confirmed, +44 7400 123456 pays tomorrow\n";
  }
  ASSERT_EQ(run_corridor({"add", c.dir, more.string()}).exit_code, 0);
  ASSERT_EQ(run_corridor({"ingest", c.dir, "--all"}).exit_code, 0);
  EXPECT_EQ(sql_int(c.dir, "SELECT count(*) FROM statements WHERE id <= " + std::to_string(top)), kept);
  EXPECT_GT(sql_int(c.dir, "SELECT count(*) FROM statements WHERE id > " + std::to_string(top)), 0);
  v = run_corridor({"verify", c.dir});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  // Tampering after the erasure is still caught.
  sql(c.dir, "DELETE FROM statements WHERE id = 1");
  EXPECT_EQ(run_corridor({"verify", c.dir}).exit_code, 1);
}

TEST(ErasureCli, AReasonOtherStatementsSupportIsKeptCitingThem) {
  ChatCase c;
  // Reasons citing one of the account's statements and another one.
  const auto shared = sql_int(c.dir,
                              "SELECT count(*) FROM reason_statements rs JOIN statements s ON s.id = rs.statement "
                              "JOIN entities e ON e.rid = s.entity WHERE e.id = '" + c.account + "' AND EXISTS "
                              "(SELECT 1 FROM reason_statements o WHERE o.reason = rs.reason AND o.statement != rs.statement)");
  auto r = run_corridor({"erase", c.dir, c.account, "--legal-basis", "LED Art. 16(2)", "--why", "x", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["reasons_kept"].get<std::int64_t>() > 0, shared > 0) << r.out;
  EXPECT_EQ(sql_int(c.dir, "SELECT count(*) FROM reason_statements WHERE statement NOT IN (SELECT id FROM statements)"), 0);
  EXPECT_EQ(run_corridor({"verify", c.dir}).exit_code, 0);
}

TEST(RestrictionCli, ARestrictedEntityIsWithheldEvenWithReveal) {
  ChatCase c;
  auto r = run_corridor({"restrict", c.dir, c.account});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("a restriction needs --why"), std::string::npos) << r.err;
  ASSERT_EQ(run_corridor({"restrict", c.dir, c.account, "--why", "accuracy contested (Art. 16(3)(a))"}).exit_code, 0);
  for (const std::vector<std::string>& extra : {std::vector<std::string>{}, std::vector<std::string>{"--reveal"}}) {
    std::vector<std::string> args = {"network", c.dir, "--top", "100", "--why", "who organises"};
    args.insert(args.end(), extra.begin(), extra.end());
    r = run_corridor(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("7400"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("[restricted]"), std::string::npos) << r.out;
    args = {"export", c.dir, "--format", "ftm", "--out", (c.t / "case.ftm").string(), "--to", "Court 2", "--why", "x"};
    args.insert(args.end(), extra.begin(), extra.end());
    ASSERT_EQ(run_corridor(args).exit_code, 0);
    EXPECT_EQ(read_file(c.t / "case.ftm").find("7400"), std::string::npos);
  }
  // The auditor's review lists it.
  r = run_corridor({"restrict", c.dir, "--json", "--why", "audit"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["restricted"].size(), 1u);
  EXPECT_EQ(j["restricted"][0]["entity"], c.account);
  EXPECT_EQ(j["restricted"][0]["why"], "accuracy contested (Art. 16(3)(a))");
  // Lifted: shown again.
  ASSERT_EQ(run_corridor({"restrict", c.dir, c.account, "--lift", "--why", "accuracy confirmed"}).exit_code, 0);
  r = run_corridor({"network", c.dir, "--top", "100", "--why", "who organises"});
  EXPECT_NE(r.out.find("7400"), std::string::npos) << r.out;
  EXPECT_EQ(run_corridor({"verify", c.dir}).exit_code, 0);
}


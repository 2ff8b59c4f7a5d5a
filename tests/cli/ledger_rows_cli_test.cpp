// Tampering with a case as someone with `sqlite3 case.db` and no key would: every change,
// deletion and insertion of a row under the ledger is named by `verify`, which itself
// never writes; cutting the ledger's tail is found against a checkpoint kept outside.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <nlohmann/json.hpp>

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
using corridor::test::write_file;

namespace fs = std::filesystem;

namespace {

// A copy of the case to tamper with; folders kept 0700 as the case's own are.
std::string copy_case(const std::string& dir, const TempDir& t, const std::string& name) {
  const fs::path to = t / name;
  fs::copy(dir, to, fs::copy_options::recursive);
  ::chmod(to.c_str(), 0700);
  for (const auto& e : fs::recursive_directory_iterator(to))
    if (e.is_directory()) ::chmod(e.path().c_str(), 0700);
  return to.string();
}

struct Verified {
  int exit_code = -1;
  std::vector<std::string> problems;
  bool has(const std::string& text) const {
    return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p == text; });
  }
  std::string all() const {
    std::string out;
    for (const auto& p : problems) out += p + "\n";
    return out;
  }
};

Verified verify(const std::string& dir, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"verify", dir, "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = run_corridor(args);
  Verified v;
  v.exit_code = r.exit_code;
  if (r.out.empty()) {
    ADD_FAILURE() << "no output: " << r.err;
    return v;
  }
  const auto j = nlohmann::json::parse(r.out);
  for (const auto& p : j["problems"]) v.problems.push_back(p.get<std::string>());
  return v;
}

// A case with messages, payments and posts ingested, detectors run twice (the second run
// replaces open indicators) and one indicator reviewed.
std::string analysed_case(const TempDir& t) {
  const auto dir = ingested_case(t, {{"result.json", ingest_sample("telegram/result.json")},
                                     {"aml.csv", ingest_sample("payments/aml.csv")},
                                     {"posts.jsonl", ingest_sample("posts/posts.jsonl")}});
  for (int run = 0; run < 2; ++run) {
    auto r = run_corridor({"detect", dir, "--why", "weekly review"});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  auto list = run_corridor({"indicators", dir, "--json"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  const auto j = nlohmann::json::parse(list.out)["indicators"];
  EXPECT_FALSE(j.empty()) << "the test data should raise an indicator";
  if (!j.empty()) {
    auto r = run_corridor({"review", dir, std::to_string(j[0]["id"].get<long long>()), "--confirm", "--reason",
                           "matches the seized ledger"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  return dir;
}

}  // namespace

TEST(LedgerRowsCli, AnAnalysedCaseVerifiesAndVerifyWritesNothing) {
  TempDir t;
  const auto dir = analysed_case(t);
  const auto entries = sql_int(dir, "SELECT count(*) FROM audit");
  const auto custody = sql_int(dir, "SELECT count(*) FROM custody");
  auto v = verify(dir);
  EXPECT_EQ(v.exit_code, 0) << v.all();
  EXPECT_TRUE(v.problems.empty()) << v.all();
  EXPECT_EQ(sql_int(dir, "SELECT count(*) FROM audit"), entries);
  EXPECT_EQ(sql_int(dir, "SELECT count(*) FROM custody"), custody);
  EXPECT_EQ(sql_int(dir, "SELECT count(*) FROM checkpoints WHERE tree_size > " + std::to_string(entries)), 0);
  // Every entry of a write batch commits to rows; the re-run left tombstones.
  EXPECT_GT(sql_int(dir, "SELECT count(*) FROM row_changes WHERE col = '*' AND tbl = 'indicators'"), 0);
  EXPECT_GT(sql_int(dir, "SELECT count(*) FROM row_changes WHERE col = 'review'"), 0);
  EXPECT_GT(sql_int(dir, "SELECT count(*) FROM audit WHERE rows LIKE '%statements %'"), 0);
}

TEST(LedgerRowsCli, EveryTamperedRowIsNamed) {
  TempDir t;
  const auto dir = analysed_case(t);
  struct Case {
    const char* name;
    std::string sql;
    std::string expected_prefix;  // of one problem
  };
  const auto stmt = sql_int(dir, "SELECT min(id) FROM statements") + 1;
  const auto batch_of = [&](const std::string& table, std::int64_t id) {
    // The entry whose row commitment holds the id.
    sqlite3* db = nullptr;
    sqlite3_open((dir + "/case.db").c_str(), &db);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT seq, rows FROM audit ORDER BY seq", -1, &s, nullptr);
    std::int64_t found = -1;
    while (sqlite3_step(s) == SQLITE_ROW) {
      const std::string rows = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
      std::size_t pos = 0;
      while ((pos = rows.find(table + " ", pos)) != std::string::npos) {
        if (pos > 0 && rows[pos - 1] != ';') {
          ++pos;
          continue;
        }
        long long a = 0, b = 0;
        if (std::sscanf(rows.c_str() + pos + table.size() + 1, "%lld-%lld", &a, &b) == 2 && a <= id && id <= b)
          found = sqlite3_column_int64(s, 0);
        ++pos;
      }
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return found;
  };
  const auto sb = batch_of("statements", stmt);
  ASSERT_GE(sb, 1);
  const auto max_stmt = sql_int(dir, "SELECT max(id) FROM statements");
  const auto ind = sql_int(dir, "SELECT min(id) FROM indicators WHERE review = 'confirmed'");
  ASSERT_GT(ind, 0);
  const auto cust = sql_int(dir, "SELECT max(id) FROM custody");
  const std::vector<Case> cases = {
      {"statement value", "UPDATE statements SET value = 'forged' WHERE id = " + std::to_string(stmt),
       "statements rows "},
      {"statement deleted", "DELETE FROM statements WHERE id = " + std::to_string(stmt),
       "statements row " + std::to_string(stmt) + " is missing (committed by entry " + std::to_string(sb) + ")"},
      {"statement inserted",
       "INSERT INTO statements(entity, property, value, evidence, extractor, observed_at, kind, confidence) "
       "SELECT entity, 'text', 'planted', evidence, extractor, observed_at, kind, confidence FROM statements LIMIT 1",
       "statements row " + std::to_string(max_stmt + 1) + " was added outside a logged batch"},
      {"review forged", "UPDATE indicators SET review = 'dismissed' WHERE id = " + std::to_string(ind),
       "indicators row " + std::to_string(ind) + ": review differs from its last logged change"},
      {"review row forged",
       "INSERT INTO indicator_reviews(indicator, decision, actor, reason, at) VALUES(" + std::to_string(ind) +
           ", 'confirmed', 'Supervisor', 'forged', '2026-12-01T00:00:00Z')",
       "indicator_reviews row "},
      {"merge forged", "UPDATE entities SET canonical_id = 'person-0' WHERE rid = 1", "entities rows "},
      {"custody deleted", "DELETE FROM custody WHERE id = " + std::to_string(cust),
       "custody row " + std::to_string(cust) + " is missing"},
      {"evidence renamed", "UPDATE evidence SET original_name = 'other.json' WHERE id = 1", "evidence rows "},
      {"ingest record deleted", "DELETE FROM ingests WHERE id = 1", "ingests row 1 is missing"},
      {"tombstone removed", "DELETE FROM row_changes WHERE col = '*'", "row_changes row "},
      {"legal basis changed", "UPDATE evidence SET legal_basis = 'none' WHERE id = 1", "evidence rows "},
  };
  int n = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto copy = copy_case(dir, t, "tampered-" + std::to_string(n++));
    sql(copy, c.sql);
    auto v = verify(copy);
    EXPECT_EQ(v.exit_code, 1) << v.all();
    EXPECT_TRUE(std::any_of(v.problems.begin(), v.problems.end(),
                            [&](const std::string& p) { return p.rfind(c.expected_prefix, 0) == 0; }))
        << "expected a problem starting with: " << c.expected_prefix << "\ngot:\n"
        << v.all();
  }
}

TEST(LedgerRowsCli, EvidenceRowDeletedAndExtraVaultFileFail) {
  TempDir t;
  const auto dir = ingested_case(t, {{"notes.txt", ingest_sample("text/notes.txt")}});
  {
    const auto copy = copy_case(dir, t, "extra-file");
    fs::create_directories(fs::path(copy) / "vault" / "ab");
    write_file(fs::path(copy) / "vault" / "ab" / ("ab" + std::string(62, '0')), "planted");
    ::chmod((fs::path(copy) / "vault" / "ab").c_str(), 0700);
    ::chmod((fs::path(copy) / "vault" / "ab" / ("ab" + std::string(62, '0'))).c_str(), 0400);
    auto v = verify(copy);
    EXPECT_EQ(v.exit_code, 1);
    EXPECT_TRUE(std::any_of(v.problems.begin(), v.problems.end(), [](const std::string& p) {
      return p.rfind("vault holds ab000", 0) == 0;
    })) << v.all();
  }
  {
    const auto copy = copy_case(dir, t, "no-evidence-row");
    sql(copy, "PRAGMA foreign_keys=OFF; DELETE FROM evidence WHERE id = 1");
    auto v = verify(copy);
    EXPECT_EQ(v.exit_code, 1);
    EXPECT_TRUE(v.has("evidence row 1 is missing (committed by entry 1)")) << v.all();
  }
  {
    const auto copy = copy_case(dir, t, "loose");
    ::chmod((fs::path(copy) / "case.db").c_str(), 0644);
    auto v = verify(copy);
    EXPECT_EQ(v.exit_code, 1);
    EXPECT_TRUE(v.has("permissions: case.db is 0644 (readable or writable by other accounts; expected 0600 or 0400)"))
        << v.all();
  }
}

TEST(LedgerRowsCli, LedgerCutOrWipedIsFound) {
  TempDir t;
  const auto dir = ingested_case(t, {{"notes.txt", ingest_sample("text/notes.txt")}});
  ASSERT_EQ(run_corridor({"evidence", dir}).exit_code, 0);  // a consultation: an entry without rows
  auto cp = run_corridor({"log", dir, "--checkpoint"});
  ASSERT_EQ(cp.exit_code, 0) << cp.err;
  const auto saved = nlohmann::json::parse(cp.out);
  const auto size = saved["tree_size"].get<long long>();
  EXPECT_EQ(size, sql_int(dir, "SELECT count(*) FROM audit"));
  write_file(t / "saved.json", cp.out);
  // Later work, then the saved checkpoint still holds.
  ASSERT_EQ(run_corridor({"evidence", dir}).exit_code, 0);
  auto v = verify(dir, {"--against", (t / "saved.json").string()});
  EXPECT_EQ(v.exit_code, 0) << v.all();

  {
    // Cutting the consultations with their checkpoints: alone the ledger verifies...
    const auto copy = copy_case(dir, t, "cut");
    sql(copy, "DELETE FROM audit WHERE seq >= " + std::to_string(size - 1) +
                  "; DELETE FROM checkpoints WHERE tree_size >= " + std::to_string(size));
    auto alone = verify(copy);
    EXPECT_EQ(alone.exit_code, 0) << alone.all();
    // ...but not against the checkpoint the supervisor kept.
    auto w = verify(copy, {"--against", (t / "saved.json").string()});
    EXPECT_EQ(w.exit_code, 1);
    EXPECT_TRUE(w.has("audit ledger: entries " + std::to_string(size - 1) + " to " + std::to_string(size - 1) +
                      " of the saved checkpoint (size " + std::to_string(size) + ") are missing: the ledger was cut"))
        << w.all();
  }
  {
    const auto copy = copy_case(dir, t, "wiped");
    sql(copy, "DELETE FROM audit; DELETE FROM checkpoints");
    auto w = verify(copy);
    EXPECT_EQ(w.exit_code, 1);
    EXPECT_TRUE(w.has("audit ledger: the ledger is empty (its genesis entry and checkpoints were removed)")) << w.all();
  }
}

TEST(LedgerRowsCli, ACopyWithoutTheKeyVerifiesButCannotBeChanged) {
  TempDir t;
  const auto dir = ingested_case(t, {{"notes.txt", ingest_sample("text/notes.txt")}});
  const auto copy = copy_case(dir, t, "received");
  // The copy keeps only the public key; the signing key stays with its operator.
  EXPECT_FALSE(fs::exists(fs::path(copy) / "keys" / "case.ed25519"));
  ::setenv("CORRIDOR_KEY_DIR", (t / "elsewhere").c_str(), 1);
  auto v = verify(copy);
  EXPECT_EQ(v.exit_code, 0) << v.all();
  auto r = run_corridor({"add", copy, (fs::path(CORRIDOR_TEST_DATA) / "ingest" / "text" / "ad.html").string()});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("no signing key for this case here"), std::string::npos) << r.err;
  ::unsetenv("CORRIDOR_KEY_DIR");
}

TEST(LedgerRowsCli, ReadingAFileAgainRetiresTheEarlierRowsUnderTheLedger) {
  TempDir t;
  const auto dir = ingested_case(t, {{"result.json", ingest_sample("telegram/result.json")}, {"aml.csv", ingest_sample("payments/aml.csv")}});
  ASSERT_EQ(run_corridor({"detect", dir}).exit_code, 0);
  const auto statements = sql_int(dir, "SELECT count(*) FROM statements");
  for (const char* name : {"result.json", "aml.csv"}) {
    auto r = run_corridor({"ingest", dir, (t / name).string(), "--again"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(sql_int(dir, "SELECT count(*) FROM statements"), statements);
    auto v = verify(dir);
    EXPECT_EQ(v.exit_code, 0) << name << ":\n" << v.all();
  }
  EXPECT_GT(sql_int(dir, "SELECT count(*) FROM audit WHERE rows LIKE '~statements %'"), 0);
}

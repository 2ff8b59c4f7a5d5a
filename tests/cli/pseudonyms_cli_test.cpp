// Smuggled migrants and victims under pseudonyms: once a person categorises an entity as a
// smuggled migrant, no listing or export of the case shows its number, in any format, until
// an output is made with --reveal and a logged reason.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/sha256.hpp"
#include "support/case_sql.hpp"
#include "support/cli_case.hpp"
#include "support/temp_dir.hpp"

using corridor::test::ingest_sample;
using corridor::test::ingested_case;
using corridor::test::read_file;
using corridor::test::run_corridor;
using corridor::test::TempDir;

namespace fs = std::filesystem;

namespace {

// The WhatsApp chat in which +44 7400 123456 asks the smuggler how to pay.
struct MigrantCase {
  TempDir t;
  std::string dir = ingested_case(t, {{"WhatsApp Chat with Samir Tarek.txt", ingest_sample("whatsapp/WhatsApp Chat with Samir Tarek.txt")},
                                      {"_chat.txt", ingest_sample("whatsapp/_chat.txt")}});
  // The migrant's WhatsApp account, found by its number as any analyst would.
  std::string account() {
    auto r = run_corridor({"network", dir, "--json", "--top", "50", "--why", "find the account"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& row : j["key_players"])
      if (row["schema"] == "UserAccount" && names_the_migrant(row["label"])) return row["id"];
    ADD_FAILURE() << "no account +44 7400 123456 in\n" << r.out;
    return "";
  }
  // Every way the number or its account's caption is written.
  static bool names_the_migrant(const std::string& text) {
    return text.find("7400") != std::string::npos;
  }
};

std::string all_exports(const std::string& dir, const fs::path& out, std::vector<std::string> extra = {}) {
  std::string all;
  fs::create_directories(out);
  for (const char* format : {"graphml", "gexf", "ftm", "csv"}) {
    const fs::path p = out / (std::string("net.") + format);
    std::vector<std::string> args = {"export", dir, "--format", format, "--out", p.string(), "--to", "Court 2", "--why",
                                     "disclosure to the defence"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_corridor(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (fs::is_directory(p)) {
      all += read_file(p / "nodes.csv") + read_file(p / "edges.csv");
    } else {
      all += read_file(p);
    }
  }
  return all;
}

}  // namespace

TEST(PseudonymsCli, ExportsOfACategorisedMigrantHoldNoneOfItsIdentifiers) {
  MigrantCase m;
  const std::string account = m.account();
  ASSERT_FALSE(account.empty());
  // Before the categorisation the number is in the exports as in the evidence.
  EXPECT_TRUE(MigrantCase::names_the_migrant(all_exports(m.dir, m.t / "before")));

  auto r = run_corridor({"subject", m.dir, account, "--category", "smuggled-migrant", "--why", "asks how to pay for the crossing"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string after = all_exports(m.dir, m.t / "after");
  EXPECT_FALSE(MigrantCase::names_the_migrant(after)) << after;
  // The account and its phone are shown under stable pseudonyms instead.
  std::smatch found;
  const std::regex pseudonym("ps-[a-z2-7]{10}");
  ASSERT_TRUE(std::regex_search(after, found, pseudonym)) << after;
  const std::string again = all_exports(m.dir, m.t / "again");
  EXPECT_EQ(after, again);

  // The listings too.
  r = run_corridor({"network", m.dir, "--top", "50", "--why", "who organises"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(MigrantCase::names_the_migrant(r.out)) << r.out;
  EXPECT_NE(r.out.find(account), std::string::npos) << r.out;  // keyed ids stay: they reveal nothing
  r = run_corridor({"path", m.dir, account, "+33612345678", "--why", "how the deposit reached the smuggler"});
  EXPECT_FALSE(MigrantCase::names_the_migrant(r.out)) << r.out;
  EXPECT_EQ(run_corridor({"verify", m.dir}).exit_code, 0);
}

TEST(PseudonymsCli, RevealNeedsAReasonAndIsLogged) {
  MigrantCase m;
  const std::string account = m.account();
  ASSERT_EQ(run_corridor({"subject", m.dir, account, "--category", "victim", "--why", "held for ransom"}).exit_code, 0);
  auto r = run_corridor({"network", m.dir, "--top", "50", "--reveal"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--reveal needs --why"), std::string::npos) << r.err;
  r = run_corridor({"network", m.dir, "--top", "50", "--reveal", "--why", "identify the victim for the prosecutor"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(MigrantCase::names_the_migrant(r.out)) << r.out;
  r = run_corridor({"log", m.dir, "--json", "--why", "audit"});
  const auto entries = nlohmann::json::parse(r.out);
  bool logged = false;
  for (const auto& e : entries)
    if (e["object"].get<std::string>().rfind("revealed protected subjects in network: ", 0) == 0) {
      logged = true;
      EXPECT_NE(e["object"].get<std::string>().find(account), std::string::npos) << e;
      EXPECT_EQ(e["why"], "identify the victim for the prosecutor");
    }
  EXPECT_TRUE(logged) << r.out;
  // A later categorisation lifts the protection: the category in force counts.
  ASSERT_EQ(run_corridor({"subject", m.dir, account, "--category", "suspect", "--why", "recruits others"}).exit_code, 0);
  r = run_corridor({"network", m.dir, "--top", "50", "--why", "who organises"});
  EXPECT_TRUE(MigrantCase::names_the_migrant(r.out)) << r.out;
}

TEST(PseudonymsCli, IngestRefusesAnotherInstallationsIdKey) {
  MigrantCase m;
  // Another installation's key folder: a fresh id key, so new entities would get other ids.
  const fs::path elsewhere = m.t / "elsewhere";
  fs::create_directories(elsewhere);
  const char* keys = std::getenv("CORRIDOR_KEY_DIR");
  ASSERT_NE(keys, nullptr) << "CTest sets CORRIDOR_KEY_DIR";
  for (const auto& f : fs::directory_iterator(keys))
    if (f.path().filename() != "entity-ids.key") fs::copy(f.path(), elsewhere / f.path().filename());
  ::setenv("CORRIDOR_KEY_DIR", elsewhere.c_str(), 1);
  const fs::path file = m.t / "more.txt";
  {
    std::ofstream(file) << "6/15/23, 9:00 AM - Samir Tarek: Thursday is confirmed\n";
  }
  auto r = run_corridor({"add", m.dir, file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_corridor({"ingest", m.dir, "--all"});
  EXPECT_EQ(r.exit_code, 4) << r.out << r.err;
  EXPECT_NE(r.err.find("is not the one the case's entity ids were made with"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("entity-ids.key"), std::string::npos) << r.err;
}

TEST(PseudonymsCli, ResolveShowsAProtectedPersonUnderItsPseudonym) {
  TempDir t;
  const auto dir = ingested_case(
      t, {{"posts.jsonl",
           R"({"platform":"facebook","post_id":"p1","author_id":"u1","author_name":"Mohammed Hassan","author_username":"@rihla_hassan","time":"2026-03-02T18:40:00Z","text":"Trip to Italy from Zuwara. WhatsApp +218 91 234 5678"})"
           "\n"
           R"({"platform":"x","post_id":"p2","author_id":"u2","author_name":"Mohamed Hasan","author_username":"@rihla_hassan","time":"2026-03-03T09:15:00Z","text":"Trip to Italy from Zuwara, WhatsApp +218 91 234 5678"})"
           "\n"}});
  auto r = run_corridor({"resolve", dir, "--dry-run", "--json", "--why", "who posts"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_NE(r.out.find("Mohammed Hassan"), std::string::npos) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  const std::string a = j["clusters"][0]["members"][0]["id"];
  ASSERT_EQ(run_corridor({"subject", dir, a, "--category", "victim", "--why", "robbed at the border"}).exit_code, 0);
  r = run_corridor({"resolve", dir, "--dry-run", "--json", "--why", "who posts"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto after = nlohmann::json::parse(r.out);
  const std::string name = after["clusters"][0]["members"][0]["name"];
  EXPECT_TRUE(std::regex_match(name, std::regex("ps-[a-z2-7]{10}"))) << r.out;
  EXPECT_EQ(r.out.find(j["clusters"][0]["members"][0]["name"].get<std::string>()), std::string::npos) << r.out;
}

TEST(PseudonymsCli, ACaseFromBeforeKeyedIdsKeepsDerivingItsIdsUnkeyed) {
  TempDir t;
  const std::string dir = (t / "old").string();
  ASSERT_EQ(run_corridor({"case", "init", dir, "--title", "Old", "--examiner", "E"}).exit_code, 0);
  // What a case made before keyed ids lacks: the name of its id key.
  corridor::test::sql(dir, "DELETE FROM meta WHERE key = 'entity_ids'");
  corridor::test::write_file(t / "chat.txt", ingest_sample("whatsapp/WhatsApp Chat with Samir Tarek.txt"));
  auto r = run_corridor({"ingest", dir, (t / "chat.txt").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto d = corridor::sha256(std::string("corridor\0Phone\0+447400123456", 28));
  const std::string unkeyed = "phone-" + corridor::to_hex(std::span<const std::uint8_t>(d.data(), 16));
  EXPECT_EQ(corridor::test::sql_int(dir, "SELECT count(*) FROM entities WHERE id = '" + unkeyed + "'"), 1);
  EXPECT_EQ(run_corridor({"verify", dir}).exit_code, 0);
}

TEST(ProposedMergesCli, TheNetworkAndExportsShowAProposedMergeAsAProposal) {
  TempDir t;
  const auto dir = ingested_case(
      t, {{"posts.jsonl",
           R"({"platform":"facebook","post_id":"p1","author_id":"u1","author_name":"محمد حسن","author_username":"@rihla_hassan","time":"2026-03-02T18:40:00Z","text":"رحلة إلى إيطاليا من زوارة. واتساب +218 91 234 5678"})"
           "\n"
           R"({"platform":"x","post_id":"p2","author_id":"u2","author_name":"Mohammed Hassan","author_username":"@rihla_hassan","time":"2026-03-03T09:15:00Z","text":"Trip to Italy from Zuwara, WhatsApp +218 91 234 5678"})"
           "\n"}});
  ASSERT_EQ(run_corridor({"resolve", dir, "--why", "link the posts"}).exit_code, 0);
  const fs::path out = t / "csv";
  auto r = run_corridor({"export", dir, "--format", "csv", "--out", out.string(), "--to", "Court 2", "--why", "x"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string edges = read_file(out / "edges.csv");
  const auto at = edges.find(",proposed same person,");
  ASSERT_NE(at, std::string::npos) << edges;
  const std::string row = edges.substr(at, edges.find("\r\n", at) - at);
  EXPECT_NE(row.find(",assessment,"), std::string::npos) << row;
  EXPECT_NE(row.find("resolve.same_person"), std::string::npos) << row;
  // Two nodes, not one: nothing is merged until a person confirms.
  const std::string nodes = read_file(out / "nodes.csv");
  EXPECT_NE(nodes.find("محمد حسن"), std::string::npos);
  EXPECT_NE(nodes.find("Mohammed Hassan"), std::string::npos);
  // Once confirmed, the link is gone: the two are one node.
  r = run_corridor({"indicators", dir, "--detector", "resolve", "--json", "--why", "x"});
  const auto id = nlohmann::json::parse(r.out)["indicators"][0]["id"].get<std::int64_t>();
  ASSERT_EQ(run_corridor({"review", dir, std::to_string(id), "--confirm", "--reason", "same handle and phone"}).exit_code, 0);
  ASSERT_EQ(run_corridor({"export", dir, "--format", "csv", "--out", out.string(), "--to", "Court 2", "--why", "x"}).exit_code, 0);
  EXPECT_EQ(read_file(out / "edges.csv").find(",proposed same person,"), std::string::npos);
}

TEST(FtmExportCli, EachEvidenceDocumentNamesTheExtractorsOfItsFacts) {
  MigrantCase m;
  const fs::path out = m.t / "case.ftm";
  ASSERT_EQ(run_corridor({"export", m.dir, "--format", "ftm", "--out", out.string(), "--to", "Court 2", "--why", "x"}).exit_code, 0);
  std::size_t documents = 0;
  std::istringstream lines(read_file(out));
  for (std::string line; std::getline(lines, line);) {
    const auto e = nlohmann::json::parse(line);
    if (e["schema"] != "Document" || !e["properties"].contains("processingAgent")) continue;
    ++documents;
    const std::string agent = e["properties"]["processingAgent"][0];
    EXPECT_NE(agent.find("whatsapp@"), std::string::npos) << line;
  }
  EXPECT_EQ(documents, 2u);  // the two chat exports
}

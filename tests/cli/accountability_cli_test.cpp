// Who and why: the case policy's justifications, whose data a consultation read, the
// recipient of a disclosure, the operating-system account, the retention review date,
// and stopping a detector — each as a user meets it on the command line.
#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "support/cli_case.hpp"
#include "support/temp_dir.hpp"

using corridor::test::ingest_sample;
using corridor::test::ingested_case;
using corridor::test::read_file;
using corridor::test::run_corridor;
using corridor::test::TempDir;

namespace fs = std::filesystem;

namespace {

nlohmann::json entries(const std::string& dir) {
  auto r = run_corridor({"log", dir, "--json", "--why", "audit of the test"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

std::string posts_case(const TempDir& t) {
  return ingested_case(t, {{"result.json", ingest_sample("telegram/result.json")}, {"posts.jsonl", ingest_sample("posts/posts.jsonl")}});
}

}  // namespace

TEST(AccountabilityCli, BlankJustificationIsRefused) {
  TempDir t;
  const auto dir = posts_case(t);
  for (const char* blank : {"", " ", "\t \n"}) {
    if (*blank == '\0') continue;  // an empty --why is the same as none
    auto r = run_corridor({"evidence", dir, "--why", blank});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("a justification cannot be blank"), std::string::npos) << r.err;
  }
}

TEST(AccountabilityCli, ThePolicyRequiresJustifications) {
  TempDir t;
  const auto dir = posts_case(t);
  // By default an export and reading one person's data need --why.
  auto r = run_corridor({"export", dir, "--format", "graphml", "--out", (t / "net.graphml").string(), "--to", "Court 2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the case policy requires a justification for export operations"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(t / "net.graphml"));
  r = run_corridor({"indicators", dir, "--subject", "person-0"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  // A listing does not, until the policy says so.
  EXPECT_EQ(run_corridor({"evidence", dir}).exit_code, 0);
  r = run_corridor({"case", "policy", dir, "--require-why", "consult,export,person"});
  EXPECT_EQ(r.exit_code, 2);  // a policy change needs its own justification
  EXPECT_NE(r.err.find("needs --why"), std::string::npos) << r.err;
  r = run_corridor({"case", "policy", dir, "--require-why", "consult,gossip", "--why", "unit rule 4"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'gossip' is not a kind of operation"), std::string::npos) << r.err;
  r = run_corridor({"case", "policy", dir, "--require-why", "consult,export,person", "--why", "unit rule 4", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["require_why"], "consult,export,person");
  const auto change = entries(dir).back();
  EXPECT_EQ(change["action"], "alteration");
  EXPECT_EQ(change["object"], "case policy: require_why=consult,export,person");
  EXPECT_EQ(change["why"], "unit rule 4");
  r = run_corridor({"evidence", dir});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("requires a justification for consult operations"), std::string::npos) << r.err;
  EXPECT_EQ(run_corridor({"evidence", dir, "--why", "check custody before the hearing"}).exit_code, 0);
  EXPECT_EQ(run_corridor({"verify", dir}).exit_code, 0);
}

TEST(AccountabilityCli, EntriesNameTheAccountWhoseDataAndTheRecipient) {
  TempDir t;
  const auto dir = posts_case(t);
  const passwd* pw = ::getpwuid(::geteuid());
  ASSERT_NE(pw, nullptr);
  auto all = entries(dir);
  ASSERT_GE(all.size(), 3u);
  EXPECT_EQ(all[0]["action"], "genesis");
  EXPECT_EQ(all[1]["os_user"], pw->pw_name);
  EXPECT_EQ(all[1]["actor"], "Examiner 1");

  // Reading one entity's indicators names it.
  const std::string subject = "phone-0123";
  auto r = run_corridor({"indicators", dir, "--subject", subject, "--why", "who advertised this number"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto e = entries(dir).back();
  EXPECT_EQ(e["action"], "consultation");
  EXPECT_NE(e["object"].get<std::string>().find("data of " + subject), std::string::npos) << e;

  // A disclosure names its recipient and is logged before the file is written: even a
  // failed write leaves the attempt in the ledger.
  r = run_corridor({"export", dir, "--format", "graphml", "--out", (t / "missing" / "net.graphml").string(), "--to",
                    "Prosecutor 3, Palermo", "--why", "mutual legal assistance request 7"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  e = entries(dir).back();
  EXPECT_EQ(e["action"], "disclosure");
  EXPECT_NE(e["object"].get<std::string>().find(" to Prosecutor 3, Palermo as "), std::string::npos) << e;
  EXPECT_EQ(e["why"], "mutual legal assistance request 7");
  r = run_corridor({"export", dir, "--format", "graphml", "--out", (t / "net.graphml").string(), "--why", "x"});
  EXPECT_EQ(r.exit_code, 2);  // no recipient
}

TEST(AccountabilityCli, RetentionReviewDateWarnsOncePassed) {
  TempDir t;
  const auto dir = posts_case(t);
  auto r = run_corridor({"case", "policy", dir, "--review-by", "2026-13-01", "--why", "schedule"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  r = run_corridor({"case", "policy", dir, "--review-by", "2099-01-31", "--why", "schedule"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_corridor({"case", "info", dir, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["retention_review_due"], false);
  EXPECT_EQ(r.err, "");
  r = run_corridor({"case", "policy", dir, "--review-by", "2020-01-31", "--why", "schedule"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_corridor({"case", "info", dir, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["retention_review_due"], true);
  EXPECT_EQ(j["review_by"], "2020-01-31");
  EXPECT_NE(r.err.find("the retention review date of this case (2020-01-31) has passed"), std::string::npos) << r.err;
}

TEST(AccountabilityCli, AStoppedDetectorWithdrawsItsIndicatorsUntilResumed) {
  TempDir t;
  const auto dir = posts_case(t);
  auto r = run_corridor({"detect", dir, "--detector", "offers"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto open_offers = [&] {
    auto l = run_corridor({"indicators", dir, "--detector", "offers", "--state", "open", "--json"});
    EXPECT_EQ(l.exit_code, 0) << l.err;
    return nlohmann::json::parse(l.out)["indicators"];
  };
  const auto before = open_offers();
  ASSERT_FALSE(before.empty()) << "the posts should raise offers indicators";
  // Every indicator records the model and lexicons that made it.
  EXPECT_EQ(before[0]["model"].get<std::string>().rfind("corridor ", 0), 0u) << before[0];
  EXPECT_NE(before[0]["model"].get<std::string>().find("models and lexicons sha256:"), std::string::npos);

  r = run_corridor({"detect", dir, "--stop", "offers"});
  EXPECT_EQ(r.exit_code, 2);  // needs --why
  r = run_corridor({"detect", dir, "--stop", "offers", "--why", "lexicon under review by the DPO"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("detector offers stopped for this case; " + std::to_string(before.size()) +
                       " open indicators withdrawn"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(open_offers().empty());
  r = run_corridor({"detect", dir, "--detector", "offers"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("stopped for this case"), std::string::npos) << r.err;
  r = run_corridor({"detect", dir, "--json"});  // all detectors: offers is skipped
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto runs = nlohmann::json::parse(r.out)["runs"];
  for (const auto& run : runs) EXPECT_NE(run["detector"], "offers");
  EXPECT_TRUE(open_offers().empty());
  r = run_corridor({"detect", dir, "--resume", "offers", "--why", "lexicon reviewed"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(run_corridor({"detect", dir, "--detector", "offers"}).exit_code, 0);
  EXPECT_EQ(open_offers().size(), before.size());
  EXPECT_EQ(run_corridor({"verify", dir}).exit_code, 0);
}

TEST(AccountabilityCli, SubjectCategoryIsAPersonsAssessmentAndFollowsAMerge) {
  TempDir t;
  const auto dir = ingested_case(
      t, {{"posts.jsonl",
           R"({"platform":"facebook","post_id":"p1","author_id":"u1","author_name":"محمد حسن","author_username":"@rihla_hassan","time":"2026-03-02T18:40:00Z","text":"رحلة إلى إيطاليا من زوارة. واتساب +218 91 234 5678"})"
           "\n"
           R"({"platform":"x","post_id":"p2","author_id":"u2","author_name":"Mohammed Hassan","author_username":"@rihla_hassan","time":"2026-03-03T09:15:00Z","text":"Trip to Italy from Zuwara, WhatsApp +218 91 234 5678"})"
           "\n"}});
  auto r = run_corridor({"resolve", dir, "--dry-run", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto members = nlohmann::json::parse(r.out)["clusters"][0]["members"];
  ASSERT_EQ(members.size(), 2u) << r.out;
  const std::string a = members[0]["id"], b = members[1]["id"];
  r = run_corridor({"subject", dir, a, "--category", "suspect"});
  EXPECT_EQ(r.exit_code, 2);  // needs --why
  r = run_corridor({"subject", dir, a, "--category", "smuggler", "--why", "x"});
  EXPECT_EQ(r.exit_code, 2);
  r = run_corridor({"subject", dir, "person-0000", "--category", "suspect", "--why", "x"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  r = run_corridor({"subject", dir, a, "--category", "suspect", "--why", "advertises crossings", "--actor", "Analyst 2",
                    "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["category"], "suspect");
  ASSERT_EQ(j["history"].size(), 1u);
  EXPECT_EQ(j["history"][0]["by"], "Analyst 2");
  EXPECT_EQ(j["history"][0]["kind"], "assessment");
  const auto e = entries(dir).back();
  EXPECT_EQ(e["action"], "alteration");
  EXPECT_EQ(e["object"], "subject " + a + " category unknown -> suspect");
  // Before the merge b has no category of its own; once merged it carries a's.
  r = run_corridor({"subject", dir, b, "--json", "--why", "check"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["category"], "unknown");
  ASSERT_EQ(run_corridor({"case", "policy", dir, "--auto-merge-above", "0.9", "--why", "test"}).exit_code, 0);
  ASSERT_EQ(run_corridor({"resolve", dir}).exit_code, 0);
  r = run_corridor({"subject", dir, b, "--json", "--why", "check"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["category"], "suspect");
  EXPECT_EQ(run_corridor({"verify", dir}).exit_code, 0);
}

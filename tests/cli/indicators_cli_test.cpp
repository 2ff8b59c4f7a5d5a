// Detectors, indicators and their review, run as an investigator would: detect, list with
// the statements behind each reason, confirm with a reason, re-run, and the audit trail.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli_case.hpp"
#include "support/temp_dir.hpp"

using corridor::test::ingested_case;
using corridor::test::run_corridor;
using corridor::test::TempDir;
using corridor::test::write_file;

namespace {

// One smuggling offer and one NGO warning about smugglers (a hard negative).
std::string posts_case(const TempDir& t) {
  return ingested_case(
      t, {{"posts.jsonl",
           R"({"platform":"facebook","post_id":"p1","author_id":"u1","author_name":"Safe Road Travel","time":"2026-03-02T18:40:00Z","text":"Trip to Italy from Zuwara this week, big boat, guarantee, pay after arrival. WhatsApp +218 91 234 5678"})"
           "\n"
           R"({"platform":"facebook","post_id":"p2","author_id":"u2","author_name":"Migrant Help Desk","time":"2026-03-03T09:15:00Z","text":"Warning: smugglers on this road take your money and leave you in the desert. Call the helpline +39 06 1234 5678 for free advice."})"
           "\n"}});
}

nlohmann::json indicators(const std::string& dir) {
  auto r = run_corridor({"indicators", dir, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out)["indicators"];
}

// The audit entries that are not consultations (reading the log is one itself).
nlohmann::json changes(const std::string& dir) {
  auto r = run_corridor({"log", dir, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto out = nlohmann::json::array();
  for (const auto& e : nlohmann::json::parse(r.out))
    if (e["action"] != "consultation") out.push_back(e);
  return out;
}

}  // namespace

TEST(IndicatorsCli, DetectStoresTheOfferWithReasonsCitingTheText) {
  TempDir t;
  const auto dir = posts_case(t);
  auto r = run_corridor({"detect", dir, "--detector", "offers", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto run = nlohmann::json::parse(r.out)["runs"][0];
  EXPECT_EQ(run["detector"], "offers");
  EXPECT_EQ(run["indicators"], 1);  // the warning is not an offer
  EXPECT_EQ(run["new"], 1);

  const auto list = indicators(dir);
  ASSERT_EQ(list.size(), 1u);
  const auto& ind = list[0];
  EXPECT_EQ(ind["id"], 1);
  EXPECT_EQ(ind["detector"], "offers");
  EXPECT_EQ(ind["review"], "open");
  EXPECT_GE(ind["score"].get<double>(), 0.5);
  ASSERT_EQ(ind["subjects"].size(), 2u);  // the post and its author's account
  EXPECT_EQ(ind["subjects"][0].get<std::string>().rfind("post-", 0), 0u);
  EXPECT_EQ(ind["subjects"][1].get<std::string>().rfind("useraccount-", 0), 0u);
  ASSERT_GE(ind["reasons"].size(), 2u);
  bool pay_after_arrival = false;
  for (const auto& reason : ind["reasons"]) {
    ASSERT_EQ(reason["statements"].size(), 1u);
    const auto& st = reason["statements"][0];
    EXPECT_EQ(st["property"], "bodyText");
    EXPECT_EQ(st["locator"].get<std::string>().rfind("post:p1 @", 0), 0u) << st["locator"];
    EXPECT_EQ(st["entity"], ind["subjects"][0]);
    pay_after_arrival |= reason["text"] == "pay_after_arrival: \"pay after arrival\"";
  }
  EXPECT_TRUE(pay_after_arrival) << ind["reasons"].dump();
  const auto entry = changes(dir).back();
  EXPECT_EQ(entry["action"], "combination");
  EXPECT_EQ(entry["object"], "detector offers: 1 indicators (1 new)");
}

TEST(IndicatorsCli, AReviewIsLoggedAndSurvivesAReRun) {
  TempDir t;
  const auto dir = posts_case(t);
  ASSERT_EQ(run_corridor({"detect", dir}).exit_code, 0);
  auto r = run_corridor({"review", dir, "1", "--confirm", "--reason", "advert matches the intercepted chats", "--actor",
                         "Examiner 2", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto review = nlohmann::json::parse(r.out);
  EXPECT_EQ(review["decision"], "confirmed");
  EXPECT_EQ(review["actor"], "Examiner 2");

  const auto entry = changes(dir).back();
  EXPECT_EQ(entry["action"], "alteration");
  EXPECT_EQ(entry["object"], "indicator 1 (offers) confirmed");
  EXPECT_EQ(entry["why"], "advert matches the intercepted chats");
  EXPECT_EQ(entry["actor"], "Examiner 2");

  r = run_corridor({"detect", dir, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["runs"][0]["new"], 0);  // already reviewed: not added again
  auto list = indicators(dir);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], 1);
  EXPECT_EQ(list[0]["review"], "confirmed");
  ASSERT_EQ(list[0]["reviews"].size(), 1u);
  EXPECT_EQ(list[0]["reviews"][0]["reason"], "advert matches the intercepted chats");

  r = run_corridor({"indicators", dir, "--state", "open", "--json"});
  EXPECT_TRUE(nlohmann::json::parse(r.out)["indicators"].empty());
  r = run_corridor({"indicators", dir, "--id", "1", "--why", "review the case"});
  EXPECT_NE(r.out.find("confirmed by Examiner 2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bodyText"), std::string::npos) << r.out;
}

TEST(IndicatorsCli, BadRequestsAreRefusedAndChangeNothing) {
  TempDir t;
  const auto dir = posts_case(t);
  ASSERT_EQ(run_corridor({"detect", dir}).exit_code, 0);
  const auto before = changes(dir).size();

  auto r = run_corridor({"review", dir, "7", "--dismiss", "--reason", "not ours"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("indicator 7: no such indicator"), std::string::npos) << r.err;
  r = run_corridor({"review", dir, "1", "--dismiss"});  // a decision needs its reason
  EXPECT_EQ(r.exit_code, 2);
  r = run_corridor({"review", dir, "1", "--dismiss", "--confirm", "--reason", "x"});
  EXPECT_EQ(r.exit_code, 2);
  r = run_corridor({"detect", dir, "--detector", "astrology"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("detector 'astrology': unknown; the detectors are: offers"), std::string::npos) << r.err;
  r = run_corridor({"indicators", dir, "--id", "9", "--why", "review the case"});
  EXPECT_EQ(r.exit_code, 3);

  EXPECT_EQ(changes(dir).size(), before);
  EXPECT_EQ(indicators(dir)[0]["review"], "open");
}

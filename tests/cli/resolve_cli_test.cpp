// corridor resolve and unmerge on a tiny case of posts: the same advertiser writing his
// name in Arabic script on one platform and in Latin script on another, with one handle
// and one phone, is one cluster; the JSON says it exactly.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli_case.hpp"
#include "support/temp_dir.hpp"

using corridor::test::ingested_case;
using corridor::test::run_corridor;
using corridor::test::TempDir;
using corridor::test::write_file;

namespace {

std::string posts_case(const TempDir& t) {
  return ingested_case(
      t, {{"posts.jsonl",
           R"({"platform":"facebook","post_id":"p1","author_id":"u1","author_name":"محمد حسن","author_username":"@rihla_hassan","time":"2026-03-02T18:40:00Z","text":"رحلة إلى إيطاليا من زوارة. واتساب +218 91 234 5678"})"
           "\n"
           R"({"platform":"x","post_id":"p2","author_id":"u2","author_name":"Mohammed Hassan","author_username":"@rihla_hassan","time":"2026-03-03T09:15:00Z","text":"Trip to Italy from Zuwara, WhatsApp +218 91 234 5678"})"
           "\n"
           R"({"platform":"facebook","post_id":"p3","author_id":"u3","author_name":"Yonas Tesfaye","time":"2026-03-04T10:00:00Z","text":"Looking for work in Tripoli, call +218 92 765 4321"})"
           "\n"
           R"({"platform":"facebook","post_id":"p4","author_id":"u4","author_name":"Aisha Bello","time":"2026-03-05T11:00:00Z","text":"Any news from the boat that left on Sunday?"})"
           "\n"}});
}

nlohmann::json log_of(const std::string& dir) {
  auto r = run_corridor({"log", dir, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST(ResolveCli, JsonListsTheClusterWithScoresAndReasons) {
  TempDir t;
  const auto dir = posts_case(t);
  auto r = run_corridor({"resolve", dir, "--json", "--actor", "Analyst 2", "--why", "link the posts"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Two persons of four share a handle and a phone and spell one name in two scripts.
  EXPECT_EQ(nlohmann::json::parse(r.out), nlohmann::json::parse(R"({
 "persons": 4,
 "candidate_pairs": 1,
 "hubs": [],
 "clusters": [
  {
   "canonical": "person-3657ee893879583bf5fa79f8b2a623c7",
   "members": [
    {
     "id": "person-3657ee893879583bf5fa79f8b2a623c7",
     "name": "محمد حسن"
    },
    {
     "id": "person-9312265f79e4c10d615c8d016bffdeae",
     "name": "Mohammed Hassan"
    }
   ],
   "links": [
    {
     "a": "person-3657ee893879583bf5fa79f8b2a623c7",
     "b": "person-9312265f79e4c10d615c8d016bffdeae",
     "probability": 0.9999,
     "weight": 13.15,
     "reasons": [
      {
       "comparison": "given name",
       "level": "same skeleton or Soundex",
       "weight": 4.17
      },
      {
       "comparison": "family name",
       "level": "same skeleton or Soundex",
       "weight": 4.17
      },
      {
       "comparison": "phone",
       "level": "exact",
       "weight": 3.32
      },
      {
       "comparison": "account",
       "level": "shared",
       "weight": 3.81
      }
     ]
    }
   ]
  }
 ],
 "kept_apart": [],
 "names_only": 0,
 "skipped_blocks": [],
 "proposed": 1,
 "auto_merge_above": null,
 "merged": 0,
 "restored": 0,
 "statements": 0,
 "indicators": 1,
 "dry_run": false
})")) << r.out;
  const auto entry = log_of(dir).back();
  EXPECT_EQ(entry["action"], "combination");
  EXPECT_EQ(entry["object"], "resolve persons: 1 clusters, 0 merged, 0 restored, 1 merges proposed, 0 hub identifiers");
  EXPECT_EQ(entry["why"], "link the posts");
}

TEST(ResolveCli, AMergeTakesEffectWhenAPersonConfirmsIt) {
  TempDir t;
  const auto dir = posts_case(t);
  ASSERT_EQ(run_corridor({"resolve", dir}).exit_code, 0);
  const std::string a = "person-3657ee893879583bf5fa79f8b2a623c7", b = "person-9312265f79e4c10d615c8d016bffdeae";
  // Proposed, not applied: the two persons are still apart in the network.
  auto r = run_corridor({"unmerge", dir, b, "--reason", "nothing to undo yet"});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  r = run_corridor({"indicators", dir, "--detector", "resolve", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto proposals = nlohmann::json::parse(r.out)["indicators"];
  ASSERT_EQ(proposals.size(), 1u);
  EXPECT_EQ(proposals[0]["review"], "open");
  EXPECT_EQ(proposals[0]["kind"], "assessment");
  const auto id = std::to_string(proposals[0]["id"].get<long long>());
  r = run_corridor({"review", dir, id, "--confirm", "--reason", "same handle and phone; photo matches", "--actor",
                    "Supervisor 1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Now merged: unmerging it is possible, and a new run keeps the merge.
  r = run_corridor({"resolve", dir, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto again = nlohmann::json::parse(r.out);
  EXPECT_EQ(again["proposed"], 0);
  EXPECT_EQ(again["merged"], 0);  // already merged by the review
  EXPECT_EQ(again["restored"], 0);
  r = run_corridor({"unmerge", dir, b, "--reason", "two brothers after all", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["former_canonical"], a);
  auto v = run_corridor({"verify", dir});
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

TEST(ResolveCli, DryRunChangesNothingAndLogsTheConsultation) {
  TempDir t;
  const auto dir = posts_case(t);
  auto r = run_corridor({"resolve", dir, "--dry-run"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("dry run: 1 merges would be proposed, 0 merged, 0 restored; nothing written"), std::string::npos)
      << r.out;
  EXPECT_EQ(log_of(dir).back()["object"], "resolve dry run: 1 clusters");
  r = run_corridor({"resolve", dir, "--dry-run", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["proposed"], 1);  // still to do: nothing was written
}

TEST(ResolveCli, UnmergeRestoresAndTheNextRunKeepsThePairApart) {
  TempDir t;
  const auto dir = posts_case(t);
  // A case whose policy lets sure matches merge without review.
  ASSERT_EQ(run_corridor({"case", "policy", dir, "--auto-merge-above", "0.9", "--why", "register of one family"}).exit_code, 0);
  ASSERT_EQ(run_corridor({"resolve", dir}).exit_code, 0);
  const std::string b = "person-9312265f79e4c10d615c8d016bffdeae";
  auto r = run_corridor({"unmerge", dir, b, "--reason", "two brothers sharing a phone", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto u = nlohmann::json::parse(r.out);
  EXPECT_EQ(u["former_canonical"], "person-3657ee893879583bf5fa79f8b2a623c7");
  EXPECT_EQ(u["restored"], nlohmann::json::parse(R"(["person-3657ee893879583bf5fa79f8b2a623c7", ")" + b + R"("])"));
  EXPECT_EQ(u["kept_apart"], 1);
  EXPECT_EQ(u["dismissed_indicators"], 1);
  const auto entry = log_of(dir).back();
  EXPECT_EQ(entry["action"], "alteration");
  EXPECT_EQ(entry["why"], "two brothers sharing a phone");

  r = run_corridor({"resolve", dir, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto again = nlohmann::json::parse(r.out);
  EXPECT_TRUE(again["clusters"].empty());
  EXPECT_EQ(again["kept_apart"].size(), 1u);
  EXPECT_EQ(again["merged"], 0);

  r = run_corridor({"unmerge", dir, b, "--reason", "again"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("is not merged with any other entity"), std::string::npos) << r.err;
}

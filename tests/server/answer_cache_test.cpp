// AnswerCache: an answer is found for its case, request and edition only; a newer
// edition drops it; the least recently used go first when the bytes run out.
#include "server/answer_cache.hpp"

#include <gtest/gtest.h>

#include "app/subject_category.hpp"
#include "server/routes.hpp"
#include "server_case.hpp"

using corridor::server::AnswerCache;

TEST(AnswerCache, AnAnswerIsFoundForItsCaseRequestAndEditionOnly) {
  AnswerCache cache;
  cache.keep("op", "e7", "entity e1", {"{\"id\":\"e1\"}", "entity e1; data of e1"});
  const auto hit = cache.find("op", "e7", "entity e1");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->body, "{\"id\":\"e1\"}");
  EXPECT_EQ(hit->logged, "entity e1; data of e1");
  EXPECT_FALSE(cache.find("op", "e7", "entity e2"));
  EXPECT_FALSE(cache.find("other", "e7", "entity e1"));
  EXPECT_FALSE(cache.find("op", "e8", "entity e1"));  // the case changed: the answer is gone
  EXPECT_FALSE(cache.find("op", "e7", "entity e1"));
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(AnswerCache, AnAnswerOfAnotherEditionIsReplacedAndAHitOutlivesItsReplacement) {
  AnswerCache cache;
  cache.keep("op", "e9", "k", {"old", "o"});
  const auto held = cache.find("op", "e9", "k");  // a request still sending it
  cache.keep("op", "e10", "k", {"new", "n"});
  ASSERT_TRUE(cache.find("op", "e10", "k"));
  EXPECT_EQ(cache.find("op", "e10", "k")->body, "new");
  EXPECT_EQ(held->body, "old");
  EXPECT_EQ(cache.size(), 1u);
}

TEST(AnswerCache, TheLeastRecentlyUsedGoFirstAndNoAnswerTakesMoreThanAnEighth) {
  const std::string body(400, 'x');
  AnswerCache cache(8 * 1024);  // room for about fourteen of them
  for (int i = 0; i < 14; ++i) cache.keep("op", "e1", "k" + std::to_string(i), {body, ""});
  ASSERT_TRUE(cache.find("op", "e1", "k0"));  // k0 is now the most recent; k1 the least
  for (int i = 14; i < 20; ++i) cache.keep("op", "e1", "k" + std::to_string(i), {body, ""});
  EXPECT_LE(cache.bytes(), 8u * 1024);
  EXPECT_TRUE(cache.find("op", "e1", "k0"));
  EXPECT_FALSE(cache.find("op", "e1", "k1"));
  EXPECT_TRUE(cache.find("op", "e1", "k19"));
  const std::size_t before = cache.size();
  cache.keep("op", "e1", "big", {std::string(2000, 'y'), ""});
  EXPECT_FALSE(cache.find("op", "e1", "big"));
  EXPECT_EQ(cache.size(), before);
}

namespace {
std::string person_named(corridor::store::CaseFolder& c, const std::string& name) {
  corridor::store::Stmt q(c.db(), "SELECT e.id FROM entities e JOIN statements s ON s.entity = e.rid "
                                  "WHERE e.schema = 'Person' AND s.property = 'name' AND s.value = ?");
  q.bind(1, name);
  return q.step() ? q.text(0) : std::string();
}
}  // namespace

// In the server's process: the second request is answered from the cache (one answer
// kept, the ledger written for both); a change to the case makes the next answer anew.
TEST(AnswerCache, TheServerKeepsAPageUntilTheCaseChanges) {
  using namespace corridor;
  test::ServerCase s;
  s.add_user("ana", store::Role::Analyst, true);
  std::string nour;
  std::int64_t entries = 0;
  {
    auto c = store::CaseFolder::open(s.t / "op");
    nour = person_named(*c, "Nour");
    entries = store::AuditLedger(c->db()).size();
  }
  ASSERT_FALSE(nour.empty());
  server::Request r;
  r.method = "GET";
  r.path = "/api/v1/cases/op/entities/" + nour;
  r.headers["x-corridor-why"] = "who paid";
  s.sign_in("ana", r);
  const auto first = server::dispatch(s.site, r);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(s.answers.size(), 1u);
  const auto second = server::dispatch(s.site, r);
  EXPECT_EQ(second.body, first.body);
  EXPECT_EQ(s.answers.size(), 1u);
  {
    auto c = store::CaseFolder::open(s.t / "op");
    EXPECT_EQ(store::AuditLedger(c->db()).size(), entries + 2);
    app::categorise_subject(*c, nour, "smuggled-migrant", "Examiner 1", "paid for a crossing");
  }
  const auto third = server::dispatch(s.site, r);
  ASSERT_EQ(third.status, 200) << third.body;
  EXPECT_EQ(third.body.find("\"Nour\""), std::string::npos) << third.body;
  EXPECT_NE(third.body, first.body);
  EXPECT_EQ(s.answers.size(), 1u);
}

// Query and schema are both free text: two searches that would read the same when run
// together are two answers, each logged with its own query.
TEST(AnswerCache, TwoSearchesNeverShareAnAnswer) {
  using namespace corridor;
  test::ServerCase s;
  s.add_user("ana", store::Role::Analyst, true);
  const auto search = [&](const std::string& q, const std::string& schema) {
    server::Request r;
    r.method = "GET";
    r.path = "/api/v1/cases/op/search";
    r.query.emplace("q", q);
    if (!schema.empty()) r.query.emplace("schema", schema);
    r.headers["x-corridor-why"] = "tracing";
    s.sign_in("ana", r);
    const auto answer = server::dispatch(s.site, r);
    auto c = store::CaseFolder::open(s.t / "op");
    return std::pair{answer.body, store::AuditLedger(c->db()).entries().back().object};
  };
  const auto [first, first_logged] = search("deposit\nFriday", "");
  const auto [second, second_logged] = search("deposit", "Friday\n");
  EXPECT_EQ(first_logged, "search \"deposit\nFriday\" (1 found)");
  EXPECT_EQ(second_logged, "search \"deposit\" in Friday\n (0 found)");
  EXPECT_NE(first, second);
  EXPECT_EQ(s.answers.size(), 2u);
}

// Search over a case: Arabic with or without vowel marks and hamza, digits of any script,
// a phone number in any spelling; hits ranked and paged; restricted entities never found;
// protected values not matched through their pseudonyms; erased words gone.
#include <gtest/gtest.h>

#include "app/add_evidence.hpp"
#include "app/case_search.hpp"
#include "app/erase_entity.hpp"
#include "app/ingest_evidence.hpp"
#include "store/search_index.hpp"
#include "store/sqlite.hpp"
#include "support/temp_dir.hpp"

namespace corridor::test {
namespace {

struct SearchCase {
  TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "case", "Search", "Examiner 1");

  explicit SearchCase(const std::vector<std::string>& files) {
    app::AddRequest add;
    for (const auto& f : files) add.files.push_back(std::string(CORRIDOR_TEST_DATA) + "/ingest/" + f);
    add.actor = "Examiner 1";
    std::vector<std::string> items;
    for (const auto& a : app::add_evidence(*c, add)) items.push_back(a.evidence.sha256);
    app::IngestOptions io;
    io.actor = "Examiner 1";
    io.region = "GB";
    app::ingest_evidence(*c, items, io);
  }

  nlohmann::ordered_json find(const std::string& q, const app::Pseudonyms& shown = app::Pseudonyms()) {
    app::SearchRequest r;
    r.query = q;
    return app::search_case(*c, r, shown);
  }
  std::vector<std::string> values(const std::string& q, const app::Pseudonyms& shown = app::Pseudonyms()) {
    std::vector<std::string> out;
    const auto found = find(q, shown);
    for (const auto& h : found["hits"]) out.push_back(h["property"].get<std::string>() + "=" + h["value"].get<std::string>());
    std::sort(out.begin(), out.end());
    return out;
  }
};

app::Pseudonyms keyed() {
  std::array<std::uint8_t, 32> secret{};
  secret.fill(7);
  return app::Pseudonyms(secret);
}

TEST(CaseSearch, ArabicIsFoundWithOrWithoutVowelMarksHamzaAndInEitherDigitScript) {
  SearchCase s({"whatsapp/arabic.txt", "posts/posts.jsonl"});
  const std::vector<std::string> boat{"bodyText=المركب يغادر الخميس"};
  EXPECT_EQ(s.values("المركب"), boat);
  EXPECT_EQ(s.values("المَرْكَب"), boat);
  EXPECT_EQ(s.values("مركب*"), std::vector<std::string>{});  // a prefix is a word's start: "المركب" starts with al-
  EXPECT_EQ(s.values("المر*"), boat);
  const std::vector<std::string> italy{"bodyText=السفر إلى إيطاليا ٢٥٠٠ يورو"};
  EXPECT_EQ(s.values("الى ايطاليا"), italy);
  // The post, and the amount read from it (written "٢٥٠٠ يورو", stored "2500 EUR").
  const std::vector<std::string> price{"amountMentioned=2500 EUR", italy[0]};
  EXPECT_EQ(s.values("2500"), price);
  EXPECT_EQ(s.values("۲۵۰۰ یورو"), price);  // Persian digits and yeh
}

TEST(CaseSearch, APhoneNumberIsFoundInAnySpelling) {
  SearchCase s({"whatsapp/arabic.txt"});
  const auto intl = s.values("+44 7400 123456");
  ASSERT_FALSE(intl.empty());
  EXPECT_EQ(s.values("07400123456"), intl);
  EXPECT_EQ(s.values("0044-7400-123-456"), intl);
  EXPECT_EQ(s.values("٠٧٤٠٠١٢٣٤٥٦"), intl);
  EXPECT_TRUE(s.values("07400123457").empty());
}

TEST(CaseSearch, EveryWordMustOccurAndHitsComeAPageAtATime) {
  SearchCase s({"whatsapp/_chat.txt", "posts/posts.jsonl"});
  EXPECT_EQ(s.values("deposit friday"), std::vector<std::string>{"bodyText=Send the deposit to +33 612 345 678 before Friday"});
  const auto all = s.find("friday");
  ASSERT_EQ(all["total"], 2);  // the deposit message and "Places left for Friday"
  app::SearchRequest r;
  r.query = "friday";
  r.limit = 1;
  const auto first = app::search_case(*s.c, r, app::Pseudonyms());
  r.offset = 1;
  const auto second = app::search_case(*s.c, r, app::Pseudonyms());
  ASSERT_EQ(first["hits"].size(), 1u);
  ASSERT_EQ(second["hits"].size(), 1u);
  EXPECT_EQ(first["total"], 2);
  EXPECT_NE(first["hits"][0]["statement"], second["hits"][0]["statement"]);
  r.schema = "Post";
  r.offset = 0;
  const auto posts = app::search_case(*s.c, r, app::Pseudonyms());
  ASSERT_EQ(posts["total"], 1);
  EXPECT_EQ(posts["hits"][0]["entity"]["schema"], "Post");
  EXPECT_EQ(posts["hits"][0]["kind"], "fact");
  EXPECT_EQ(posts["hits"][0]["locator"], "post:100072345678901_412345678909999 @658+198");
}

TEST(CaseSearch, AnyTextIsAQueryAndFtsSyntaxIsNeverInterpreted) {
  SearchCase s({"whatsapp/_chat.txt"});
  const std::vector<std::string> hostile{"\"", "deposit\" OR \"x", "NEAR(a b)", "*", "-", "a:b", "((", "\xff\xfe",
                                        "^deposit", "deposit AND", std::string("dep\0osit", 8)};
  for (const auto& q : hostile)
    EXPECT_NO_THROW(s.find(q)) << q;
  EXPECT_EQ(s.find("OR")["total"], 0);  // the word OR, not an operator
  EXPECT_EQ(s.find("   ")["total"], 0);
  EXPECT_EQ(store::SearchIndex::match_expression("boat  leaves*  \"x"), "\"boat\" \"leaves\"* \"\"\"x\"");
  EXPECT_EQ(store::SearchIndex::match_expression("call 0044 7400 123456"), "\"447400123456\" \"call\"");
}

TEST(CaseSearch, NewStatementsAreIndexedAndChangesRebuildTheIndex) {
  SearchCase s({"whatsapp/_chat.txt"});
  std::size_t indexed = 0;
  { store::SearchIndex first(s.c->db(), s.c->dir(), &indexed); }
  EXPECT_GT(indexed, 10u);
  { store::SearchIndex again(s.c->db(), s.c->dir(), &indexed); }
  EXPECT_EQ(indexed, 0u);  // nothing new
  app::AddRequest add;
  add.files = {std::string(CORRIDOR_TEST_DATA) + "/ingest/posts/posts.jsonl"};
  add.actor = "Examiner 1";
  const auto added = app::add_evidence(*s.c, add);
  app::IngestOptions io;
  io.actor = "Examiner 1";
  app::ingest_evidence(*s.c, {added[0].evidence.sha256}, io);
  store::Stmt count(s.c->db(), "SELECT count(*) FROM statements s JOIN evidence e ON e.id = s.evidence WHERE e.sha256 = ?");
  count.bind(1, added[0].evidence.sha256);
  count.step();
  { store::SearchIndex later(s.c->db(), s.c->dir(), &indexed); }
  EXPECT_EQ(static_cast<std::int64_t>(indexed), count.int64(0));
  EXPECT_EQ(s.find("italy")["total"], 1);
}

TEST(CaseSearch, ErasedWordsAreNotFoundAndTheIndexFileGoes) {
  SearchCase s({"whatsapp/_chat.txt"});
  ASSERT_EQ(s.find("received")["total"], 1);  // Nour: Received.
  ASSERT_TRUE(std::filesystem::exists(s.c->dir() / "search.db"));
  store::Stmt nour(s.c->db(),
                   "SELECT e.id FROM statements s JOIN entities e ON e.rid = s.entity WHERE s.value = 'Received.\nThank you'");
  ASSERT_TRUE(nour.step()) << "the message";
  const std::string message = nour.text(0);
  app::erase_entity(*s.c, message, "Art. 16 request", "Examiner 1", "not relevant to the case");
  EXPECT_FALSE(std::filesystem::exists(s.c->dir() / "search.db"));
  EXPECT_EQ(s.find("received")["total"], 0);
  EXPECT_EQ(s.find("deposit")["total"], 1);
}

TEST(CaseSearch, AProtectedNumberIsNotFoundThroughItsPseudonymAndRestrictedEntitiesNever) {
  SearchCase s({"whatsapp/_chat.txt"});
  // The Phone entity's number, the message quoting it and its mention of the Phone entity.
  const auto all = s.values("0612345678");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0], "bodyText=Send the deposit to +33 612 345 678 before Friday");
  EXPECT_EQ(all[1].rfind("mentions=phone-", 0), 0u);
  EXPECT_EQ(all[2], "number=+33612345678");
  auto shown = keyed();
  shown.protect_value("+33612345678");
  // All three show the number as its pseudonym: none is a hit, or the search would tell which pseudonym it has.
  EXPECT_EQ(s.find("0612345678", shown)["total"], 0);
  // Other words of the message still find it, with the number replaced.
  const auto deposit = s.find("deposit", shown);
  ASSERT_EQ(deposit["total"], 1);
  EXPECT_EQ(deposit["hits"][0]["value"], "Send the deposit to " + shown.of_value("+33612345678") + " before Friday");
  auto withheld = keyed();
  withheld.restrict(deposit["hits"][0]["entity"]["id"].get<std::string>());
  EXPECT_EQ(s.find("deposit", withheld)["total"], 0);
}

}  // namespace
}  // namespace corridor::test

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "resolve/clusters.hpp"
#include "resolve/linker.hpp"

using namespace corridor::resolve;

namespace {

// A population of distinct people with a few clerical duplicates, so the model has both
// matches and non-matches to learn from, plus the cases under test appended.
std::vector<PersonRecord> population() {
  const char* given[] = {"ali",   "omar",  "yusuf", "karim", "samir", "fatima", "aisha", "layla",
                         "nadia", "hamid", "reza",  "parisa", "tariq", "zainab", "bilal", "sara"};
  const char* family[] = {"karimi", "rahimi", "haddad", "nasser", "saleh",   "farah",  "mansour", "qasim",
                          "azizi",  "hosseini", "jafari", "moradi", "sadeghi", "rostami", "amini",  "yazdi"};
  std::vector<PersonRecord> out;
  int n = 0;
  for (int g = 0; g < 16; ++g) {
    for (int f = 0; f < 16; ++f) {
      PersonRecord r;
      r.id = "person-" + std::to_string(n);
      r.given_name = given[g];
      r.family_name = family[(f + g) % 16];
      char birth[16];
      std::snprintf(birth, sizeof birth, "%d-%02d-%02d", 1950 + n % 50, 1 + (n * 5) % 12, 1 + (n * 11) % 28);
      r.birth_date = birth;
      r.nationality = n % 3 == 0 ? "sy" : n % 3 == 1 ? "af" : "ir";
      r.phones.push_back("+9639" + std::to_string(10000000 + n * 7919));
      out.push_back(r);
      if (n % 8 == 0) {  // a clerical duplicate: one letter of the name and a digit wrong
        PersonRecord d = r;
        d.id = "person-" + std::to_string(n) + "-dup";
        d.family_name.back() = d.family_name.back() == 'i' ? 'y' : 'e';
        d.birth_date[3] = d.birth_date[3] == '1' ? '2' : '1';
        out.push_back(d);
      }
      ++n;
    }
  }
  return out;
}

PersonRecord person(std::string id, std::string given, std::string family, std::string birth = "",
                    std::string nationality = "", std::vector<std::string> phones = {}) {
  PersonRecord r;
  r.id = std::move(id);
  r.given_name = std::move(given);
  r.family_name = std::move(family);
  r.birth_date = std::move(birth);
  r.nationality = std::move(nationality);
  r.phones = std::move(phones);
  return r;
}

const Match* find_match(const LinkResult& r, const std::vector<PersonRecord>& recs, const std::string& a,
                        const std::string& b) {
  for (const auto& m : r.matches)
    if ((recs[m.a].id == a && recs[m.b].id == b) || (recs[m.a].id == b && recs[m.b].id == a)) return &m;
  return nullptr;
}

}  // namespace

TEST(Comparisons, ArabicAndLatinSpellingsMeetAtTheSkeletonLevel) {
  const auto comps = person_comparisons();
  const auto arabic = person("a", "\u0645\u062D\u0645\u062F", "\u062D\u0633\u0646");
  const auto latin = person("b", "Mohammed", "Hassan");
  const auto other = person("c", "Muhammad", "Hasan");
  const auto pa = prepare(arabic), pb = prepare(latin), pc = prepare(other);
  EXPECT_EQ(comps[0].levels[static_cast<std::size_t>(comps[0].level(pa, pb))], "same skeleton or Soundex");
  EXPECT_EQ(comps[1].levels[static_cast<std::size_t>(comps[1].level(pa, pb))], "same skeleton or Soundex");
  EXPECT_EQ(comps[0].levels[static_cast<std::size_t>(comps[0].level(pb, pc))], "same skeleton or Soundex");
  EXPECT_EQ(comps[1].levels[static_cast<std::size_t>(comps[1].level(pb, pc))], "Jaro-Winkler >= 0.92");
  EXPECT_EQ(comps[2].level(pa, pb), -1);  // no birth dates: no evidence either way
}

TEST(Comparisons, DatesForgiveTyposAndSwappedDayMonth) {
  const auto date = date_comparison("birth date", &PreparedRecord::birth_date);
  auto p = [](const char* d) { return prepare(person("x", "", "", d)); };
  EXPECT_EQ(date.level(p("1990-03-12"), p("19900312")), 0);
  EXPECT_EQ(date.level(p("1990-03-12"), p("1990-03-13")), 1);
  EXPECT_EQ(date.level(p("1990-03-12"), p("1990-12-03")), 2);
  EXPECT_EQ(date.level(p("1990-03-12"), p("1990-03-28")), 3);
  EXPECT_EQ(date.level(p("1990-03-12"), p("1971-07-30")), 5);
}

TEST(Linker, TransliteratedNamesLinkAndHubPhoneGluesNobody) {
  auto recs = population();
  recs.push_back(person("person-ar", "\u0645\u062D\u0645\u062F", "\u062D\u0633\u0646", "1990-03-12", "SY",
                        {"+963944000111"}));
  recs.push_back(person("person-lat", "Mohammed", "Hassan", "19900312", "sy", {"+963 944 000 111"}));
  // A smuggler's hotline printed beside 40 unrelated people (ads, transfer receipts).
  for (std::size_t i = 0; i < 40; ++i) recs[i * 5].phones.push_back("+963999999999");

  const auto result = link_persons(recs, LinkOptions{});
  ASSERT_EQ(result.hubs.size(), 1u);
  EXPECT_EQ(result.hubs[0].kind, "phone");
  EXPECT_EQ(result.hubs[0].value, "963999999999");
  EXPECT_EQ(result.hubs[0].entities, 40u);
  EXPECT_EQ(result.hubs[0].reason, "shared by 40 entities, more than 25");

  const Match* m = find_match(result, recs, "person-ar", "person-lat");
  ASSERT_NE(m, nullptr);
  EXPECT_GT(m->probability, 0.99);
  ASSERT_GE(m->reasons.size(), 2u);
  EXPECT_EQ(m->reasons[0].comparison, "given name");
  EXPECT_EQ(m->reasons[0].level, "same skeleton or Soundex");
  EXPECT_GT(m->reasons[0].weight, 0);

  // Every match is between one person and their clerical duplicate, never across the hub.
  for (const auto& x : result.matches) {
    const std::string& a = recs[x.a].id;
    const std::string& b = recs[x.b].id;
    const bool duplicate = a + "-dup" == b || b + "-dup" == a;
    const bool transliterated = (a == "person-ar" && b == "person-lat") || (a == "person-lat" && b == "person-ar");
    EXPECT_TRUE(duplicate || transliterated) << a << " ~ " << b << ": " << x.explain();
  }
  EXPECT_EQ(result.matches.size(), 32u + 1u);  // 256 / 8 duplicates and the pair

  const auto canonical = canonical_ids(recs, result.matches);
  const auto ar = std::find_if(recs.begin(), recs.end(), [](auto& r) { return r.id == "person-ar"; }) - recs.begin();
  EXPECT_EQ(canonical[static_cast<std::size_t>(ar)], "person-ar");
  EXPECT_EQ(canonical[static_cast<std::size_t>(ar) + 1], "person-ar");
}

TEST(Linker, MergesAreReversibleAssessments) {
  std::vector<PersonRecord> recs = {person("b", "", ""), person("a", "", ""), person("c", "", "")};
  Match match;
  match.a = 0;
  match.b = 1;
  match.weight = 12;
  match.probability = 0.9998;
  match.reasons = {{"phone", "exact", 12}};
  std::vector<Match> matches = {match};
  const auto canonical = canonical_ids(recs, matches);
  EXPECT_EQ(canonical, (std::vector<std::string>{"a", "a", "c"}));
  const auto s = merge_assessments(recs, matches, "resolve@1", "2026-01-01T00:00:00Z");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].entity_id, "b");
  EXPECT_EQ(s[0].property, "sameAs");
  EXPECT_EQ(s[0].value, "a");
  EXPECT_EQ(s[0].kind, corridor::StatementKind::Assessment);
  EXPECT_DOUBLE_EQ(s[0].confidence, 0.9998);
  EXPECT_EQ(s[0].original_value, "match weight 12.0 (p=1.000): phone exact +12.0");
}

TEST(Hubs, OutlierAgainstTheMedian) {
  std::unordered_map<std::string, std::size_t> counts = {{"a", 2}, {"b", 2}, {"c", 3}, {"d", 20}, {"e", 1}};
  HubPolicy policy;
  policy.max_entities = 100;
  policy.outlier_factor = 5;
  const auto hubs = find_hubs("phone", counts, policy);
  ASSERT_EQ(hubs.size(), 1u);
  EXPECT_EQ(hubs[0].value, "d");
  EXPECT_EQ(hubs[0].reason, "shared by 20 entities, over 5 times the median of 3");
}

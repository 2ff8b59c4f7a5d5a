// Protected attributes: recorded values into groups, and the rule that no feature of the
// offer model and no lexicon term names a nationality, ethnicity, religion or sex.
#include "detect/protected_attributes.hpp"

#include <gtest/gtest.h>

#include <set>

#include "core/error.hpp"
#include "detect/offer_detector.hpp"
#include "support/temp_dir.hpp"

using namespace corridor::detect;
using corridor::test::TempDir;
using corridor::test::write_file;

namespace {

std::string describe(const std::vector<ProtectedHit>& hits) {
  std::string s;
  for (const auto& h : hits)
    s += "  " + h.where + " -> " + to_string(h.term.category) + " " + h.term.lang + " \"" + h.term.term + "\"" +
         (h.term.note.empty() ? "" : " (" + h.term.note + ")") + "\n";
  return s;
}

const std::string kData = std::string(CORRIDOR_SOURCE_DIR) + "/data";

}  // namespace

TEST(ProtectedAttributes, PropertiesAreFollowTheMoneyNames) {
  for (const char* p : {"nationality", "citizenship", "ethnicity", "religion", "gender", "birthDate"})
    EXPECT_TRUE(is_protected_property(p)) << p;
  for (const char* p : {"bodyText", "name", "owner", "sender", "amount", "validation", "mmsi"})
    EXPECT_FALSE(is_protected_property(p)) << p;
  EXPECT_TRUE(carries_protected_fields("Passport", "validation"));
  EXPECT_FALSE(carries_protected_fields("Phone", "validation"));
  EXPECT_EQ(audited_attribute("citizenship"), "nationality");
  EXPECT_EQ(audited_attribute("gender"), "sex");
  EXPECT_EQ(audited_attribute("birthDate"), "age_band");
  EXPECT_EQ(audited_attribute("birthPlace"), "");
}

TEST(ProtectedAttributes, NationalitiesBecomeIsoAlpha2) {
  EXPECT_EQ(normalise_nationality("SYR"), "SY");
  EXPECT_EQ(normalise_nationality("sy"), "SY");
  EXPECT_EQ(normalise_nationality("AFG"), "AF");
  EXPECT_EQ(normalise_nationality("ERI"), "ER");
  EXPECT_EQ(normalise_nationality("D<<"), "DE");  // ICAO: Germany's one letter
  EXPECT_EQ(normalise_nationality("GBD"), "GB");  // British Overseas Territories citizen
  EXPECT_EQ(normalise_nationality("RKS"), "XK");
  EXPECT_EQ(normalise_nationality("XXA"), "XXA");  // stateless: a group of its own
  EXPECT_EQ(normalise_nationality("<<<"), "");
  EXPECT_EQ(normalise_nationality(""), "");
  EXPECT_EQ(normalise_nationality("Syrian"), "SYRIAN");  // kept as written, visible in the report
}

TEST(ProtectedAttributes, SexFromGenderWordsAndMrzCodes) {
  EXPECT_EQ(normalise_sex("F"), "female");
  EXPECT_EQ(normalise_sex("female"), "female");
  EXPECT_EQ(normalise_sex("M"), "male");
  EXPECT_EQ(normalise_sex("Male"), "male");
  EXPECT_EQ(normalise_sex("X"), "other");
  EXPECT_EQ(normalise_sex("<"), "");
  EXPECT_EQ(normalise_sex(""), "");
}

TEST(ProtectedAttributes, AgeBandsAtTheReferenceDate) {
  const std::string ref = "2026-03-02";
  EXPECT_EQ(age_band("2008-03-02", ref), "18-25");  // 18th birthday that day
  EXPECT_EQ(age_band("2008-03-03", ref), "<18");
  EXPECT_EQ(age_band("2000-03-02", ref), "26-35");  // 26
  EXPECT_EQ(age_band("2000-03-03", ref), "18-25");  // 25
  EXPECT_EQ(age_band("1990-03-03", ref), "26-35");  // 35
  EXPECT_EQ(age_band("1990-03-02", ref), "36-50");  // 36
  EXPECT_EQ(age_band("1975-03-02", ref), ">50");    // 51
  EXPECT_EQ(age_band("1975-03-03", ref), "36-50");  // 50
  EXPECT_EQ(age_band("2026-03-02", ref), "<18");
  EXPECT_EQ(age_band("2026-03-03", ref), "");       // after the reference date
  // Partial dates: a band only when every day they may stand for gives the same one.
  EXPECT_EQ(age_band("1980", ref), "36-50");        // 45 or 46
  EXPECT_EQ(age_band("1990", ref), "");             // 35 or 36
  EXPECT_EQ(age_band("1990-05", ref), "26-35");     // 35
  EXPECT_EQ(age_band("1990-02", ref), "36-50");     // 36
  EXPECT_EQ(age_band("1990-03", ref), "");          // 35 or 36
  EXPECT_EQ(age_band("1990-02-30", ref), "");       // no such day
  EXPECT_EQ(age_band("02/03/1990", ref), "");
  EXPECT_EQ(age_band("1990-01-01", "2026-3-2"), "");
  EXPECT_EQ(age_band("1990-01-01T00:00:00Z", ref), "36-50");
}

TEST(ProtectedAttributes, TermsNameGroupsInTenLanguages) {
  std::set<std::string> langs;
  for (const auto& t : protected_terms()) {
    langs.insert(t.lang);
    EXPECT_FALSE(t.folded.empty()) << t.term;
  }
  for (const char* l : kOfferLanguages) EXPECT_TRUE(langs.count(l)) << l;

  auto hit = [](const std::string& token) { return check_token(fold_term(token), "test"); };
  ASSERT_EQ(hit("Syrians").size(), 1u);
  EXPECT_TRUE(hit("Syrians")[0].refused());
  EXPECT_EQ(hit("Syrians")[0].term.category, ProtectedCategory::Nationality);
  EXPECT_EQ(hit("ÉRYTHRÉENS")[0].term.lang, "fr");
  EXPECT_EQ(hit("müslüman")[0].term.category, ProtectedCategory::Religion);
  EXPECT_EQ(hit("نساء")[0].term.category, ProtectedCategory::Sex);
  // Arabic proclitics, as the lexicons match them: "and the Syrians".
  ASSERT_EQ(hit("والسوريين").size(), 1u);
  EXPECT_EQ(hit("والسوريين")[0].term.term, "سوريين");
  EXPECT_TRUE(hit("الخرطوم").empty());
  EXPECT_TRUE(hit("boat").empty());
  EXPECT_TRUE(hit("Italy").empty());  // places are routes, not nationalities
  // Homographs are for review, with the reason.
  ASSERT_EQ(hit("کرد").size(), 1u);
  EXPECT_FALSE(hit("کرد")[0].refused());
  EXPECT_NE(hit("کرد")[0].term.note.find("did"), std::string::npos);
}

TEST(ProtectedAttributes, APlantedProtectedFeatureOrLexiconTermIsRefused) {
  const auto hits = check_feature_names({"w:syrian", "w:boat", "cat:women_only", "f:contact+price", "w:mer"});
  ASSERT_EQ(hits.size(), 3u) << describe(hits);
  EXPECT_EQ(hits[0].where, "model feature w:syrian");
  EXPECT_TRUE(hits[0].refused());
  EXPECT_EQ(hits[1].where, "model feature cat:women_only");
  EXPECT_EQ(hits[1].term.category, ProtectedCategory::Sex);
  EXPECT_EQ(hits[2].where, "model feature w:mer");  // French "sea", Kurmanji "man"
  EXPECT_FALSE(hits[2].refused());

  TempDir t;
  write_file(t / "xx.tsv",
             "# a lexicon with a planted term\n"
             "fast boat\tvehicle\n"
             "women only\tservice\n"
             "kurd*\troute\n"
             "عربية\tvehicle\n"
             "trip\tpassenger_sex\n"
             "eritr*\tservice\n");
  const auto lex = check_lexicon_file((t / "xx.tsv").string());
  ASSERT_EQ(lex.size(), 5u) << describe(lex);
  EXPECT_EQ(lex[0].where, "xx.tsv:3 women only");
  EXPECT_TRUE(lex[0].refused());
  EXPECT_EQ(lex[1].where, "xx.tsv:4 kurd*");  // matches "kurd", "kurdish"...
  EXPECT_TRUE(lex[1].refused());
  EXPECT_EQ(lex[2].where, "xx.tsv:5 عربية");  // colloquial "car": for review
  EXPECT_FALSE(lex[2].refused());
  EXPECT_EQ(lex[3].where, "xx.tsv:6 trip category passenger_sex");
  EXPECT_EQ(lex[4].where, "xx.tsv:7 eritr*");  // a prefix of "eritrean"
  EXPECT_EQ(lex[4].token, "eritr*");
  EXPECT_EQ(lex[4].term.category, ProtectedCategory::Nationality);
  EXPECT_THROW(check_lexicon_file((t / "missing.tsv").string()), corridor::Error);
}

// The rule itself: the shipped offer model and lexicons use no protected term as a
// feature. When this fails, drop the term from the lexicon, or retrain the model without
// the word (bench/train_offers), or, for a word whose usual sense in the texts is not the
// protected one, list it with its reason in kAmbiguous (protected_attributes.cpp).
TEST(ProtectedAttributes, OfferModelAndLexiconsHaveNoProtectedFeature) {
  const FeatureCheck c = check_offer_features(kData);
  EXPECT_GT(c.features, 500u);
  EXPECT_EQ(c.lexicons.size(), 12u);
  EXPECT_GT(c.lexicon_terms, 900u);
  EXPECT_TRUE(c.refused.empty()) << "protected terms used as features:\n" << describe(c.refused);
  for (const auto& h : c.to_review) EXPECT_FALSE(h.term.note.empty()) << h.where;
  // The homographs and proxies in the shipped model and lexicons, each kept for the reason
  // kAmbiguous gives (docs/bias_audit.md). A new one appearing here after retraining or a
  // lexicon edit is a decision to make, not a formality.
  std::set<std::string> review;
  for (const auto& h : c.to_review) {
    std::string where = h.where;  // "ar.tsv:40 عربية" -> "ar.tsv عربية": line numbers move
    if (const auto colon = where.find(".tsv:"); colon != std::string::npos)
      where.erase(colon + 4, where.find(' ', colon) - colon - 4);
    review.insert(where);
  }
  EXPECT_EQ(review, (std::set<std::string>{
                        "model feature w:dua",     // prayer: a religious expression
                        "model feature w:دعا",      // prayer
                        "model feature w:mer",     // French "sea"; Kurmanji "man"
                        "model feature w:سړی",      // Pashto "man", "per person" in prices
                        "model feature w:کرد",      // Persian "did"; "Kurd"
                        "model feature w:افغانۍ",   // the Afghan currency
                        "model feature w:ترکی",     // Urdu "Turkey"; Arabic "Turkish"
                        "ar.tsv عربية",             // colloquial "car"; "Arab", "Arabic"
                        "fa.tsv افغانی",            // the Afghan currency; "Afghan"
                        "fr.tsv par la mer",       // "by sea"
                        "places.tsv ترکی",          // Urdu "Turkey"
                        "ps.tsv افغانۍ",            // the Afghan currency
                    }))
      << describe(c.to_review);
}

#include "detect/offer_detector.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "support/temp_dir.hpp"

namespace corridor::detect {
namespace {

const OfferDetector& detector() {
  static const OfferDetector d = OfferDetector::load(std::string(CORRIDOR_SOURCE_DIR) + "/data");
  return d;
}

// The reason for `feature` whose term is `term`, or nullptr.
const OfferReason* reason(const OfferScore& s, const std::string& feature, const std::string& term) {
  for (const auto& r : s.reasons)
    if (r.feature == feature && r.term == term) return &r;
  return nullptr;
}

// Asserts a reason at the exact bytes of `found` inside `text`.
void expect_reason(const OfferScore& s, const std::string& text, const std::string& feature, const std::string& term,
                   const std::string& found) {
  const OfferReason* r = reason(s, feature, term);
  ASSERT_NE(r, nullptr) << feature << " '" << term << "' missing";
  EXPECT_EQ(r->offset, text.find(found)) << term;
  EXPECT_EQ(r->length, found.size()) << term;
  EXPECT_EQ(text.substr(r->offset, r->length), found);
}

TEST(OfferDetector, ModelFileLoads) {
  const auto& m = detector().model();
  EXPECT_GT(m.weights.size(), 10u);
  EXPECT_TRUE(m.weights.count("cat:pay_after_arrival"));
  EXPECT_GT(m.weights.at("f:terms+contact"), 0);
  EXPECT_LT(m.weights.at("cat:counter"), 0);
}

TEST(OfferDetector, PlantedEnglishOffer) {
  const std::string t =
      "Seats left: Zuwara to Lampedusa this Friday, big wooden boat, Guaranteed, pay after arrival. "
      "2800 euros each. WhatsApp +218 91 555 0142";
  const auto s = detector().score(t, "en");
  EXPECT_GE(s.score, 0.5);
  EXPECT_EQ(s.language, "en");
  expect_reason(s, t, "pay_after_arrival", "pay after arrival", "pay after arrival");
  expect_reason(s, t, "guarantee", "guarantee", "Guaranteed");
  expect_reason(s, t, "vehicle", "boat", "boat");
  expect_reason(s, t, "contact", "+218 91 555 0142", "+218 91 555 0142");
  expect_reason(s, t, "price", "2800 euros", "2800 euros");
  expect_reason(s, t, "place", "Zuwara", "Zuwara");
  EXPECT_NE(reason(s, "contact+price+route", "contact+price+route"), nullptr);
  for (std::size_t i = 1; i < s.reasons.size(); ++i)
    EXPECT_GE(std::abs(s.reasons[i - 1].weight), std::abs(s.reasons[i].weight));
}

TEST(OfferDetector, PlantedLevantineOfferWithArabicIndicDigits) {
  const std::string t = "طلعة من ازمير لليونان بيخت مو بلم، المبلغ ٣٥٠٠ دولار بمكتب تأمين، الدفع بعد الوصول. واتس ٠٠٩٠ ٥٣٢ ٤٤٤ ١٢ ١٢";
  const auto s = detector().score(t, "ar");
  EXPECT_GE(s.score, 0.5);
  expect_reason(s, t, "escrow", "مكتب تأمين", "بمكتب تأمين");  // the whole token
  expect_reason(s, t, "pay_after_arrival", "الدفع بعد الوصول", "الدفع بعد الوصول");
  expect_reason(s, t, "vehicle", "يخت", "بيخت");  // proclitic ب stripped for matching
  expect_reason(s, t, "contact", "٠٠٩٠ ٥٣٢ ٤٤٤ ١٢ ١٢", "٠٠٩٠ ٥٣٢ ٤٤٤ ١٢ ١٢");
  expect_reason(s, t, "price", "٣٥٠٠ دولار", "٣٥٠٠ دولار");
}

TEST(OfferDetector, PlantedDariOfferWithPersianDigits) {
  const std::string t = "راه هرات به ترکیه باز است، موتر داریم، پیسه ره بعد از رسیدن بدهید، ۳۰۰۰ دلار. تماس ‎+۹۳ ۷۰۰ ۱۲۳ ۴۵۶";
  const auto s = detector().score(t, "fa");
  EXPECT_GE(s.score, 0.5);
  expect_reason(s, t, "pay_after_arrival", "بعد از رسیدن", "بعد از رسیدن");
  expect_reason(s, t, "vehicle", "موتر", "موتر");
  expect_reason(s, t, "contact", "+۹۳ ۷۰۰ ۱۲۳ ۴۵۶", "+۹۳ ۷۰۰ ۱۲۳ ۴۵۶");
}

TEST(OfferDetector, PlantedTurkishSpanishKurdishOffers) {
  const std::string tr = "Bodrum'dan İstanköy'e gece geçiş, garantili, ödeme varınca, kişi başı 2500 euro. İletişim 0532 111 22 33";
  auto s = detector().score(tr, "tr");
  EXPECT_GE(s.score, 0.5);
  expect_reason(s, tr, "guarantee", "garanti", "garantili");
  expect_reason(s, tr, "pay_after_arrival", "varınca", "varınca");
  expect_reason(s, tr, "place", "Bodrum", "Bodrum");

  const std::string es = "Salida de Nador a Almería en lancha, pagas cuando llegas, 3.000 euros, escríbeme @ruta_sur_22";
  s = detector().score(es, "es");
  EXPECT_GE(s.score, 0.5);
  expect_reason(s, es, "pay_after_arrival", "pagas cuando llegas", "pagas cuando llegas");
  expect_reason(s, es, "contact", "@ruta_sur_22", "@ruta_sur_22");
  expect_reason(s, es, "price", "3.000 euros", "3.000 euros");

  const std::string ckb = "ڕێگای بەلاڕووس بۆ پۆڵەندا کراوەیە، پارە لای سەرڕاف ئەمانەتە، ٤٠٠٠ دۆلار. واتسئاپ +964 750 123 4567";
  s = detector().score(ckb, "ckb");
  EXPECT_GE(s.score, 0.5);
  expect_reason(s, ckb, "escrow", "ئەمانەتە", "ئەمانەتە");
  expect_reason(s, ckb, "contact_word", "واتسئاپ", "واتسئاپ");
}

TEST(OfferDetector, LookAlikesDoNotFire) {
  struct Case {
    const char* lang;
    std::string text;
  };
  const std::vector<Case> cases = {
      // NGO warning quoting a price and a phone
      {"en", "Beware: people on Facebook promise a guaranteed boat from Libya to Italy for 3500 dollars. "
             "Do not believe them. Free legal advice line +39 06 1234 5678"},
      {"ar", "تحذير: مهربون يطلبون ٣٠٠٠ دولار ويقولون الدفع بعد الوصول. لا تصدقوهم. للاستشارة المجانية ٠٠٣٩ ٠٦ ٥٥٥ ١٢٣٤"},
      // arrest news naming a route
      {"fr", "Démantèlement d'un réseau de passeurs entre Sfax et Lampedusa : six personnes interpellées, "
             "les migrants payaient 2000 euros selon les enquêteurs."},
      // a legitimate travel agency
      {"tr", "TÜRSAB belgeli acentemizden İstanbul - Almanya uçak bileti 180 euro, otel ve vize danışmanlığı. 0212 555 44 33"},
      // a boat rental
      {"es", "Alquiler de lancha con patrón en Tarifa, media jornada 250 euros, ideal para familias. Tel 0034 600 123 456"},
  };
  for (const auto& c : cases) {
    const auto s = detector().score(c.text, c.lang);
    EXPECT_LT(s.score, 0.5) << c.lang << ": " << c.text;
  }
}

TEST(OfferDetector, DetectsLanguageByScriptAndLexicon) {
  const auto& d = detector();
  EXPECT_EQ(d.detect_language("Crossing to Italy guaranteed, pay after arrival"), "en");
  EXPECT_EQ(d.detect_language("Passage garanti vers l'Italie, paiement à l'arrivée"), "fr");
  EXPECT_EQ(d.detect_language("Viaje garantizado a Almería, pago después de llegar"), "es");
  EXPECT_EQ(d.detect_language("Yunanistan'a garantili geçiş, ödeme varınca"), "tr");
  EXPECT_EQ(d.detect_language("Derbasbûn bo Yewnanistan, garantî, pere piştî gihîştinê"), "kmr");
  EXPECT_EQ(d.detect_language("رحلة مضمونة إلى إيطاليا والدفع بعد الوصول"), "ar");
  EXPECT_EQ(d.detect_language("قاچاقبر مطمئن، پرداخت بعد از رسیدن"), "fa");
  EXPECT_EQ(d.detect_language("ډاډمنه لاره، پیسې د رسېدو وروسته"), "ps");
  EXPECT_EQ(d.detect_language("گواستنەوە بۆ یۆنان، پارە دوای گەیشتن"), "ckb");
  EXPECT_EQ(d.detect_language("ڈنکی کا راستہ کھل گیا ہے، ادائیگی پہنچنے کے بعد"), "ur");
  EXPECT_EQ(detector().score("Crossing to Italy guaranteed, pay after arrival").language, "en");
}

TEST(OfferDetector, MalformedModelNamesFileAndLine) {
  test::TempDir dir;
  const auto path = (dir.path() / "offer_model.tsv").string();
  {
    std::ofstream out(path);
    out << "# comment\nversion\t1\nbias\t-1\ncat:service\tabc\n";
  }
  try {
    OfferModel::load(path);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":4:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("abc"), std::string::npos) << e.what();
  }
  {
    std::ofstream out(path);
    out << "version\t1\nbias\t-1\ncat:service 0.5\n";
  }
  EXPECT_THROW(
      {
        try {
          OfferModel::load(path);
        } catch (const Error& e) {
          EXPECT_NE(std::string(e.what()).find(path + ":3: expected feature<TAB>weight"), std::string::npos) << e.what();
          throw;
        }
      },
      Error);
  EXPECT_THROW(OfferModel::load((dir.path() / "missing.tsv").string()), Error);
}

TEST(OfferDetector, SavedModelRoundTrips) {
  test::TempDir dir;
  OfferModel m;
  m.bias = -0.5;
  m.weights = {{"cat:escrow", 1.25}, {"w:boat", -0.125}};
  m.comments = {"test"};
  const auto path = (dir.path() / "m.tsv").string();
  m.save(path);
  const auto back = OfferModel::load(path);
  EXPECT_EQ(back.bias, -0.5);
  EXPECT_EQ(back.weights, m.weights);
}

TEST(OfferText, FoldingKeepsOriginalOffsets) {
  const std::string t = "A\u200F٣٥ İzmir Garantí";
  const auto f = fold_text(t);
  EXPECT_EQ(f.text, "a35 izmir garanti");
  const auto [b, e] = f.original(f.text.find("izmir"), f.text.find("izmir") + 5);
  EXPECT_EQ(t.substr(b, e - b), "İzmir");
}

}  // namespace
}  // namespace corridor::detect

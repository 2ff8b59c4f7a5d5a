// documents.check_digit and reading MRZs: the extractor keeps zones whose check digits
// fail (as mrz_invalid), read_mrz recomputes every check digit, and the detector fires on
// the failed ones only.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "detect/document_test_support.hpp"
#include "extract/scanner.hpp"

using namespace corridor;
using corridor::test::sighting;
using corridor::test::Td3;

namespace {

constexpr const char* kIcaoTd3 =
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
constexpr const char* kIcaoTd1 =
    "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";
constexpr const char* kIcaoTd2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";

std::vector<Mention> scan(const std::string& text) {
  static const extract::Scanner scanner;
  std::vector<Mention> out;
  scanner.scan(text, {}, [&](const Mention& m) { out.push_back(m); });
  return out;
}

}  // namespace

TEST(DocumentMrz, ReadsTheIcaoSpecimensWithEveryCheckHolding) {
  auto d = detect::read_mrz(kIcaoTd3);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->format, "td3");
  EXPECT_EQ(d->doc_type, "P");
  EXPECT_EQ(d->issuer, "UTO");
  EXPECT_EQ(d->name(), "ERIKSSON ANNA MARIA");
  EXPECT_EQ(d->number, "L898902C3");
  EXPECT_EQ(d->birth, "1974-08-12");
  EXPECT_EQ(d->expiry, "2012-04-15");
  EXPECT_EQ(d->sex, "F");
  EXPECT_EQ(d->checks.size(), 5u);
  EXPECT_TRUE(d->checks_hold());
  EXPECT_EQ(d->kind(), "passport");

  for (const char* card : {kIcaoTd1, kIcaoTd2}) {
    d = detect::read_mrz(card);
    ASSERT_TRUE(d) << card;
    EXPECT_EQ(d->number, "D23145890");
    EXPECT_EQ(d->nationality, "UTO");
    EXPECT_EQ(d->kind(), "identity card");
    EXPECT_TRUE(d->checks_hold()) << card;
  }
  // Joined without line breaks, as the case stores it.
  std::string joined = kIcaoTd3;
  joined.erase(joined.find('\n'), 1);
  EXPECT_TRUE(detect::read_mrz(joined));
  EXPECT_FALSE(detect::read_mrz("P<UTOERIKSSON"));
  EXPECT_FALSE(detect::read_mrz(std::string(88, 'a')));
}

TEST(DocumentMrz, ReportsWhichCheckDigitFails) {
  Td3 t;
  t.break_number = 3;
  auto d = detect::read_mrz(t.text());
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->checks_hold());
  for (const auto& c : d->checks) EXPECT_EQ(c.ok, c.field != "document number") << c.field;
}

TEST(DocumentMrz, ExtractorKeepsAZoneWithFailedChecksAsMrzInvalid) {
  Td3 t;
  auto ms = scan("scan:\n" + t.text() + "\n");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].type, "mrz");
  EXPECT_DOUBLE_EQ(ms[0].confidence, 1.0);

  t.break_number = 3;
  ms = scan("scan:\n" + t.text() + "\n");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].type, "mrz_invalid");
  EXPECT_EQ(ms[0].value, t.joined());
  EXPECT_DOUBLE_EQ(ms[0].confidence, 0.5);
  EXPECT_THAT(ms[0].detail, ::testing::EndsWith(";number=YA1234567;nationality=ITA;birth=1990-01-01;sex=M;"
                                                "expiry=2030-01-01;failed=number"));
  t.break_composite = 1;
  ms = scan(t.text());
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_THAT(ms[0].detail, ::testing::EndsWith(";failed=number,composite"));
}

TEST(DocumentMrz, ExtractorIgnoresBlocksThatAreNotZones) {
  // Three failed checks: no zone, however MRZ-like.
  Td3 t;
  t.break_number = 3;
  t.break_composite = 1;
  std::string l2 = t.line2();
  l2[19] = l2[19] == '9' ? '0' : static_cast<char>(l2[19] + 1);  // birth date check digit
  EXPECT_TRUE(scan(t.line1() + "\n" + l2).empty());
  // The shape of a zone without its contents: no dates, no codes.
  EXPECT_TRUE(scan("P<ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQ\n"
                   "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQR")
                  .empty());
  EXPECT_TRUE(scan(std::string(44, '<') + "\n" + std::string(44, '<')).empty());
}

TEST(DocumentCheckDigit, FailedNumberCheckFiresCitingTheStatement) {
  Td3 planted;
  planted.issuer = "SDN";
  planted.surname = "BABIKIR";
  planted.given = "SARA";
  planted.number = "P01973085";
  planted.break_number = 3;
  std::vector<detect::DocumentSighting> seen = {sighting(planted, 41)};
  seen[0].document_entity.clear();  // an invalid zone has no Passport entity
  const auto found = detect::check_digit_indicators(seen);
  ASSERT_EQ(found.size(), 1u);
  const Indicator& i = found[0];
  EXPECT_EQ(i.detector, "documents.check_digit");
  EXPECT_EQ(i.title, "MRZ check digits fail on passport P01973085 (SDN), BABIKIR SARA: document number");
  EXPECT_EQ(i.subjects, std::vector<std::string>{"document-file"});
  EXPECT_DOUBLE_EQ(i.score, 0.6);
  ASSERT_EQ(i.reasons.size(), 2u);
  EXPECT_EQ(i.reasons[0].text, "the check digit of the document number does not hold (ICAO 9303 Part 3)");
  EXPECT_DOUBLE_EQ(i.reasons[0].weight, 0.6);
  EXPECT_EQ(i.reasons[0].statement_ids, std::vector<std::int64_t>{41});
  EXPECT_EQ(i.reasons[1].text, "the other check digits hold: birth date, expiry date, optional data, composite");
  EXPECT_DOUBLE_EQ(i.reasons[1].weight, 0);
}

TEST(DocumentCheckDigit, TwoFailedChecksWeighMoreAndRepeatsAreOneIndicator) {
  Td3 t;
  t.break_number = 1;
  t.break_composite = 2;
  const auto found = detect::check_digit_indicators({sighting(t, 5), sighting(t, 9)});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(found[0].score, 1 - 0.4 * 0.6, 1e-9);
  EXPECT_EQ(found[0].reasons[0].statement_ids, (std::vector<std::int64_t>{5, 9}));
  EXPECT_EQ(found[0].reasons.back().text, "the same MRZ was seen 2 times");
  EXPECT_EQ(found[0].subjects, std::vector<std::string>{"passport-ITA-YA1234567"});
}

TEST(DocumentCheckDigit, ValidZonesDoNotFire) {
  Td3 a, b;
  b.number = "YA7654321";
  auto icao = sighting(a, 1);
  icao.doc = *detect::read_mrz(kIcaoTd3);
  EXPECT_TRUE(detect::check_digit_indicators({sighting(a, 1), sighting(b, 2), icao}).empty());
}

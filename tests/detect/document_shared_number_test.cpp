// documents.shared_number: one number, two holders.
#include <gtest/gtest.h>

#include "detect/document_test_support.hpp"

using namespace corridor;
using corridor::test::sighting;
using corridor::test::Td3;

namespace {

Td3 holder(const std::string& issuer, const std::string& surname, const std::string& given,
           const std::string& number = "P02012722", const std::string& birth = "030915") {
  Td3 t;
  t.issuer = issuer;
  t.surname = surname;
  t.given = given;
  t.number = number;
  t.birth = birth;
  return t;
}

}  // namespace

TEST(DocumentSharedNumber, OneNumberUnderTwoNamesOfTwoIssuersFires) {
  const auto found =
      detect::shared_number_indicators({sighting(holder("EGY", "FATHY", "AHMED"), 11),
                                        sighting(holder("ITA", "HAMID", "AWAD", "P02012722", "940327"), 14)});
  ASSERT_EQ(found.size(), 1u);
  const Indicator& i = found[0];
  EXPECT_EQ(i.detector, "documents.shared_number");
  EXPECT_EQ(i.title, "document number P02012722 under 2 identities: FATHY AHMED (EGY); HAMID AWAD (ITA)");
  EXPECT_EQ(i.subjects, (std::vector<std::string>{"passport-EGY-P02012722", "passport-ITA-P02012722"}));
  EXPECT_DOUBLE_EQ(i.score, 0.6);
  ASSERT_EQ(i.reasons.size(), 3u);
  EXPECT_EQ(i.reasons[0].text,
            "document number P02012722 is on 2 documents whose holders differ in name or birth date, each from another "
            "issuer");
  EXPECT_EQ(i.reasons[0].statement_ids, (std::vector<std::int64_t>{11, 14}));
  EXPECT_EQ(i.reasons[1].text, "under FATHY AHMED (passport of EGY, born 2003-09-15)");
  EXPECT_EQ(i.reasons[1].statement_ids, std::vector<std::int64_t>{11});
  EXPECT_EQ(i.reasons[2].statement_ids, std::vector<std::int64_t>{14});
}

TEST(DocumentSharedNumber, OneIssuerOrAnotherBirthDateFires) {
  auto found = detect::shared_number_indicators(
      {sighting(holder("ITA", "ROSSI", "MARCO"), 1), sighting(holder("ITA", "BIANCHI", "LUCA"), 2)});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_DOUBLE_EQ(found[0].score, 0.85);

  found = detect::shared_number_indicators({sighting(holder("ITA", "ROSSI", "MARCO", "YA1234567", "900101"), 1),
                                            sighting(holder("ITA", "ROSSI", "MARCO", "YA1234567", "910101"), 2)});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].reasons[1].text, "under ROSSI MARCO (passport of ITA, born 1990-01-01)");
  EXPECT_EQ(found[0].reasons[2].text, "under ROSSI MARCO (passport of ITA, born 1991-01-01)");
}

TEST(DocumentSharedNumber, ShortNumbersAcrossStatesWeighLess) {
  const auto found = detect::shared_number_indicators(
      {sighting(holder("MLT", "BORG", "JOHN", "123071"), 1), sighting(holder("SDN", "ELAMIN", "YOUSIF", "123071"), 2)});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_DOUBLE_EQ(found[0].score, 0.35);
}

TEST(DocumentSharedNumber, TheSameHolderTwiceDoesNotFire) {
  const auto same = holder("ITA", "ROSSI", "MARCO", "YA1234567", "900101");
  auto misread = holder("ITA", "ROSSL", "MARCO", "YA1234567", "900101");            // one letter off
  auto truncated = holder("ITA", "ROSSI", "MARCO ANTONIO", "YA1234567", "900101");  // longer given names
  const auto found = detect::shared_number_indicators({sighting(same, 1), sighting(same, 2), sighting(misread, 3),
                                                       sighting(truncated, 4),
                                                       sighting(holder("ITA", "BIANCHI", "LUCA", "YA7654321"), 5)});
  EXPECT_TRUE(found.empty());
}

// documents.specimen: data of published specimens, matched exactly.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "detect/document_test_support.hpp"

using namespace corridor;
using corridor::test::sighting;
using corridor::test::Td3;

namespace {

const detect::Specimens& specimens() {
  static const auto s = detect::Specimens::load(CORRIDOR_SOURCE_DIR "/data/documents/specimens.tsv");
  return s;
}

Td3 doc(const std::string& issuer, const std::string& number, const std::string& surname = "ROSSI",
        const std::string& given = "MARCO") {
  Td3 t;
  t.issuer = issuer;
  t.number = number;
  t.surname = surname;
  t.given = given;
  return t;
}

}  // namespace

TEST(DocumentSpecimen, SpecimenNumbersOnOtherStatesDocumentsFire) {
  auto found = detect::specimen_indicators({sighting(doc("ITA", "L898902C3", "KRAYEM", "HAMZA"), 8)}, specimens());
  ASSERT_EQ(found.size(), 1u);
  const Indicator& i = found[0];
  EXPECT_EQ(i.detector, "documents.specimen");
  EXPECT_EQ(i.title, "passport L898902C3 (ITA), KRAYEM HAMZA, carries specimen data: specimen number L898902C3");
  EXPECT_DOUBLE_EQ(i.score, 0.8);
  ASSERT_EQ(i.reasons.size(), 1u);
  EXPECT_EQ(i.reasons[0].text,
            "document number L898902C3 is the number of a published specimen: ICAO Doc 9303 Part 4, TD3 passport "
            "example (ERIKSSON ANNA MARIA, Utopia); here on a document of ITA, not UTO");
  EXPECT_EQ(i.reasons[0].statement_ids, std::vector<std::int64_t>{8});

  found = detect::specimen_indicators({sighting(doc("SYR", "SPECI2014"), 4)}, specimens());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_DOUBLE_EQ(found[0].score, 0.8);
  ASSERT_EQ(found[0].reasons.size(), 1u);  // the number, not also its numbering scheme
}

TEST(DocumentSpecimen, TheSpecimenItselfAndSpecimenStyleDataFire) {
  Td3 icao = doc("UTO", "L898902C3", "ERIKSSON", "ANNA MARIA");
  auto found = detect::specimen_indicators({sighting(icao, 1)}, specimens());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].reasons.size(), 3u);  // number (of its own state), state, holder
  EXPECT_DOUBLE_EQ(found[0].reasons[0].weight, 0.9);
  EXPECT_GT(found[0].score, 0.99);

  found = detect::specimen_indicators({sighting(doc("NLD", "SPECI2021", "JANSEN", "PIET"), 2)}, specimens());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_DOUBLE_EQ(found[0].score, 0.7);

  found = detect::specimen_indicators({sighting(doc("GBR", "925076473", "UK SPECIMEN", "ANGELA ZOE"), 3)}, specimens());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NEAR(found[0].score, 1 - 0.4 * 0.4, 1e-9);  // the holder's name and the word SPECIMEN
  found = detect::specimen_indicators({sighting(doc("D", "C01X00T47", "MUSTERMANN", "ERIKA"), 3)}, specimens());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_DOUBLE_EQ(found[0].reasons[0].weight, 0.9);
}

TEST(DocumentSpecimen, NearMissesDoNotFire) {
  const auto found = detect::specimen_indicators(
      {sighting(doc("ITA", "L898902C4"), 1), sighting(doc("NLD", "SPECI201"), 2), sighting(doc("NLD", "SPEC12014"), 3),
       sighting(doc("SWE", "L898902C", "ERIKSON", "ANNA MARIA"), 4),
       sighting(doc("ITA", "YA1234567", "SPECIMENS", "JO"), 5),
       sighting(doc("D", "C01X00T48", "MUSTERMANN", "MAX"), 6)},
      specimens());
  EXPECT_TRUE(found.empty()) << found.front().title;
}

TEST(DocumentSpecimen, TheDataFileNamesASourceForEveryRow) {
  for (const auto& r : specimens().rows) EXPECT_FALSE(r.source.empty()) << r.value;
  try {
    detect::Specimens::parse("number\tL898902C3\tUTO\tICAO\nnickname\tX\t\tsomewhere\n", "s.tsv");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "s.tsv:2: kind 'nickname' is not number, number_pattern, name, name_word or state");
  }
}

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/checks.hpp"
#include "scan_helpers.hpp"

using namespace corridor::extract;
using namespace corridor::extract::testing;
using ::testing::IsEmpty;

// The specimens of ICAO 9303 (Utopia), which are published for exactly this use.
constexpr const char* kTd3 =
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
constexpr const char* kTd1 =
    "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";
constexpr const char* kTd2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";

TEST(Mrz, Td3Passport) {
  const auto ms = scan_text(std::string("scan:\n") + kTd3 + "\n");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].type, "mrz");
  EXPECT_EQ(ms[0].offset, 6u);
  EXPECT_EQ(ms[0].length, 89u);
  EXPECT_EQ(ms[0].value,
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10");
  EXPECT_EQ(ms[0].detail,
            "format=td3;doc_type=P;issuer=UTO;surname=ERIKSSON;given=ANNA MARIA;number=L898902C3;"
            "nationality=UTO;birth=1974-08-12;sex=F;expiry=2012-04-15");
}

TEST(Mrz, Td1AndTd2Cards) {
  auto ms = scan_text(kTd1);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].detail,
            "format=td1;doc_type=I;issuer=UTO;surname=ERIKSSON;given=ANNA MARIA;number=D23145890;"
            "nationality=UTO;birth=1974-08-12;sex=F;expiry=2012-04-15");
  ms = scan_text(kTd2);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].detail,
            "format=td2;doc_type=I;issuer=UTO;surname=ERIKSSON;given=ANNA MARIA;number=D23145890;"
            "nationality=UTO;birth=1974-08-12;sex=F;expiry=2012-04-15");
}

TEST(Mrz, HardNegatives) {
  std::string bad = kTd3;
  bad[bad.size() - 1] = '1';  // composite check digit
  EXPECT_THAT(of_type(bad, "mrz"), IsEmpty());
  bad = kTd3;
  bad[45 + 9] = '7';  // document number check digit
  EXPECT_THAT(of_type(bad, "mrz"), IsEmpty());
  EXPECT_THAT(of_type(std::string("X") + kTd3, "mrz"), IsEmpty());  // line longer than 44
}

TEST(Mrz, CheckDigit) {
  EXPECT_EQ(mrz_check("L898902C3"), 6);
  EXPECT_EQ(mrz_check("740812"), 2);
  EXPECT_EQ(mrz_check("ab"), -1);
}

// A zone whose check digit fails is one "mrz_invalid" over the whole zone: it outranks the
// dates and digit runs inside it, so nothing else is read from those bytes.
TEST(Mrz, FailedZoneIsOneMrzInvalidOverTheWholeZone) {
  std::string bad = kTd3;
  bad[bad.size() - 1] = '1';  // composite check digit
  const auto ms = scan_text("scan:\n" + bad + "\n");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].type, "mrz_invalid");
  EXPECT_EQ(ms[0].offset, 6u);
  EXPECT_EQ(ms[0].length, 89u);
  EXPECT_DOUBLE_EQ(ms[0].confidence, 0.5);
  EXPECT_THAT(ms[0].detail, ::testing::EndsWith(";failed=composite"));
}

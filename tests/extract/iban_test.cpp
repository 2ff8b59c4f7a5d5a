#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/checks.hpp"
#include "scan_helpers.hpp"

using namespace corridor::extract;
using namespace corridor::extract::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Iban, GroupedAndCompact) {
  const auto ms = scan_text("IBAN: DE89 3704 0044 0532 0130 00, merci");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].type, "iban");
  EXPECT_EQ(ms[0].value, "DE89370400440532013000");
  EXPECT_EQ(ms[0].offset, 6u);
  EXPECT_EQ(ms[0].length, 27u);
  EXPECT_THAT(of_type("GB82WEST12345698765432", "iban"), ElementsAre("GB82WEST12345698765432"));
  EXPECT_THAT(of_type("TN59 1000 6035 1835 9847 8831", "iban"), ElementsAre("TN5910006035183598478831"));
  EXPECT_THAT(of_type("\u062d\u0633\u0627\u0628 TR33 0006 1005 1978 6457 8413 26 \u0641\u0642\u0637", "iban"),
              ElementsAre("TR330006100519786457841326"));
}

TEST(Iban, HardNegatives) {
  EXPECT_THAT(of_type("DE89 3704 0044 0532 0130 01", "iban"), IsEmpty());  // one digit wrong
  EXPECT_THAT(of_type("DE89 3704 0044 0532 0130", "iban"), IsEmpty());     // too short for DE
  EXPECT_THAT(of_type("XX89370400440532013000", "iban"), IsEmpty());       // no such country
  EXPECT_THAT(of_type("GB82WEST123456987654321", "iban"), IsEmpty());      // glued digit
}

TEST(Iban, Mod97) {
  EXPECT_EQ(iban_mod97("GB82WEST12345698765432"), 1);
  EXPECT_NE(iban_mod97("GB82WEST12345698765433"), 1);
  EXPECT_EQ(iban_mod97("gb82"), -1);
}

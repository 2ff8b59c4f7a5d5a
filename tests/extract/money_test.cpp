#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scan_helpers.hpp"

using namespace corridor::extract;
using namespace corridor::extract::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Money, AcrossLanguagesAndForms) {
  EXPECT_THAT(of_type("\u0627\u0644\u0633\u0639\u0631 2500 \u064a\u0648\u0631\u0648", "money"), ElementsAre("2500 EUR"));
  EXPECT_THAT(of_type("\u0661\u0665\u0660\u0660 \u062f\u0648\u0644\u0627\u0631", "money"), ElementsAre("1500 USD"));
  EXPECT_THAT(of_type("\u06f8\u06f0\u06f0 \u062f\u0644\u0627\u0631", "money"), ElementsAre("800 USD"));
  EXPECT_THAT(of_type("Prix 150 000 FCFA.", "money"), ElementsAre("150000 XOF"));
  EXPECT_THAT(of_type("4 \u0622\u0644\u0627\u0641 \u064a\u0648\u0631\u0648", "money"), ElementsAre("4000 EUR"));
  EXPECT_THAT(of_type("8 \u0644\u0627\u06a9\u06be \u0631\u0648\u067e\u06d2", "money"), ElementsAre("800000 PKR"));
  EXPECT_THAT(of_type("2,500\u20ac or 4000$", "money"), ElementsAre("2500 EUR", "4000 USD"));
  EXPECT_THAT(of_type("1500 pounds", "money"), ElementsAre("1500 GBP"));
  EXPECT_THAT(of_type("3500 \u062f\u064a\u0646\u0627\u0631 \u0644\u064a\u0628\u064a", "money"), ElementsAre("3500 LYD"));
  EXPECT_THAT(of_type("8 mil d\u00f3lares", "money"), ElementsAre("8000 USD"));
  EXPECT_THAT(of_type("\u20ac1.200,50 and USD 300", "money"), ElementsAre("1200.5 EUR", "300 USD"));
  EXPECT_THAT(of_type("5 million toman", "money"), ElementsAre("50000000 IRR"));
  EXPECT_THAT(of_type("1200 USDT", "money"), ElementsAre("1200 USDT"));
}

TEST(Money, HardNegatives) {
  EXPECT_THAT(of_type("2500 km and 4000 people", "money"), IsEmpty());
  EXPECT_THAT(of_type("2500 eurovision", "money"), IsEmpty());
  EXPECT_THAT(of_type("room 12 tlf", "money"), IsEmpty());
  // A sign glued to a letter or digit after it is noise, not a price; a sign before
  // punctuation or a space still is one.
  EXPECT_THAT(of_type("code [4$x and more text", "money"), IsEmpty());
  EXPECT_THAT(of_type("serial 7\u20ac3 in the log", "money"), IsEmpty());
  EXPECT_THAT(of_type("only 4000$, cash", "money"), ElementsAre("4000 USD"));
}

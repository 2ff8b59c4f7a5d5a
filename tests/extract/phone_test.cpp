#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scan_helpers.hpp"

using namespace corridor::extract;
using namespace corridor::extract::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Phone, InternationalFormsInEveryScript) {
  EXPECT_THAT(of_type("call +218 91 234 5678 now", "phone"), ElementsAre("+218912345678"));
  EXPECT_THAT(of_type("call 00218912345678.", "phone"), ElementsAre("+218912345678"));
  EXPECT_THAT(of_type("\u0627\u062a\u0635\u0644 +\u0662\u0661\u0668\u0669\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668", "phone"),
              ElementsAre("+218912345678"));
  EXPECT_THAT(of_type("\u062a\u0645\u0627\u0633 +\u06f9\u06f8 \u06f9\u06f1\u06f2 \u06f3\u06f4\u06f5 \u06f6\u06f7\u06f8\u06f9", "phone"),
              ElementsAre("+989123456789"));
  EXPECT_THAT(of_type("\uFF0B\uFF13\uFF13\uFF16\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18", "phone"),
              ElementsAre("+33612345678"));
  EXPECT_THAT(of_type("tel (+39) 333-123-4567", "phone"), ElementsAre("+393331234567"));
}

TEST(Phone, SpacedOutAndHiddenMarks) {
  EXPECT_THAT(of_type("+ 2 1 8 9 1 2 3 4 5 6 7 8", "phone"), ElementsAre("+218912345678"));
  // LRM, ZWSP and a word joiner slipped between digits
  EXPECT_THAT(of_type("+218\u200E91\u200B234\u20605678", "phone"), ElementsAre("+218912345678"));
}

TEST(Phone, NationalFormNeedsARegion) {
  EXPECT_THAT(of_type("call 0912345678 today", "phone"), IsEmpty());
  ScanOptions ly;
  ly.region = "LY";
  const auto ms = scan_text("call 0912345678 today", ly);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].value, "+218912345678");
  EXPECT_EQ(ms[0].offset, 5u);
  EXPECT_EQ(ms[0].length, 10u);
  EXPECT_DOUBLE_EQ(ms[0].confidence, 0.9);
}

TEST(Phone, RegionGuessedFromCountryNamedNearby) {
  const auto ms = scan_text("\u0645\u0646 \u0644\u064a\u0628\u064a\u0627 \u0627\u062a\u0635\u0644 \u0660\u0669\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].value, "+218912345678");
  EXPECT_DOUBLE_EQ(ms[0].confidence, 0.6);
  EXPECT_EQ(ms[0].detail, "region=LY;region_source=guessed");
  EXPECT_THAT(of_type("depart Maroc: 0 6 6 1 - 2 3 4 5 6 7", "phone"), ElementsAre("+212661234567"));
}

TEST(Phone, TwoNumbersInOneRunAreSplit) {
  EXPECT_THAT(of_type("+218912345678 +33612345678", "phone"), ElementsAre("+218912345678", "+33612345678"));
}

TEST(Phone, HardNegatives) {
  EXPECT_THAT(of_type("+218 91 234 567", "phone"), IsEmpty());        // one digit short
  EXPECT_THAT(of_type("+216 20 123 4567", "phone"), IsEmpty());       // Tunisia has 8 digits
  EXPECT_THAT(of_type("ref A33612345678", "phone"), IsEmpty());       // glued to letters
  EXPECT_THAT(of_type("id 9933612345678123", "phone"), IsEmpty());    // part of a longer run
  EXPECT_THAT(of_type("in 2023 2024 2025 we paid", "phone"), IsEmpty());
}

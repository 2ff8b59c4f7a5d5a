// What an erasure leaves in a kept reason's text.
#include <gtest/gtest.h>

#include "app/statement_removal.hpp"

using corridor::app::scrubbed;

TEST(Scrubbed, ReplacesEveryQuoteLongestFirst) {
  EXPECT_EQ(scrubbed("Samir Tarek and Samir share +44 7400 123456; Samir pays", {"Samir", "Samir Tarek", "+44 7400 123456"}),
            "[erased] and [erased] share [erased]; [erased] pays");
}

TEST(Scrubbed, LeavesOtherTextAndIgnoresEmptyOrSelfMatchingQuotes) {
  EXPECT_EQ(scrubbed("price 1500 EUR to Lampedusa", {"", "Tripoli", "erased"}), "price 1500 EUR to Lampedusa");
  EXPECT_EQ(scrubbed("a b a", {"a"}), "[erased] b [erased]");
  EXPECT_EQ(scrubbed("", {"a"}), "");
}

TEST(Scrubbed, ANumberIsErasedInEverySpelling) {
  EXPECT_EQ(scrubbed("07400 123456 and 0044 7400 123 456 pay 2500", {"+447400123456"}), "[erased] and [erased] pay 2500");
}

// Spellings of a protected phone number in free text, found by their digits.
#include <gtest/gtest.h>

#include "core/number_spellings.hpp"

using namespace corridor;

namespace {

std::vector<std::string> quoted(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& r : number_runs(text)) out.emplace_back(text.substr(r.offset, r.length));
  return out;
}

}  // namespace

TEST(NumberSpellings, RunsAreTheNumbersAsWritten) {
  EXPECT_EQ(quoted("call +44 7400 123456 or 07400-123456, not 1500 EUR"),
            (std::vector<std::string>{"+44 7400 123456", "07400-123456"}));
  EXPECT_EQ(quoted("(0044) 7400 123 456."), (std::vector<std::string>{"(0044) 7400 123 456"}));
  EXPECT_EQ(quoted("7400 - 123456"), (std::vector<std::string>{"7400 - 123456"}));
  // Inside a word, a hash, or glued to letters: not a phone number.
  EXPECT_TRUE(quoted("ps-ab23456789cd sha 9f86d08188 12345678kg").empty());
  EXPECT_TRUE(quoted("").empty());
  EXPECT_TRUE(quoted("+").empty());
}

TEST(NumberSpellings, KeysAndSpellings) {
  EXPECT_EQ(number_key("+447400123456"), "447400123456");
  EXPECT_EQ(number_key("+44 7400 123456"), "447400123456");
  EXPECT_EQ(number_key("Samir Tarek"), "");
  EXPECT_EQ(number_key("1234"), "");  // too short to be matched in text
  const std::string key = number_key("+447400123456");
  for (std::string_view text : {"+44 7400 123456", "07400 123456", "0044-7400-123-456", "7400123456"})
    EXPECT_TRUE(spells(key, number_runs(text).at(0))) << text;
  for (std::string_view text : {"+44 7400 123457", "+33 7400 123456", "00123456"})
    EXPECT_FALSE(spells(key, number_runs(text).at(0))) << text;
  EXPECT_FALSE(spells("", number_runs("07400 123456").at(0)));
}

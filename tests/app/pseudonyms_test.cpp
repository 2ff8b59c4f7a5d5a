// Pseudonyms of values, and of a protected number however it is spelled in free text.
#include <gtest/gtest.h>

#include "app/pseudonyms.hpp"

using corridor::app::Pseudonyms;

namespace {

Pseudonyms with_secret() {
  std::array<std::uint8_t, 32> secret{};
  for (std::size_t i = 0; i < secret.size(); ++i) secret[i] = static_cast<std::uint8_t>(i * 7 + 1);
  return Pseudonyms(secret);
}

}  // namespace

TEST(Pseudonyms, EverySpellingOfAProtectedNumberReadsItsPseudonym) {
  auto p = with_secret();
  p.protect_value("+447400123456");
  const std::string ps = p.of_value("+447400123456");
  ASSERT_EQ(ps.rfind("ps-", 0), 0u);
  EXPECT_EQ(p.of_value("+44 7400 123456"), ps);
  EXPECT_EQ(p.scrub("call 07400 123456 or 0044-7400-123-456 tonight"), "call " + ps + " or " + ps + " tonight");
  // Other numbers, and prices and dates, stay.
  EXPECT_EQ(p.scrub("+44 7400 654321 asks 1500 EUR on 2023-06-15"), "+44 7400 654321 asks 1500 EUR on 2023-06-15");
  EXPECT_NE(p.of_value("Samir Tarek"), p.of_value("Samir Tarik"));
}

TEST(Pseudonyms, AWithheldNumberIsRestrictedInEverySpelling) {
  auto p = with_secret();
  p.restrict_value("+447400123456");
  EXPECT_EQ(p.scrub("ring 07400 123 456"), "ring [restricted]");
}

TEST(Pseudonyms, WithoutTheKeyNothingIdentifyingIsShown) {
  Pseudonyms p;
  p.protect_value("+447400123456");
  EXPECT_EQ(p.scrub("call 07400 123456"), "call [protected]");
}

#include <gtest/gtest.h>

#include "core/unicode.hpp"

using namespace corridor::unicode;

TEST(Unicode, FoldsDigitsOfEveryScript) {
  EXPECT_EQ(fold_digits("\u0660\u0669\u0661"), "091");           // Arabic-Indic
  EXPECT_EQ(fold_digits("\u06F0\u06F9\u06F8"), "098");           // Persian
  EXPECT_EQ(fold_digits("\u0966\u096F"), "09");                  // Devanagari
  EXPECT_EQ(fold_digits("\uFF10\uFF19"), "09");                  // fullwidth
  EXPECT_EQ(fold_digits("abc \u0627"), "abc \u0627");            // letters untouched
}

TEST(Unicode, StripsBidiAndZeroWidth) {
  EXPECT_EQ(strip_format("09\u200E1\u200B2\u2066 3\u2069\uFEFF"), "0912 3");
  EXPECT_EQ(strip_format("\u0627\u200C\u0628"), "\u0627\u0628");  // ZWNJ is Cf too
}

TEST(Unicode, NfkcUnfoldsFullwidth) {
  EXPECT_EQ(nfkc("\uFF0B\uFF12\uFF11\uFF18"), "+218");
  EXPECT_EQ(fold_for_match("\uFF0B\u0662\u200F\u0661\u0668"), "+218");
}

TEST(Unicode, IllFormedBytesBecomeReplacement) {
  EXPECT_EQ(fold_digits(std::string("1\xC3", 2)), "1\xEF\xBF\xBD");
  EXPECT_EQ(strip_format(std::string("\xFF\x00z", 3)), std::string("\xEF\xBF\xBD\x00z", 5));
  EXPECT_EQ(nfkc(""), "");
  std::string s;
  append_utf8(s, 0xD800);
  EXPECT_EQ(s, "\xEF\xBF\xBD");
}

TEST(Unicode, Utf8PrefixCutsBeforeACodePoint) {
  using corridor::unicode::utf8_prefix;
  const std::string text = "ab\u0627\u0644\u20ac";  // a b ا ل € : 1+1+2+2+3 bytes
  EXPECT_EQ(utf8_prefix(text, 100), text);
  EXPECT_EQ(utf8_prefix(text, 2), "ab");
  EXPECT_EQ(utf8_prefix(text, 3), "ab");  // inside ا
  EXPECT_EQ(utf8_prefix(text, 4), "ab\u0627");
  EXPECT_EQ(utf8_prefix(text, 8), "ab\u0627\u0644");  // inside €
  EXPECT_EQ(utf8_prefix(text, 9), text);
  EXPECT_EQ(utf8_prefix(text, 0), "");
}

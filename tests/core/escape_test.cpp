#include <gtest/gtest.h>

#include "core/escape.hpp"

using corridor::escape_name;
using corridor::is_utf8;
using corridor::unescape_name;

TEST(EscapeName, KeepsPrintableUtf8AsItIs) {
  EXPECT_EQ(escape_name("chat إيطاليا 2024.txt"), "chat إيطاليا 2024.txt");
  EXPECT_EQ(escape_name("\xEF\xBF\xBD"), "\xEF\xBF\xBD");  // a real U+FFFD stays one
  EXPECT_EQ(escape_name(""), "");
}

TEST(EscapeName, BytesThatAreNotUtf8BecomeHex) {
  EXPECT_EQ(escape_name("a\xFF" "b"), "a\\xFFb");
  EXPECT_EQ(escape_name("\xC3"), "\\xC3");                          // cut sequence
  EXPECT_EQ(escape_name("\xC0\xAF"), "\\xC0\\xAF");                 // overlong '/'
  EXPECT_EQ(escape_name("\xED\xA0\x80"), "\\xED\\xA0\\x80");        // a surrogate
  EXPECT_EQ(escape_name("\xF4\x90\x80\x80"), "\\xF4\\x90\\x80\\x80");  // above U+10FFFF
  EXPECT_EQ(escape_name("\xE2\x82"), "\\xE2\\x82");
}

TEST(EscapeName, ControlsAndBackslashAreEscaped) {
  EXPECT_EQ(escape_name("a\nb\tc\rd"), "a\\nb\\tc\\rd");
  EXPECT_EQ(escape_name("\x1B[31mred"), "\\x1B[31mred");
  EXPECT_EQ(escape_name(std::string("\x00\x7F", 2)), "\\x00\\x7F");
  EXPECT_EQ(escape_name("C:\\evidence\\x41"), "C:\\\\evidence\\\\x41");
  EXPECT_EQ(escape_name("\xC2\x85\xC2\x9B"), "\\u0085\\u009B");  // C1: NEL, CSI
  EXPECT_EQ(escape_name("invoice\xE2\x80\xAEtxt.exe"), "invoice\\u202Etxt.exe");  // RLO
  EXPECT_EQ(escape_name("\xE2\x80\xA8\xE2\x81\xA6"), "\\u2028\\u2066");
  EXPECT_EQ(escape_name("\xEF\xBF\xBE\xEF\xBF\xBF"), "\\uFFFE\\uFFFF");
}

TEST(EscapeName, RoundTripsEveryByte) {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  const std::string hostile = all + "\\x41\\\\" + "\xE2\x80\xAE\xEF\xBF\xBF\xC2\x85 إ" + all;
  for (const std::string& s : {all, hostile}) {
    const std::string e = escape_name(s);
    EXPECT_TRUE(is_utf8(e));
    for (unsigned char c : e) EXPECT_TRUE(c >= 0x20 && c != 0x7F) << static_cast<int>(c);
    EXPECT_EQ(unescape_name(e), s);
  }
}

TEST(EscapeName, UnescapeRefusesWhatEscapeNeverWrites) {
  EXPECT_EQ(unescape_name("a\\"), std::nullopt);
  EXPECT_EQ(unescape_name("\\q"), std::nullopt);
  EXPECT_EQ(unescape_name("\\xF"), std::nullopt);
  EXPECT_EQ(unescape_name("\\xfg"), std::nullopt);
  EXPECT_EQ(unescape_name("\\u202"), std::nullopt);
}

TEST(EscapeName, RecognisesUtf8) {
  EXPECT_TRUE(is_utf8("إيطاليا"));
  EXPECT_FALSE(is_utf8("\xFF"));
  EXPECT_FALSE(is_utf8("\xED\xA0\x80"));
  EXPECT_FALSE(is_utf8("\xC0\x80"));
}

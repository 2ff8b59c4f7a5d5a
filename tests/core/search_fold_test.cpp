// The spelling text is indexed and searched under.
#include <gtest/gtest.h>

#include "core/search_fold.hpp"

using corridor::search::fold;
using corridor::search::number_words;

TEST(SearchFold, ArabicVowelMarksAndTatweelAreIgnored) {
  EXPECT_EQ(fold("المَرْكَب"), "المركب");
  EXPECT_EQ(fold("مـــركب"), "مركب");
  EXPECT_EQ(fold("إِيطَالِيَا"), "ايطاليا");
}

TEST(SearchFold, AlefHamzaTehMarbutaAndPersianLettersMeetTheirArabicForms) {
  EXPECT_EQ(fold("إلى"), fold("الى"));
  EXPECT_EQ(fold("إلى"), "الي");
  EXPECT_EQ(fold("أحمد"), fold("احمد"));
  EXPECT_EQ(fold("آمنة"), "امنه");
  EXPECT_EQ(fold("کیف"), fold("كيف"));  // Persian keheh and yeh
  EXPECT_EQ(fold("قایق"), "قايق");
}

TEST(SearchFold, DigitsOfEveryScriptAndFullwidthFormsBecomeAscii) {
  EXPECT_EQ(fold("٢٥٠٠ يورو"), "2500 يورو");
  EXPECT_EQ(fold("۲۵۰۰"), "2500");  // Persian digits
  EXPECT_EQ(fold("＋４４"), "+44");
  EXPECT_EQ(fold("+44\u200e 7400"), "+44 7400");  // a bidi mark slipped in
}

TEST(SearchFold, LatinTextIsLeftForTheTokenizer) {
  EXPECT_EQ(fold("Boat leaves Friday"), "Boat leaves Friday");
  EXPECT_EQ(fold("\xff\xfe"), "\ufffd\ufffd");  // ill-formed bytes never throw
}

TEST(SearchFold, ANumberIsIndexedUnderItsKeyAndItsNationalTails) {
  const std::vector<std::string> expected{"447400123456", "47400123456", "7400123456", "400123456", "00123456"};
  EXPECT_EQ(number_words("call +44 7400 123456 now"), expected);
  EXPECT_EQ(number_words("0044-7400-123-456"), expected);
  EXPECT_TRUE(number_words("price 2500 EUR, 3 days").empty());
}

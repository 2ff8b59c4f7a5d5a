#include <gtest/gtest.h>

#include "resolve/name_keys.hpp"
#include "resolve/similarity.hpp"

using namespace corridor::resolve;

TEST(NameKeys, TransliteratesArabicAndPersianToAscii) {
  EXPECT_EQ(latin_fold("\u0645\u062D\u0645\u062F"), "mhmd");           // Arabic
  EXPECT_EQ(latin_fold("\u0645\u062D\u0645\u062F \u0631\u0636\u0627"), "mhmd rda");  // Persian
  EXPECT_EQ(latin_fold("  M\u00FCller-L\u00FCdenscheidt "), "muller ludenscheidt");
  EXPECT_EQ(latin_fold("O'Neil\u200E"), "o neil");
}

TEST(NameKeys, SkeletonMeetsAcrossScripts) {
  EXPECT_EQ(consonant_skeleton("mohammed"), "mhmd");
  EXPECT_EQ(consonant_skeleton("muhammad"), "mhmd");
  EXPECT_EQ(consonant_skeleton(latin_fold("\u0645\u062D\u0645\u062F")), "mhmd");
  EXPECT_EQ(consonant_skeleton("ahmad yousef"), "hmd sf");
}

TEST(NameKeys, Soundex) {
  EXPECT_EQ(soundex("robert"), "R163");
  EXPECT_EQ(soundex("rupert"), "R163");
  EXPECT_EQ(soundex("ashcraft"), "A261");
  EXPECT_EQ(soundex("tymczak"), "T522");
  EXPECT_EQ(soundex("muhammad"), "M530");
  EXPECT_EQ(soundex("mohammed"), "M530");
  EXPECT_EQ(soundex(""), "");
}

TEST(Similarity, JaroWinklerKnownValues) {
  EXPECT_NEAR(jaro_winkler("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(jaro_winkler("dwayne", "duane"), 0.84, 1e-4);
  EXPECT_NEAR(jaro_winkler("dixon", "dicksonx"), 0.8133, 1e-4);
  EXPECT_DOUBLE_EQ(jaro_winkler("abc", "abc"), 1.0);
  EXPECT_DOUBLE_EQ(jaro_winkler("abc", ""), 0.0);
}

TEST(Similarity, EditDistanceCountsSwapsAsOne) {
  EXPECT_EQ(edit_distance("19650113", "19651013"), 1);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(edit_distance("", "abc"), 3);
  EXPECT_EQ(edit_distance("1234567", "1234567"), 0);
}

// documents.expired: relative to the date the document was seen, never the clock.
#include <gtest/gtest.h>

#include "detect/document_test_support.hpp"

using namespace corridor;
using corridor::test::sighting;
using corridor::test::Td3;

TEST(DocumentExpiry, ExpiredWhenSeenFiresWithTheBasisOfTheDate) {
  Td3 t;
  t.surname = "ASFAHA";
  t.given = "ABRHAM";
  t.number = "YA3118382";
  t.expiry = "230615";
  const auto found = detect::expired_indicators({sighting(t, 7, "2025-08-13")});
  ASSERT_EQ(found.size(), 1u);
  const Indicator& i = found[0];
  EXPECT_EQ(i.detector, "documents.expired");
  EXPECT_EQ(i.title,
            "passport YA3118382 (ITA), ASFAHA ABRHAM, had expired when seen: expiry 2023-06-15, seen 2025-08-13");
  EXPECT_EQ(i.subjects, std::vector<std::string>{"passport-ITA-YA3118382"});
  EXPECT_DOUBLE_EQ(i.score, 0.6);
  ASSERT_EQ(i.reasons.size(), 1u);
  EXPECT_EQ(i.reasons[0].text, "expired on 2023-06-15, 2 years before 2025-08-13, the acquisition date of phone.zip");
  EXPECT_EQ(i.reasons[0].statement_ids, std::vector<std::int64_t>{7});
}

TEST(DocumentExpiry, UnexpiredUndatedAndSameDayDocumentsDoNotFire) {
  Td3 valid;  // expires 2030-01-01
  Td3 today;
  today.number = "YA0000001";
  today.expiry = "250813";
  Td3 undated;
  undated.number = "YA0000002";
  undated.expiry = "200101";
  const auto found = detect::expired_indicators(
      {sighting(valid, 1, "2025-08-13"), sighting(today, 2, "2025-08-13"), sighting(undated, 3, "")});
  EXPECT_TRUE(found.empty());
}

TEST(DocumentExpiry, OnlyTheSightingsAfterExpiryAreCited) {
  Td3 t;
  t.expiry = "250101";
  const auto found = detect::expired_indicators({sighting(t, 1, "2024-06-01"), sighting(t, 2, "2025-03-01")});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].reasons[0].statement_ids, std::vector<std::int64_t>{2});
  EXPECT_EQ(found[0].reasons[0].text.rfind("expired on 2025-01-01, 59 days before 2025-03-01", 0), 0u)
      << found[0].reasons[0].text;
  ASSERT_EQ(found[0].reasons.size(), 2u);
  EXPECT_EQ(found[0].reasons[1].statement_ids, std::vector<std::int64_t>{1});
  EXPECT_DOUBLE_EQ(found[0].reasons[1].weight, 0);
}

TEST(DocumentExpiry, TheDateAddedToTheCaseIsAWeakerBasis) {
  Td3 t;
  t.expiry = "250101";
  auto s = sighting(t, 1, "2026-11-29");
  s.reference_basis = "the date phone.zip was added to the case (no acquisition date is recorded)";
  s.reference_is_upper_bound = true;
  const auto found = detect::expired_indicators({s});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_DOUBLE_EQ(found[0].score, 0.45);  // below the default --min-score
  EXPECT_NE(found[0].reasons[0].text.find("may still have been valid when the evidence was seized"), std::string::npos);
  EXPECT_NE(found[0].title.find("seen by 2026-11-29"), std::string::npos);
}

#include <gtest/gtest.h>

#include <string>

#include "core/ids.hpp"
#include "store/entity_row_ids.hpp"

using corridor::make_entity_id;
using corridor::store::EntityRowIds;

TEST(EntityRowIds, FindsWhatWasPutAndNothingElse) {
  EntityRowIds ids;
  const std::string phone = make_entity_id("Phone", "+218912345678");
  EXPECT_EQ(ids.find(phone), 0);
  ids.put(phone, 7);
  EXPECT_EQ(ids.find(phone), 7);
  EXPECT_EQ(ids.find(make_entity_id("Phone", "+218912345679")), 0);
  ids.put(phone, 9);  // a second put replaces
  EXPECT_EQ(ids.find(phone), 9);
  EXPECT_EQ(ids.size(), 1u);
}

TEST(EntityRowIds, SameDigitsUnderTwoSchemasAreTwoEntities) {
  EntityRowIds ids;
  const std::string hex = "0123456789abcdef0123456789abcdef";
  ids.put("phone-" + hex, 1);
  ids.put("email-" + hex, 2);
  EXPECT_EQ(ids.find("phone-" + hex), 1);
  EXPECT_EQ(ids.find("email-" + hex), 2);
  EXPECT_EQ(ids.find("vessel-" + hex), 0);
}

TEST(EntityRowIds, IdsOfAnotherShapeUseTheFallback) {
  EntityRowIds ids;
  ids.put("legacy:42", 3);
  ids.put("phone-0123456789ABCDEF0123456789ABCDEF", 4);  // upper case is not our hex
  ids.put("phone-0123456789abcdef", 5);                  // too short
  EXPECT_EQ(ids.find("legacy:42"), 3);
  EXPECT_EQ(ids.find("phone-0123456789ABCDEF0123456789ABCDEF"), 4);
  EXPECT_EQ(ids.find("phone-0123456789abcdef"), 5);
  EXPECT_EQ(ids.find("legacy:43"), 0);
  EXPECT_EQ(ids.size(), 3u);
}

TEST(EntityRowIds, KeepsEveryEntryAcrossGrowth) {
  EntityRowIds ids;
  constexpr int kCount = 50000;
  for (int i = 1; i <= kCount; ++i) ids.put(make_entity_id("Message", std::to_string(i)), i);
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kCount));
  for (int i = 1; i <= kCount; ++i) ASSERT_EQ(ids.find(make_entity_id("Message", std::to_string(i))), i) << i;
  EXPECT_EQ(ids.find(make_entity_id("Message", "0")), 0);
}

#include "store/entity_row_ids.hpp"

#include <gtest/gtest.h>

#include <string>

using corridor::store::EntityRowIds;

TEST(EntityRowIds, FindsWhatWasInsertedThroughGrowthAndCollisions) {
  EntityRowIds ids;
  EXPECT_EQ(ids.find(EntityRowIds::hash("x"), "x"), 0);  // empty table
  ids.prefetch_slot(1);                                  // hints are safe on an empty table
  ids.prefetch_id(1);
  for (int i = 0; i < 5000; ++i) {
    const std::string id = "message-" + std::to_string(i);
    ids.insert(EntityRowIds::hash(id), id, i + 1);
  }
  // Five ids under one hash: only the id itself tells them apart.
  for (int i = 0; i < 5; ++i) ids.insert(42, "same-hash-" + std::to_string(i), 9000 + i);
  EXPECT_EQ(ids.size(), 5005u);
  for (int i = 0; i < 5000; i += 7) {
    const std::string id = "message-" + std::to_string(i);
    EXPECT_EQ(ids.find(EntityRowIds::hash(id), id), i + 1) << id;
  }
  for (int i = 0; i < 5; ++i) EXPECT_EQ(ids.find(42, "same-hash-" + std::to_string(i)), 9000 + i);
  EXPECT_EQ(ids.find(42, "same-hash-5"), 0);
  EXPECT_EQ(ids.find(EntityRowIds::hash("message-5000"), "message-5000"), 0);
  EXPECT_EQ(ids.find(EntityRowIds::hash("message-1"), "message-10"), 0);  // right slot, other id
}

TEST(EntityRowIds, IdLongerThanABlock) {
  EntityRowIds ids;
  const std::string small = "phone-1", large(3 << 20, 'z');
  ids.insert(EntityRowIds::hash(small), small, 1);
  ids.insert(EntityRowIds::hash(large), large, 2);
  ids.insert(EntityRowIds::hash("after"), "after", 3);
  EXPECT_EQ(ids.find(EntityRowIds::hash(large), large), 2);
  EXPECT_EQ(ids.find(EntityRowIds::hash(small), small), 1);
  EXPECT_EQ(ids.find(EntityRowIds::hash("after"), "after"), 3);
}

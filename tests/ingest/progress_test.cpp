// The ingest progress line counts records (messages, rows) next to the bytes.
#include <gtest/gtest.h>

#include "core/progress.hpp"

namespace corridor::test {
namespace {

TEST(IngestProgress, LineShowsBytesAndRecords) {
  Progress p("ingesting", 200'000'000, false, "B", "records");
  p.set(50'000'000, 120'000);
  EXPECT_EQ(p.done(), 50'000'000u);
  EXPECT_EQ(p.items(), 120'000u);
  EXPECT_EQ(p.line(2000), "ingesting                [#######                       ]  25.0%       25.0 MB/s "
                          "      120000 records      60000 records/s");
}

TEST(IngestProgress, LineWithoutItemsIsUnchanged) {
  Progress p("hashing", 1000, false);
  p.set(1000);
  EXPECT_EQ(p.line(500), "hashing                  [##############################] 100.0%        0.0 MB/s");
}

}  // namespace
}  // namespace corridor::test

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "ingest/options.hpp"
#include "ingest/reader.hpp"
#include "model/entity_keys.hpp"
#include "recording_sink.hpp"

namespace corridor::test {
namespace {

using Row = std::tuple<std::string, std::string, std::string, std::string>;

TEST(Posts, JsonLinesSchema) {
  FixtureSource f(fixture("posts/posts.jsonl"));
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->name(), "posts-jsonl");
  RecordingSink sink;
  r->read(f.src, sink);
  const std::string& sha = f.src.sha256;
  const std::string p1 = keys::record("Post", sha, "facebook:100072345678901_412345678901234");
  const std::string author = keys::account("facebook", "100072345678901");
  const std::string t1 = "2024-03-02T18:40:00.000Z";
  const std::string l1 = "post:100072345678901_412345678901234 bytes 0+347";
  EXPECT_EQ(sink.about(p1), (std::vector<Row>{
                                {"platform", "facebook", l1, t1},
                                {"author", author, l1, t1},
                                {"date", t1, l1, t1},
                                {"bodyText", "Trips to Italy every week, 3 days, WhatsApp +33 6 12 34 56 78", l1, t1},
                                {"url", "https://www.facebook.com/groups/example.travel/posts/412345678901234", l1, t1},
                                {"group", "Travel Europe Example Group", l1, t1},
                            }));
  EXPECT_EQ(sink.about(author), (std::vector<Row>{
                                    {"platform", "facebook", l1, t1},
                                    {"userId", "100072345678901", l1, t1},
                                    {"displayName", "Safe Road Travel", l1, t1},
                                    {"owner", keys::record("Person", sha, author), l1, t1},
                                }));
  const std::string p2 = keys::record("Post", sha, "telegram:example_crossings/881");
  EXPECT_EQ(sink.values(p2, "date"), std::vector<std::string>{"2024-03-03T07:15:00.000Z"});
  EXPECT_EQ(sink.values(keys::account("telegram", "-1001234567890"), "username"), std::vector<std::string>{"example_crossings"});
  const std::string p3 = keys::record("Post", sha, "facebook:100072345678901_412345678909999");
  EXPECT_EQ(sink.values(p3, "date"), std::vector<std::string>{"2024-03-04T07:00:00.000Z"});
  ASSERT_EQ(sink.units.size(), 3u);
  EXPECT_EQ(sink.units[1].about, p2);
  EXPECT_EQ(sink.units[1].unit.locator.to_string(), "post:example_crossings/881 bytes 347+311");
}

TEST(Posts, BadLineNamesFileAndLine) {
  TempDir d;
  write_file(d / "posts.jsonl",
             "{\"platform\":\"x\",\"post_id\":\"1\",\"text\":\"a\"}\n{\"platform\":\"x\",\"post_id\":\"2\",\"text\":\"b\"\n");
  FixtureSource f(d / "posts.jsonl");
  RecordingSink sink;
  try {
    ingest::pick_reader(f.src)->read(f.src, sink);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("posts.jsonl: line 2: malformed JSON", 0), 0u) << e.what();
  }
  write_file(d / "posts.jsonl", "{\"platform\":\"x\",\"post_id\":\"1\",\"time\":\"yesterday\"}\n");
  FixtureSource g(d / "posts.jsonl");
  try {
    ingest::pick_reader(g.src)->read(g.src, sink);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "posts.jsonl: line 1: malformed time 'yesterday'");
  }
}

TEST(Posts, CsvWithMapAndConstantPlatform) {
  FixtureSource f(fixture("posts/posts.csv"));
  EXPECT_EQ(ingest::pick_reader(f.src)->name(), "text");  // without --map a CSV of posts is just text
  f.src.options.column_map = ingest::parse_column_map(
      "post_id=ID, author_name=Page, author_id=Page ID, time=Created, text=Message, url=Link, platform==facebook");
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->name(), "posts-csv");
  RecordingSink sink;
  r->read(f.src, sink);
  const std::string p = keys::record("Post", f.src.sha256, "facebook:412345678901234");
  const std::string l = "post:412345678901234 bytes 37+191";
  const std::string t = "2024-03-02T18:40:00.000Z";
  EXPECT_EQ(sink.about(p), (std::vector<Row>{
                               {"platform", "facebook", l, t},
                               {"author", keys::account("facebook", "100072345678901"), l, t},
                               {"date", t, l, t},
                               {"bodyText", "Trips to Italy every week, 3 days\nWhatsApp +33 6 12 34 56 78", l, t},
                               {"url", "https://www.facebook.com/example.travel/posts/412345678901234", l, t},
                           }));
}

TEST(Posts, MapSyntax) {
  auto m = ingest::parse_column_map("a=Col One,b=x\\,y,c==const");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[1].second, "x,y");
  EXPECT_EQ(m[2].second, "=const");
  EXPECT_THROW(ingest::parse_column_map("a"), Error);
  EXPECT_THROW(ingest::parse_column_map("a=x,a=y"), Error);
  EXPECT_EQ(ingest::parse_utc_offset("+03:00"), 180);
  EXPECT_EQ(ingest::parse_utc_offset("-0430"), -270);
  EXPECT_THROW(ingest::parse_utc_offset("3"), Error);
}

}  // namespace
}  // namespace corridor::test

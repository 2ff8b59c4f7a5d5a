#include <gtest/gtest.h>

#include "core/error.hpp"
#include "ingest/reader.hpp"
#include "ingest/whatsapp_line.hpp"
#include "model/entity_keys.hpp"
#include "recording_sink.hpp"

namespace corridor::test {
namespace {

using Row = std::tuple<std::string, std::string, std::string, std::string>;

void read_all(FixtureSource& f, RecordingSink& sink) {
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->name(), "whatsapp");
  r->read(f.src, sink);
}

TEST(WhatsApp, StampShapes) {
  auto a = ingest::parse_wa_stamp("12/31/21, 10:15\xE2\x80\xAFPM - Name: hi");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->hour, 22);
  EXPECT_FALSE(a->ios);
  auto b = ingest::parse_wa_stamp("[31.12.21, 22:15:08] Name: hi");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->second, 8);
  EXPECT_TRUE(b->ios);
  auto c = ingest::parse_wa_stamp("2021-12-31 22:15 - Name: hi");
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->year_first);
  auto d = ingest::parse_wa_stamp("31/12/2021, 10:15 a.\xC2\xA0m. - Name: hi");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->hour, 10);
  EXPECT_FALSE(ingest::parse_wa_stamp("Price 12/31/21 is fine"));
  EXPECT_FALSE(ingest::parse_wa_stamp("12/31/21, 13:15 PM - Name: hi"));
}

TEST(WhatsApp, AndroidTwelveHourMonthFirst) {
  FixtureSource f(fixture("whatsapp/WhatsApp Chat with Samir Tarek.txt"));
  RecordingSink sink;
  read_all(f, sink);
  const std::string& sha = f.src.sha256;
  const std::string samir = keys::record("UserAccount", sha, "whatsapp:Samir Tarek");
  const std::string caller = keys::account("whatsapp", "+447400123456");
  const std::string m2 = keys::record("Message", sha, "line:2");
  const std::string t2 = "2023-06-14T23:05:00.000Z";
  const std::string l2 = "line:2 bytes 162+77";
  EXPECT_EQ(sink.about(m2), (std::vector<Row>{
                                {"platform", "whatsapp", l2, t2},
                                {"chat", "Samir Tarek", l2, t2},
                                {"sender", samir, l2, t2},
                                {"date", t2, l2, t2},
                                {"bodyText", "Boat leaves Thursday from the north beach", l2, t2},
                            }));
  for (const auto& s : sink.statements)
    if (s.entity_id == m2 && s.property == "date") {
      EXPECT_EQ(s.original_value, "6/14/23, 11:05\xE2\x80\xAFPM");
    }
  const std::string m3 = keys::record("Message", sha, "line:3");
  EXPECT_EQ(sink.values(m3, "bodyText"), std::vector<std::string>{"Price is 2500 EUR per person\nhalf now, half on arrival"});
  EXPECT_EQ(sink.about(m3)[0], (Row{"platform", "whatsapp", "line:3 bytes 239+90", t2}));
  const std::string m5 = keys::record("Message", sha, "line:5");
  EXPECT_EQ(sink.values(m5, "sender"), std::vector<std::string>{caller});
  EXPECT_EQ(sink.values(caller, "userId"), std::vector<std::string>{"+447400123456"});
  EXPECT_EQ(sink.values(keys::phone("+447400123456"), "number"), std::vector<std::string>{"+447400123456"});
  EXPECT_TRUE(sink.values(caller, "owner").empty());  // a number is not a name
  const std::string m6 = keys::record("Message", sha, "line:6");
  EXPECT_EQ(sink.values(m6, "attachment"), std::vector<std::string>{"IMG-20230614-WA0003.jpg"});
  EXPECT_EQ(sink.values(m6, "bodyText"), std::vector<std::string>{"the boat"});
  const std::string m8 = keys::record("Message", sha, "line:8");
  EXPECT_EQ(sink.values(m8, "date"), std::vector<std::string>{"2023-06-15T09:30:00.000Z"});
  EXPECT_EQ(sink.find_entity(keys::record("Message", sha, "line:1")), nullptr);
  ASSERT_FALSE(sink.units.empty());
  EXPECT_EQ(sink.units[0].about, "");  // the system line, still scanned
  EXPECT_EQ(sink.units[0].unit.locator.to_string(), "line:1 bytes 0+162");
  EXPECT_EQ(sink.values(keys::record("Person", sha, samir), "name"), std::vector<std::string>{"Samir Tarek"});
}

TEST(WhatsApp, IosDayFirstWithMarksAndAttachments) {
  FixtureSource f(fixture("whatsapp/_chat.txt"));
  RecordingSink sink;
  read_all(f, sink);
  const std::string& sha = f.src.sha256;
  EXPECT_EQ(sink.find_entity(keys::record("Message", sha, "line:1")), nullptr);
  EXPECT_EQ(sink.find_entity(keys::record("Message", sha, "line:2")), nullptr);
  const std::string m3 = keys::record("Message", sha, "line:3");
  EXPECT_EQ(sink.values(m3, "date"), std::vector<std::string>{"2023-06-14T23:05:40.000Z"});
  EXPECT_EQ(sink.about(m3)[0], (Row{"platform", "whatsapp", "line:3 bytes 246+87", "2023-06-14T23:05:40.000Z"}));
  const std::string m4 = keys::record("Message", sha, "line:4");
  EXPECT_EQ(sink.values(m4, "sender"), std::vector<std::string>{keys::account("whatsapp", "+447400123456")});
  EXPECT_EQ(sink.values(m4, "attachment"), std::vector<std::string>{"00000012-PHOTO-2023-06-14-23-06-02.jpg"});
  EXPECT_TRUE(sink.values(m4, "bodyText").empty());
  const std::string m5 = keys::record("Message", sha, "line:5");
  EXPECT_EQ(sink.values(m5, "bodyText"), std::vector<std::string>{"Received.\nThank you"});
  EXPECT_EQ(sink.about(m5)[0], (Row{"platform", "whatsapp", "line:5 bytes 434+51", "2023-06-14T23:07:15.000Z"}));
}

TEST(WhatsApp, ArabicIndicDigitsAndRtlMarks) {
  FixtureSource f(fixture("whatsapp/arabic.txt"));
  RecordingSink sink;
  read_all(f, sink);
  const std::string& sha = f.src.sha256;
  const std::string m1 = keys::record("Message", sha, "line:1");
  EXPECT_EQ(sink.values(m1, "date"), std::vector<std::string>{"2023-06-14T23:05:00.000Z"});
  EXPECT_EQ(sink.values(m1, "bodyText"), std::vector<std::string>{"المركب يغادر الخميس"});
  EXPECT_EQ(sink.values(m1, "sender"), std::vector<std::string>{keys::record("UserAccount", sha, "whatsapp:سمير")});
  const std::string m2 = keys::record("Message", sha, "line:2");
  EXPECT_EQ(sink.values(m2, "date"), std::vector<std::string>{"2023-06-15T09:30:00.000Z"});
  EXPECT_EQ(sink.values(m2, "sender"), std::vector<std::string>{keys::account("whatsapp", "+447400123456")});
}

TEST(WhatsApp, ZoneFromOptions) {
  FixtureSource f(fixture("whatsapp/arabic.txt"));
  f.src.options.utc_offset_minutes = 120;
  RecordingSink sink;
  read_all(f, sink);
  EXPECT_EQ(sink.values(keys::record("Message", f.src.sha256, "line:1"), "date"),
            std::vector<std::string>{"2023-06-14T21:05:00.000Z"});
}

TEST(WhatsApp, MalformedDateNamesFileAndLine) {
  FixtureSource f(fixture("whatsapp/bad_date.txt"));
  RecordingSink sink;
  try {
    read_all(f, sink);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "bad_date.txt: line 2: malformed date '31/13/2023, 23:06'");
  }
  TempDir d;
  write_file(d / "chat.txt", "14/06/2023, 23:05 - A: x\n14/06/2023, 25:06 - A: y\n");
  FixtureSource g(d / "chat.txt");
  try {
    read_all(g, sink);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "chat.txt: line 2: malformed date '14/06/2023, 25:06'");
  }
}

// A message over 4 MiB keeps its first 4 MiB (cut between characters, never inside one);
// the rest is not stored but reported, with the file and line.
TEST(WhatsApp, MessageOverFourMiBIsCutAtACharacterAndReported) {
  TempDir d;
  std::string first = "x";  // one byte, so the 4 MiB border falls inside a two-byte character
  for (int i = 0; i < 3'000'000; ++i) first += "\xC3\xA9";
  write_file(d / "chat.txt", "12/06/2023, 21:14 - Samir: " + first + "\ntail line\n12/06/2023, 21:15 - Samir: next\n");
  FixtureSource f(d / "chat.txt");
  RecordingSink sink;
  read_all(f, sink);
  const std::string m1 = keys::record("Message", f.src.sha256, "line:1");
  const auto body = sink.values(m1, "bodyText");
  ASSERT_EQ(body.size(), 1u);
  EXPECT_EQ(body[0].size(), (4u << 20) - 1);
  EXPECT_EQ(body[0], first.substr(0, (4u << 20) - 1));
  EXPECT_EQ(sink.values(keys::record("Message", f.src.sha256, "line:3"), "bodyText"), std::vector<std::string>{"next"});
  const std::uint64_t dropped = first.size() - ((4u << 20) - 1) + std::string("\ntail line").size();
  ASSERT_EQ(sink.left.size(), 1u);
  EXPECT_EQ(sink.left[0].item, "chat.txt: line 1");
  EXPECT_EQ(sink.left[0].reason, "message longer than 4 MiB: its first 4194303 bytes kept, " + std::to_string(dropped) +
                                     " bytes not (they stay in the file, within the locator)");
}

}  // namespace
}  // namespace corridor::test

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "ingest/reader.hpp"
#include "model/entity_keys.hpp"
#include "recording_sink.hpp"

namespace corridor::test {
namespace {

using Row = std::tuple<std::string, std::string, std::string, std::string>;

TEST(Telegram, PickedFromContent) {
  FixtureSource f(fixture("telegram/result.json"), "export.bin");
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->name(), "telegram");
}

TEST(Telegram, MessagesAccountsAndLocators) {
  FixtureSource f(fixture("telegram/result.json"));
  RecordingSink sink;
  ingest::pick_reader(f.src)->read(f.src, sink);
  const std::string& sha = f.src.sha256;
  const std::string m101 = keys::record("Message", sha, "5012345678:101");
  const std::string m103 = keys::record("Message", sha, "5012345678:103");
  const std::string m104 = keys::record("Message", sha, "5012345678:104");
  const std::string samir = keys::account("telegram", "user5012345678");
  const std::string nour = keys::account("telegram", "user6098765432");
  EXPECT_EQ(samir, "useraccount-" + samir.substr(12));
  EXPECT_EQ(sink.find_entity(keys::record("Message", sha, "5012345678:102")), nullptr);  // service

  const std::string t101 = "2023-06-14T21:05:12.000Z";
  const std::string loc101 = "message:101 bytes 88+394";
  EXPECT_EQ(sink.about(m101), (std::vector<Row>{
                                  {"platform", "telegram", loc101, t101},
                                  {"chat", "Samir Tarek", loc101, t101},
                                  {"sender", samir, loc101, t101},
                                  {"date", t101, loc101, t101},
                                  {"bodyText", "Boat leaves Thursday, call +33 612 345 678", loc101, t101},
                              }));
  EXPECT_EQ(sink.about(samir), (std::vector<Row>{
                                   {"platform", "telegram", loc101, t101},
                                   {"userId", "user5012345678", loc101, t101},
                                   {"displayName", "Samir Tarek", loc101, t101},
                                   {"owner", keys::record("Person", sha, samir), loc101, t101},
                               }));
  const std::string person = keys::record("Person", sha, samir);
  ASSERT_EQ(sink.values(person, "name"), std::vector<std::string>{"Samir Tarek"});
  for (const auto& s : sink.statements)
    if (s.schema == "Person" || s.property == "owner") {
      EXPECT_EQ(s.kind, StatementKind::Assessment);
      EXPECT_LT(s.confidence, 1.0);
    } else {
      EXPECT_EQ(s.kind, StatementKind::Fact);
      EXPECT_EQ(s.prov.extractor, "telegram@1");
      EXPECT_EQ(s.prov.evidence_sha256, sha);
    }

  const std::string t103 = "2023-06-14T21:07:30.000Z";
  const std::string loc103 = "message:103 bytes 751+753";
  EXPECT_EQ(sink.values(m103, "sender"), std::vector<std::string>{nour});
  EXPECT_EQ(sink.values(m103, "recipients"), std::vector<std::string>{samir});
  EXPECT_EQ(sink.values(m103, "inReplyTo"), std::vector<std::string>{m101});
  EXPECT_EQ(sink.values(m103, "bodyText"), std::vector<std::string>{"How much? See the list and ask @example_agent"});

  EXPECT_EQ(sink.values(m104, "forwardedFrom"), std::vector<std::string>{"Crossings Channel"});
  EXPECT_EQ(sink.values(m104, "attachment"), std::vector<std::string>{"photos/photo_1@14-06-2023_23-08-10.jpg"});
  EXPECT_EQ(sink.values(m104, "bodyText"), std::vector<std::string>{"السعر ٢٥٠٠ يورو"});

  // Text units: one per body, plus the hidden href of the text_link.
  ASSERT_EQ(sink.units.size(), 4u);
  EXPECT_EQ(sink.units[0].unit.locator.to_string(), loc101);
  EXPECT_EQ(sink.units[0].about, m101);
  EXPECT_EQ(sink.units[1].unit.text, "How much? See the list and ask @example_agent");
  EXPECT_EQ(sink.units[2].unit.text, "https://t.me/example_crossings");
  EXPECT_EQ(sink.units[2].unit.locator.to_string(), "message:103/href bytes 751+753");
  EXPECT_EQ(sink.units[2].about, m103);
  EXPECT_EQ(sink.units[3].about, m104);
  (void)t103;
  (void)loc103;
}

TEST(Telegram, TruncatedJsonNamesFileAndByte) {
  FixtureSource f(fixture("telegram/truncated.json"), "result.json");
  RecordingSink sink;
  try {
    ingest::pick_reader(f.src)->read(f.src, sink);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "result.json: byte 2000: truncated JSON: the file ends inside the object that starts at byte 1508");
  }
}

TEST(Telegram, MalformedMessageNamesByte) {
  TempDir d;
  write_file(d / "result.json", R"({"name":"x","type":"personal_chat","id":1,"messages":[{"id":1,"type":"message","text":tru}]})");
  FixtureSource f(d / "result.json");
  RecordingSink sink;
  try {
    ingest::pick_reader(f.src)->read(f.src, sink);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("result.json: byte 54: malformed message", 0), 0u) << e.what();
  }
}

TEST(Telegram, FullExportChatsAndOwner) {
  TempDir d;
  write_file(d / "result.json", R"({
 "about": "Here is the data you requested.",
 "personal_information": {"user_id": 6098765432, "first_name": "Nour", "phone_number": "+44 7400 123456"},
 "chats": {"about": "chats", "list": [
  {"name": "Samir Tarek", "type": "personal_chat", "id": 5012345678, "messages": [
   {"id": 7, "type": "message", "date": "2023-01-02T10:00:00", "date_unixtime": "1672653600",
    "from": "Samir Tarek", "from_id": "user5012345678", "text": "hi"}]},
  {"name": "Route group", "type": "private_group", "id": 777, "messages": [
   {"id": 7, "type": "message", "date": "2023-01-02T11:00:00", "date_unixtime": "1672657200",
    "from": "Nour", "from_id": "user6098765432", "text": "ok"}]}
 ]}
})");
  FixtureSource f(d / "result.json");
  RecordingSink sink;
  ingest::pick_reader(f.src)->read(f.src, sink);
  const std::string a = keys::record("Message", f.src.sha256, "5012345678:7");
  const std::string b = keys::record("Message", f.src.sha256, "777:7");
  EXPECT_EQ(sink.values(a, "recipients"), std::vector<std::string>{keys::account("telegram", "user6098765432")});
  EXPECT_EQ(sink.values(b, "chat"), std::vector<std::string>{"Route group"});
  EXPECT_TRUE(sink.values(b, "recipients").empty());
}

}  // namespace
}  // namespace corridor::test

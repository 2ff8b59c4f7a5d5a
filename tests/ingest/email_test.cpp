#include <gtest/gtest.h>

#include "ingest/mime.hpp"
#include "ingest/reader.hpp"
#include "model/entity_keys.hpp"
#include "recording_sink.hpp"

namespace corridor::test {
namespace {

using Row = std::tuple<std::string, std::string, std::string, std::string>;

TEST(Email, EmlHeadersBodiesAndAttachment) {
  FixtureSource f(fixture("email/offer.eml"));
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->name(), "email");
  RecordingSink sink;
  r->read(f.src, sink);
  const std::string& sha = f.src.sha256;
  const std::string id = keys::record("Message", sha, "email:20230614210512.4f2a@mail.example.com");
  const std::string loc = "message:20230614210512.4f2a@mail.example.com bytes 0+" + std::to_string(f.src.size);
  const std::string t = "2023-06-14T21:05:12.000Z";
  const std::string samir = keys::email("samir.tarek@example.com");
  EXPECT_EQ(sink.about(id), (std::vector<Row>{
                                {"platform", "email", loc, t},
                                {"sender", samir, loc, t},
                                {"recipients", keys::email("nour.example@example.org"), loc, t},
                                {"recipients", keys::email("agent.paris@example.net"), loc, t},
                                {"recipients", keys::email("office@example.net"), loc, t},
                                {"date", t, loc, t},
                                {"subject", "Départ jeudi - list", loc, t},
                                {"messageId", "20230614210512.4f2a@mail.example.com", loc, t},
                                {"inReplyTo", keys::record("Message", sha, "email:20230613080000.1111@mail.example.org"), loc, t},
                                {"bodyText", "Départ jeudi. Deposit to IBAN DE89 3704 0044 0532 0130 00, call +33 6 12 34 56 78.", loc, t},
                                {"attachment", "route.txt", loc, t},
                            }));
  EXPECT_EQ(sink.values(samir, "email"), std::vector<std::string>{"samir.tarek@example.com"});
  EXPECT_EQ(sink.values(keys::record("Person", sha, samir), "name"), std::vector<std::string>{"Samir Tarek"});
  EXPECT_EQ(sink.values(keys::record("Person", sha, keys::email("agent.paris@example.net")), "name"),
            std::vector<std::string>{"Agent, Paris"});
  ASSERT_EQ(sink.children.size(), 1u);
  EXPECT_EQ(sink.children[0].name, "route.txt");  // "../../" dropped
  EXPECT_EQ(sink.children[0].bytes, "Zuwara -> Lampedusa, Thursday 02:00\n");
  ASSERT_EQ(sink.units.size(), 1u);
  EXPECT_EQ(sink.units[0].about, id);
}

TEST(Email, MboxMessagesWithByteRanges) {
  FixtureSource f(fixture("email/inbox.mbox"));
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->name(), "email");
  RecordingSink sink;
  r->read(f.src, sink);
  const std::string& sha = f.src.sha256;
  const std::string a = keys::record("Message", sha, "email:a1@example.com");
  const std::string b = keys::record("Message", sha, "email:2");
  EXPECT_EQ(sink.about(a)[0], (Row{"platform", "email", "message:a1@example.com bytes 0+253", "2023-06-14T21:05:12.000Z"}));
  EXPECT_EQ(sink.values(a, "bodyText"), std::vector<std::string>{"Price 2500 EUR.\nFrom the beach at night."});
  EXPECT_EQ(sink.about(b)[0], (Row{"platform", "email", "message:2 bytes 253+219", "2023-06-15T08:00:00.000Z"}));
  EXPECT_EQ(sink.values(b, "inReplyTo"), std::vector<std::string>{a});
  EXPECT_EQ(sink.values(b, "recipients"), std::vector<std::string>{keys::email("samir.tarek@example.com")});
}

TEST(Email, MimePieces) {
  EXPECT_EQ(ingest::mime::decode_words("=?ISO-8859-1?Q?Fran=E7ois?= =?UTF-8?B?w6k=?="), "Françoisé");
  EXPECT_FALSE(ingest::mime::parse_date("Wed, 31 Feb 2023 10:00:00 +0000"));
  EXPECT_EQ(*ingest::mime::parse_date("14 Jun 2023 23:05 -0100"), 1686787500000);
  auto parts = ingest::mime::split_multipart("pre\n--b\nA: 1\n\nx\n--b\n\ny\n--b--\n", "b");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "A: 1\n\nx");
}

}  // namespace
}  // namespace corridor::test

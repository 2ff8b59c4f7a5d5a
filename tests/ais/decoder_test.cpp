// Decoder unit tests: exact field values for each message type Corridor decodes fully,
// and every kind of bad input counted by reason.
#include <gtest/gtest.h>

#include <string>

#include "ais/json_writer.hpp"
#include "ais/nmea_reader.hpp"

using namespace corridor::ais;

namespace {

// "!AIVDM,..." with its correct checksum appended, for hand-made sentences.
std::string with_sum(std::string_view sentence) {
  char sum[4];
  std::snprintf(sum, sizeof sum, "*%02X", nmea_checksum(sentence.substr(1)));
  return std::string(sentence) + sum;
}

// Decodes lines; returns the JSON of the last message (unscaled unless asked).
std::string decode_json(std::initializer_list<std::string_view> lines, bool scaled = false) {
  NmeaReader r;
  std::string out;
  for (auto l : lines)
    if (const Decoded* d = r.feed_line(l, 0)) {
      out.clear();
      append_json(*d, JsonOptions{.scaled = scaled}, out);
    }
  return out;
}

TEST(NmeaSentence, ParsesFieldsAndTagBlock) {
  NmeaSentence s;
  ASSERT_EQ(parse_sentence("\\s:rORBCOMM000,c:1241544035*4A\\!AIVDM,1,1,,B,13KG`rU0001VpuNG?RTsHCNh0@0l,0*1A\r\n", s),
            Reject::kBadTagBlock);  // checksum of that tag block is not 4A
  const std::string body = "s:r3669961,c:1241544035";
  char sum[3];
  std::snprintf(sum, sizeof sum, "%02X", nmea_checksum(body));
  const std::string line = "\\" + body + "*" + sum + "\\!AIVDM,1,1,,B,13KG`rU0001VpuNG?RTsHCNh0@0l,0*1A";
  ASSERT_EQ(parse_sentence(line, s), Reject::kBadChecksum);
  const std::string good = "\\" + body + "*" + sum + "\\!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";
  ASSERT_EQ(parse_sentence(good, s), Reject::kNone);
  EXPECT_EQ(s.tag.source, "r3669961");
  EXPECT_EQ(*s.tag.unix_millis, 1241544035000);
  EXPECT_EQ(s.channel, 'A');
  EXPECT_EQ(s.fragment_count, 1);
  EXPECT_EQ(s.sequence_id, -1);
  EXPECT_EQ(s.payload, "15RTgt0PAso;90TKcjM8h6g208CQ");
  EXPECT_FALSE(s.own_vessel);
}

TEST(NmeaSentence, RejectsByReason) {
  NmeaSentence s;
  EXPECT_EQ(parse_sentence("$GPGSA,A,3,11,32,14,28,22,03,10,08,17,,,,2.02,1.03,1.74*00", s), Reject::kNotAis);
  EXPECT_EQ(parse_sentence("garbage", s), Reject::kNotAis);
  EXPECT_EQ(parse_sentence("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0", s), Reject::kNoChecksum);
  EXPECT_EQ(parse_sentence("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B", s), Reject::kBadChecksum);
  EXPECT_EQ(parse_sentence(with_sum("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ"), s), Reject::kMalformed);
  EXPECT_EQ(parse_sentence(with_sum("!AIVDM,2,3,,A,15RT,0"), s), Reject::kMalformed);
  EXPECT_EQ(parse_sentence(with_sum("!AIVDM,1,1,,A,15RT,7"), s), Reject::kBadFillBits);
  EXPECT_EQ(parse_sentence(with_sum("!AIVDM,1,1,,A,15RT,"), s), Reject::kBadFillBits);
  EXPECT_EQ(parse_sentence(with_sum("!AIVDM,1,1,,A,15RT,0,extra"), s), Reject::kMalformed);
  EXPECT_EQ(parse_sentence(with_sum("!AIVDM,1,1,12,A,15RT,0"), s), Reject::kMalformed);
  EXPECT_EQ(parse_sentence(with_sum("!AIVDO,1,1,,,15RT,0"), s), Reject::kNone);
  EXPECT_TRUE(s.own_vessel);
  EXPECT_EQ(parse_sentence(with_sum("!BSVDM,1,1,,2,15RT,0"), s), Reject::kNone);
  EXPECT_EQ(s.talker[0], 'B');
  EXPECT_EQ(s.channel, '2');
  EXPECT_EQ(parse_sentence("\\c:12*", s), Reject::kBadTagBlock);
  EXPECT_EQ(parse_sentence("", s), Reject::kNotAis);
}

TEST(Decoder, Type1AllFields) {
  const std::string j = decode_json({"!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A"});
  EXPECT_EQ(j,
            "{\"class\":\"AIS\",\"type\":1,\"repeat\":0,\"mmsi\":371798000,\"scaled\":false,\"status\":0,"
            "\"status_text\":\"Under way using engine\",\"turn\":-127,\"speed\":123,\"accuracy\":true,"
            "\"lon\":-74037230,\"lat\":29028980,\"course\":2240,\"heading\":215,\"second\":33,\"maneuver\":0,"
            "\"raim\":false,\"radio\":34017}\n");
  const std::string s = decode_json({"!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A"}, true);
  EXPECT_NE(s.find("\"lon\":-123.3953833,\"lat\":48.3816333,\"course\":224.0"), std::string::npos) << s;
  EXPECT_NE(s.find("\"turn\":\"fastleft\",\"speed\":12.3"), std::string::npos) << s;
}

TEST(Decoder, NotAvailableValuesAreAbsent) {
  NmeaReader r;
  const Decoded* d = r.feed_line("!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42", 0);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->mmsi, 440348000u);
  EXPECT_FALSE(d->heading.has_value());  // 511
  EXPECT_EQ(d->find("turn")->present, false);  // -128
  ASSERT_TRUE(d->speed.has_value());
  EXPECT_DOUBLE_EQ(*d->speed, 0.0);
  EXPECT_NEAR(*d->lat, 43.08015, 1e-9);
  EXPECT_NEAR(*d->lon, -70.7582, 1e-9);
  std::string j;
  append_json(*d, {}, j);
  EXPECT_EQ(j.find("heading"), std::string::npos);
  EXPECT_EQ(j.find("turn"), std::string::npos);
}

TEST(Decoder, Type5MultiSentenceWithAtPadding) {
  NmeaReader r;
  EXPECT_EQ(r.feed_line("!AIVDM,2,1,9,B,55R3Vn82=ILTQ3KKS>1<D60Dq@E918U<F222221J1`?164vc03S1CCAD,0*2A", 0), nullptr);
  const Decoded* d = r.feed_line("!AIVDM,2,2,9,B,`88888888888880,2*76", 80);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->type, 5);
  EXPECT_EQ(d->mmsi, 371255000u);
  EXPECT_EQ(*d->imo, 9266633u);
  EXPECT_EQ(d->callsign, "HP6683");
  EXPECT_EQ(d->shipname, "SEA ENTERPRISE");
  EXPECT_EQ(d->destination, "LEMMER");
  EXPECT_EQ(*d->shiptype, 90);
  EXPECT_EQ(*d->to_bow, 13);
  EXPECT_EQ(*d->to_stern, 15);
  EXPECT_DOUBLE_EQ(*d->draught, 1.4);
  EXPECT_EQ(d->locator.line, 1u);
  EXPECT_EQ(d->locator.last_line, 2u);
  EXPECT_EQ(d->locator.byte_offset, 0u);
  EXPECT_EQ(d->locator.byte_length, 80u + 35u);
  std::string j;
  append_json(*d, JsonOptions{.scaled = false}, j);
  EXPECT_NE(j.find("\"eta\":\"03-29T11:00Z\",\"draught\":14,\"destination\":\"LEMMER\",\"dte\":0"), std::string::npos) << j;
}

TEST(Decoder, Type4Timestamp) {
  EXPECT_NE(decode_json({"!AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0*4D"})
                .find("\"timestamp\":\"2007-05-14T19:57:39Z\",\"accuracy\":true,\"lon\":-45811417,\"lat\":22130260,"
                      "\"epfd\":7,\"epfd_text\":\"Surveyed\""),
            std::string::npos);
}

TEST(Decoder, Type18And24AndAuxiliaryCraft) {
  NmeaReader r;
  const Decoded* a = r.feed_line("!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D", 0);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->part, 0);
  EXPECT_EQ(a->shipname, "PROGUY");
  const Decoded* b = r.feed_line("!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40", 0);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->part, 1);
  EXPECT_EQ(b->callsign, "TC6163");
  EXPECT_EQ(*b->shiptype, 60);
  EXPECT_EQ(*b->to_stern, 15);
  EXPECT_EQ(*b->to_starboard, 5);
  EXPECT_FALSE(b->mothership_mmsi.has_value());
}

TEST(Decoder, Type27LongRange) {
  NmeaReader r;
  const Decoded* d = r.feed_line("!AIVDM,1,1,,B,Kk`kDpu@;LkmU0Ot,0*20", 0);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->type, 27);
  EXPECT_EQ(d->repeat, 3);
  EXPECT_EQ(d->mmsi, 244110563u);
  EXPECT_EQ(*d->status, 5);
  EXPECT_DOUBLE_EQ(*d->lat, 31434 / 600.0);
  EXPECT_DOUBLE_EQ(*d->lon, 2931 / 600.0);
  EXPECT_DOUBLE_EQ(*d->speed, 0.0);
  EXPECT_FALSE(d->course.has_value());  // 511 = not available
}

TEST(Decoder, Type18ClassB) {
  EXPECT_EQ(decode_json({"!AIVDM,1,1,,A,B3KLehP0B@LTN6`Vl;rrBE063P06,0*5A"}),
            "{\"class\":\"AIS\",\"type\":18,\"repeat\":0,\"mmsi\":230108610,\"scaled\":false,\"reserved\":0,"
            "\"speed\":73,\"accuracy\":false,\"lon\":14978829,\"lat\":36098238,\"course\":2980,\"heading\":298,"
            "\"second\":0,\"regional\":0,\"cs\":true,\"display\":true,\"dsc\":false,\"band\":false,\"msg22\":false,"
            "\"assigned\":false,\"raim\":false,\"radio\":917510}\n");
}

TEST(Reader, BadInputCountedNeverCrashes) {
  NmeaReader r;
  const std::string orphan = with_sum("!AIVDM,2,2,3,A,`88888888888880,2");
  const std::string truncated = with_sum("!AIVDM,1,1,,A,15RTgt,0");
  const std::string unfinished = with_sum("!AIVDM,2,1,4,A,55R3Vn82=ILTQ3KKS>1<D60Dq@E918U<F222221J1`?164vc03S1CCAD,0");
  const std::string badchar = with_sum("!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208C!,0");
  const std::string unknown = with_sum("!AIVDM,1,1,,A,w5RTgt0PAso;90TKcjM8h6g208CQ,0");
  const std::string toomanyfill = with_sum("!AIVDM,1,1,,A,,5");
  const char* lines[] = {
      "# comment",
      "",
      "$GPGLL,5250.53799,N,00542.34922,E,214008.00,A,A*6B",
      "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B",        // bad checksum
      "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0",           // no checksum
      orphan.c_str(),       // part 2 without part 1
      truncated.c_str(),    // type 1 of 36 bits
      "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A",  // good
      badchar.c_str(),
      unknown.c_str(),      // type 63
      toomanyfill.c_str(),  // 5 fill bits of an empty payload
      unfinished.c_str(),   // part 1 of 2, stream ends
  };
  std::uint64_t off = 0;
  int decoded = 0;
  for (const char* l : lines) {
    if (r.feed_line(l, off)) ++decoded;
    off += std::string_view(l).size() + 1;
  }
  r.finish();
  EXPECT_EQ(decoded, 1);
  const auto& st = r.stats();
  EXPECT_EQ(st.lines, 12u);
  EXPECT_EQ(st.skipped, 2u);
  EXPECT_EQ(st.rejects[Reject::kNotAis], 1u);
  EXPECT_EQ(st.rejects[Reject::kBadChecksum], 1u);
  EXPECT_EQ(st.rejects[Reject::kNoChecksum], 1u);
  EXPECT_EQ(st.rejects[Reject::kOrphanFragment], 2u);
  EXPECT_EQ(st.rejects[Reject::kTruncatedPayload], 1u);
  EXPECT_EQ(st.rejects[Reject::kBadPayloadChar], 1u);
  EXPECT_EQ(st.rejects[Reject::kUnknownType], 1u);
  EXPECT_EQ(st.rejects[Reject::kBadFillBits], 1u);
  EXPECT_EQ(st.rejects.total(), 9u);
}

TEST(Payload, BitsAndText) {
  Payload p;
  ASSERT_EQ(p.append_armoured("0w"), Reject::kNone);  // 000000 111111
  EXPECT_EQ(p.size_bits(), 12u);
  EXPECT_EQ(p.get_unsigned(0, 6), 0u);
  EXPECT_EQ(p.get_unsigned(6, 6), 63u);
  EXPECT_EQ(p.get_signed(6, 6), -1);
  EXPECT_EQ(p.get_unsigned(10, 6), 0b110000u);  // bits past the end read as zero
  EXPECT_EQ(p.drop_fill_bits(2), Reject::kNone);
  EXPECT_EQ(p.get_unsigned(6, 6), 0b111100u);
  Payload q;
  EXPECT_EQ(q.append_armoured("0X"), Reject::kBadPayloadChar);
  std::string big(Payload::kMaxChars + 1, '0');
  Payload z;
  EXPECT_EQ(z.append_armoured(big), Reject::kPayloadTooLong);
}

}  // namespace

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "ais/events.hpp"
#include "ais/nmea_reader.hpp"
#include "ais/track.hpp"
#include "ais/vessel_records.hpp"
#include "core/time.hpp"
#include "demo/ais_encoder.hpp"
#include "demo_case.hpp"

namespace corridor::test {
namespace {

namespace dais = demo::ais;

std::uint8_t xor_of(std::string_view s) {
  std::uint8_t x = 0;
  for (char c : s) x = static_cast<std::uint8_t>(x ^ static_cast<std::uint8_t>(c));
  return x;
}

int hex_byte(std::string_view h) { return std::stoi(std::string(h), nullptr, 16); }

TEST(AisEncoder, PositionDecodesWithTheProjectDecoder) {
  dais::Position p;
  p.type = 1;
  p.mmsi = 642123456;
  p.lat = 34.1523;
  p.lon = 13.2987;
  p.sog = 0.7;
  p.cog = 271.3;
  p.heading = 271;
  p.second = 42;
  p.status = 7;
  std::string line;
  dais::append_sentence(line, "it-lmp01", 1755475200, 1, 1, -1, 'A', dais::encode_position(p));
  line.pop_back();
  ais::NmeaReader reader;
  const ais::Decoded* d = reader.feed_line(line, 0);
  ASSERT_NE(d, nullptr) << line;
  EXPECT_EQ(d->type, 1);
  EXPECT_EQ(d->mmsi, 642123456u);
  EXPECT_NEAR(*d->lat, 34.1523, 1e-5);
  EXPECT_NEAR(*d->lon, 13.2987, 1e-5);
  EXPECT_NEAR(*d->speed, 0.7, 1e-9);
  EXPECT_NEAR(*d->course, 271.3, 1e-9);
  EXPECT_EQ(*d->heading, 271);
  EXPECT_EQ(*d->status, 7);
  EXPECT_EQ(*d->unix_millis, 1755475200000);

  p.type = 18;
  p.lat = -33.5;
  p.lon = -12.25;
  p.heading = 511;
  line.clear();
  dais::append_sentence(line, "sat-ae07", 1755475260, 1, 1, -1, 'B', dais::encode_position(p));
  line.pop_back();
  d = reader.feed_line(line, 100);
  ASSERT_NE(d, nullptr) << line;
  EXPECT_EQ(d->type, 18);
  EXPECT_NEAR(*d->lat, -33.5, 1e-6);
  EXPECT_NEAR(*d->lon, -12.25, 1e-6);
  EXPECT_FALSE(d->heading.has_value());
}

TEST(AisEncoder, StaticMessagesDecode) {
  dais::StaticA a{642000001, 9123456, "5AM1234", "AL MABROUKA 7", "FISHING", 30, 18, 6, 4, 3, 8, 20, 18, 0, 3.2};
  dais::Payload p1, p2;
  dais::encode_static_a(a, p1, p2);
  EXPECT_EQ(p1.chars, 60);
  EXPECT_EQ(p2.chars, 11);
  EXPECT_EQ(p2.fill, 2);
  std::string text;
  dais::append_sentence(text, "ly-trp01", 1755475200, 2, 1, 3, 'A', p1);
  dais::append_sentence(text, "ly-trp01", 1755475200, 2, 2, 3, 'A', p2);
  const auto lines = lines_of(text);
  ais::NmeaReader reader;
  EXPECT_EQ(reader.feed_line(lines[0], 0), nullptr);
  const ais::Decoded* d = reader.feed_line(lines[1], 80);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->type, 5);
  EXPECT_EQ(d->shipname, "AL MABROUKA 7");
  EXPECT_EQ(d->callsign, "5AM1234");
  EXPECT_EQ(d->destination, "FISHING");
  EXPECT_EQ(*d->imo, 9123456u);
  EXPECT_EQ(*d->shiptype, 30);
  EXPECT_NEAR(*d->draught, 3.2, 1e-9);

  dais::StaticB b{667123456, "SEA BIRD", "9LY123", "SRT", 37, 6, 4, 1, 2};
  std::string ab;
  dais::append_sentence(ab, "x", 1, 1, 1, -1, 'B', dais::encode_static_b_part_a(b));
  dais::append_sentence(ab, "x", 1, 1, 1, -1, 'B', dais::encode_static_b_part_b(b));
  const auto l2 = lines_of(ab);
  d = reader.feed_line(l2[0], 0);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->part, 0);
  EXPECT_EQ(d->shipname, "SEA BIRD");
  d = reader.feed_line(l2[1], 0);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->part, 1);
  EXPECT_EQ(d->callsign, "9LY123");
  EXPECT_EQ(*d->to_bow, 6);
}

TEST(AisLog, EveryLineHasValidChecksumsAndTheCountIsMet) {
  const auto& sc = shared_case();
  const auto lines = lines_of(read_file(sc.c.ais));
  EXPECT_EQ(static_cast<std::int64_t>(lines.size()), demo::effective_spec(small_spec()).ais_sentences);
  EXPECT_EQ(sc.truth["vessels"]["sentences"].get<std::int64_t>(), static_cast<std::int64_t>(lines.size()));
  std::int64_t prev = 0;
  for (const auto& l : lines) {
    ASSERT_EQ(l[0], '\\') << l;
    const auto tag_end = l.find('\\', 1);
    const std::string_view tag = std::string_view(l).substr(1, tag_end - 1);
    const auto star = tag.find('*');
    ASSERT_EQ(xor_of(tag.substr(0, star)), hex_byte(tag.substr(star + 1))) << l;
    const std::string_view sentence = std::string_view(l).substr(tag_end + 1);
    ASSERT_EQ(sentence.substr(0, 7), "!AIVDM,");
    const auto s_star = sentence.rfind('*');
    ASSERT_EQ(xor_of(sentence.substr(1, s_star - 1)), hex_byte(sentence.substr(s_star + 1))) << l;
    const auto c = tag.find("c:");
    const std::int64_t t = std::stoll(std::string(tag.substr(c + 2, star - c - 2)));
    EXPECT_GE(t, prev) << "lines in time order";
    prev = t;
  }
}

std::vector<ais::Zone> zones_from(const nlohmann::json& fc) {
  std::vector<ais::Zone> out;
  for (const auto& f : fc["features"]) {
    ais::Zone z;
    z.name = f["properties"]["name"];
    z.kind = f["properties"]["kind"];
    ais::Ring r;
    for (const auto& c : f["geometry"]["coordinates"][0]) r.push_back({c[1].get<double>(), c[0].get<double>()});
    z.outer.push_back(r);
    out.push_back(z);
  }
  return out;
}

ais::Coastline coast_from(const nlohmann::json& fc) {
  ais::Coastline c;
  for (const auto& f : fc["features"]) {
    std::vector<LatLon> line;
    for (const auto& p : f["geometry"]["coordinates"]) line.push_back({p[1].get<double>(), p[0].get<double>()});
    c.lines.push_back(line);
  }
  return c;
}

TEST(AisLog, TheProjectDecoderFindsThePlantedEvents) {
  const auto& sc = shared_case();
  std::ifstream in(sc.c.ais, std::ios::binary);
  const ais::DecodedStream decoded = ais::decode_nmea_stream(in);
  EXPECT_EQ(decoded.stats.rejects.total(), 0u);
  const auto tracks = ais::build_tracks(decoded.positions, decoded.identities, {});
  const auto zones = zones_from(nlohmann::json::parse(read_file(sc.c.zones)));
  const auto coast = coast_from(nlohmann::json::parse(read_file(sc.c.coast)));
  const auto events = ais::all_events(tracks, zones, coast, {});

  const auto& story = sc.truth["vessels"]["story"];
  const std::uint32_t mother = story[0]["mmsi"];
  ASSERT_TRUE(tracks.count(mother));
  EXPECT_EQ(tracks.at(mother).shipname, story[0]["name"].get<std::string>());
  EXPECT_EQ(tracks.at(mother).jumps, 0u);

  for (const auto& planted : sc.truth["vessels"]["events"]) {
    const std::string kind = planted["kind"];
    std::set<std::uint32_t> want;
    for (const auto& m : planted["mmsi"]) want.insert(m.get<std::uint32_t>());
    const std::int64_t start = *parse_iso8601(planted["start"].get<std::string>());
    const std::int64_t end = *parse_iso8601(planted["end"].get<std::string>());
    bool found = false;
    for (const auto& e : events) {
      const std::set<std::uint32_t> got(e.vessels.begin(), e.vessels.end());
      // Same kind, same vessels, overlapping in time (within the reporting interval).
      if (e.kind == kind && got == want && e.start <= end + 600000 && e.end >= start - 600000) found = true;
    }
    EXPECT_TRUE(found) << "not detected: " << planted.dump();
  }
  // Background traffic is ordinary: no behaviour event involves only background vessels.
  std::set<std::uint32_t> story_mmsi;
  for (const auto& v : story) story_mmsi.insert(v["mmsi"].get<std::uint32_t>());
  for (const auto& e : events) {
    if (e.kind != "gap" && e.kind != "encounter" && e.kind != "loitering") continue;
    bool involves_story = false;
    for (auto m : e.vessels) involves_story |= story_mmsi.count(m) > 0;
    EXPECT_TRUE(involves_story) << e.kind << " " << e.reason;
  }
}

}  // namespace
}  // namespace corridor::test

// A case on the map: the AIS scenario (a mother ship and a skiff meeting at sea near 35 N
// 20 E, the mother ship then dark for 14 h and back 60 nm east; a fishing boat at 36 N
// 22 E), a GPS-tagged photo at 32.8872 N 13.1913 E and a note with eight coordinates
// beside it. Each layer's features, the box, the time range, thinning, and what a bad
// box or time says.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/add_evidence.hpp"
#include "app/case_map.hpp"
#include "app/ingest_evidence.hpp"
#include "core/error.hpp"
#include "model/entity_keys.hpp"
#include "store/sqlite.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using nlohmann::ordered_json;

namespace {

const std::string kMother = "247111111", kSkiff = "247222222", kFisher = "247333333";

std::string note() {
  std::string text = "Meeting places for the boats, from the organiser's phone:\n";
  for (int k = 0; k < 8; ++k) {
    char line[96];
    std::snprintf(line, sizeof line, "point %d at %.4f, %.4f tonight\n", k + 1, 32.8860 + 0.0004 * k,
                  13.1900 + 0.0004 * k);
    text += line;
  }
  return text;
}

struct MapCase {
  test::TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "op", "T", "Examiner 1");
  std::string ais_sha, photo_sha, note_sha;
  MapCase() {
    test::write_file(t / "places.txt", note());
    app::AddRequest add;
    add.files = {std::string(CORRIDOR_TEST_DATA) + "/ais/scenario.nmea",
                 std::string(CORRIDOR_TEST_DATA) + "/ingest/image/photo.jpg", t / "places.txt"};
    add.actor = "Examiner 1";
    std::vector<std::string> shas;
    for (const auto& a : app::add_evidence(*c, add)) shas.push_back(a.evidence.sha256);
    ais_sha = shas[0];
    photo_sha = shas[1];
    note_sha = shas[2];
    app::IngestOptions io;
    io.actor = "Examiner 1";
    EXPECT_EQ(app::ingest_evidence(*c, shas, io).errors(), 0);
  }
  ordered_json map(const std::string& bbox, const std::string& layers = "") {
    app::MapRequest r;
    r.box = app::parse_bbox(bbox);
    app::parse_layers(layers, r);
    return app::case_map(*c, r, app::Pseudonyms());
  }
};

std::vector<const ordered_json*> layer(const ordered_json& fc, const std::string& name) {
  std::vector<const ordered_json*> out;
  for (const auto& f : fc["features"])
    if (f["properties"]["layer"] == name) out.push_back(&f);
  return out;
}

const ordered_json* track_of(const ordered_json& fc, const std::string& mmsi) {
  for (const auto* f : layer(fc, "tracks"))
    if (std::to_string((*f)["properties"]["mmsi"].get<std::uint32_t>()) == mmsi) return f;
  return nullptr;
}

std::string bbox_error(const std::string& text) {
  try {
    app::parse_bbox(text);
  } catch (const Error& e) {
    EXPECT_EQ(e.exit_code(), 2);
    return e.what();
  }
  return "";
}

}  // namespace

TEST(CaseMap, TheWholeWorldHasEveryLayer) {
  MapCase m;
  const auto fc = m.map("-180,-90,180,90");
  EXPECT_EQ(fc["type"], "FeatureCollection");
  EXPECT_EQ(fc["corridor"]["features"], ordered_json({{"tracks", 3}, {"events", 3}, {"hotspots", 9}, {"photos", 1}}));
  ASSERT_EQ(layer(fc, "tracks").size(), 3u);
  const auto* mother = track_of(fc, kMother);
  ASSERT_NE(mother, nullptr);
  const auto& p = (*mother)["properties"];
  EXPECT_EQ((*mother)["geometry"]["type"], "LineString");
  EXPECT_EQ((*mother)["geometry"]["coordinates"].size(), 20u);
  EXPECT_EQ((*mother)["geometry"]["coordinates"][0], ordered_json({20.0, 35.0}));
  EXPECT_EQ((*mother)["geometry"]["coordinates"][19], ordered_json({21.2, 35.0}));
  EXPECT_EQ(p["vessel"], keys::vessel(kMother));
  EXPECT_EQ(p["name"], nullptr);
  EXPECT_EQ(p["first"], "2023-11-14T22:13:20.000Z");
  EXPECT_EQ(p["last"], "2023-11-15T15:13:20.000Z");
  EXPECT_EQ(p["points"], 20);
  EXPECT_EQ(p["shown_points"], 20);
  EXPECT_EQ(p["evidence"], ordered_json({m.ais_sha}));
  ASSERT_EQ(p["statements"].size(), 1u);
  EXPECT_EQ((*track_of(fc, kSkiff))["properties"]["name"], "NOVA");  // its latest name
  EXPECT_EQ((*track_of(fc, kFisher))["properties"]["points"], 6);

  // The meeting, then the mother ship going dark after sitting still for three hours.
  const auto events = layer(fc, "events");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ((*events[0])["properties"]["kind"], "encounter");
  EXPECT_EQ((*events[0])["properties"]["time"], "2023-11-14T22:20:00.000Z");
  EXPECT_EQ((*events[0])["properties"]["entities"], ordered_json({keys::vessel(kMother), keys::vessel(kSkiff)}));
  EXPECT_EQ((*events[0])["properties"]["evidence"], ordered_json({m.ais_sha}));
  EXPECT_EQ((*events[0])["properties"]["statements"].size(), 2u);
  EXPECT_EQ((*events[1])["properties"]["kind"], "gap");
  EXPECT_EQ((*events[1])["properties"]["ais"][0]["line"], 45);
  EXPECT_EQ((*events[1])["properties"]["ais"][1]["line"], 47);
  EXPECT_EQ((*events[2])["properties"]["kind"], "crossing_start");
  EXPECT_EQ((*events[2])["geometry"]["coordinates"], ordered_json({20.0, 35.0018}));

  // The photo and the eight places of the note: one hot spot, its peak and eight hot cells.
  const auto hot = layer(fc, "hotspots");
  ASSERT_EQ(hot.size(), 9u);
  const auto& peak = (*hot[0])["properties"];
  EXPECT_EQ(peak["kind"], "hotspot");
  EXPECT_EQ(peak["count"], 9);
  EXPECT_EQ(peak["cells"].size(), 8u);
  EXPECT_NEAR(peak["z"].get<double>(), 64.654408204076, 1e-9);
  EXPECT_LT(peak["p"].get<double>(), 1e-30);
  EXPECT_EQ(peak["first"], "2023-06-14T21:06:02.000Z");  // the notes are undated
  EXPECT_EQ(peak["statements"].size(), 10u);
  std::vector<std::string> sources = {m.photo_sha, m.note_sha};
  std::sort(sources.begin(), sources.end());
  EXPECT_EQ(peak["evidence"], ordered_json(sources));
  EXPECT_EQ((*hot[1])["geometry"]["type"], "Polygon");
  EXPECT_EQ((*hot[1])["properties"]["kind"], "cell");
  EXPECT_EQ((*hot[1])["properties"]["count"], 9);
  EXPECT_EQ((*hot[1])["geometry"]["coordinates"][0].size(), 5u);

  const auto photos = layer(fc, "photos");
  ASSERT_EQ(photos.size(), 1u);
  EXPECT_EQ((*photos[0])["geometry"]["coordinates"], ordered_json({13.1913, 32.8872}));
  EXPECT_EQ((*photos[0])["properties"]["time"], "2023-06-14T21:06:02.000Z");
  EXPECT_EQ((*photos[0])["properties"]["statements"].size(), 2u);
  EXPECT_EQ((*photos[0])["properties"]["evidence"], ordered_json({m.photo_sha}));
  for (auto id : (*photos[0])["properties"]["statements"])
    EXPECT_NE(std::find(peak["statements"].begin(), peak["statements"].end(), id), peak["statements"].end());
}

TEST(CaseMap, TheBoxKeepsThePositionsInsideIt) {
  MapCase m;
  const auto fc = m.map("19.9,34.9,20.1,35.1");
  EXPECT_EQ(fc["corridor"]["features"], ordered_json({{"tracks", 2}, {"events", 3}, {"hotspots", 0}, {"photos", 0}}));
  EXPECT_EQ(track_of(fc, kFisher), nullptr);
  const auto* mother = track_of(fc, kMother);
  ASSERT_NE(mother, nullptr);
  EXPECT_EQ((*mother)["properties"]["points"], 19);  // not the one 60 nm east
  EXPECT_EQ((*mother)["properties"]["last"], "2023-11-15T01:13:20.000Z");
  // Across the antimeridian: nothing of the case lies in the Pacific.
  EXPECT_EQ(m.map("170,-10,-170,10")["features"].size(), 0u);
  // The fishing boat alone, with no event, hot spot or photo asked for.
  const auto fisher = m.map("21.9,35.9,22.1,36.1", "tracks");
  EXPECT_EQ(fisher["corridor"]["layers"], ordered_json({"tracks"}));
  ASSERT_EQ(fisher["features"].size(), 1u);
  EXPECT_EQ(fisher["features"][0]["properties"]["mmsi"], 247333333);
}

TEST(CaseMap, TheTimeRangeAndThinningKeepFirstAndLast) {
  MapCase m;
  app::MapRequest r;
  r.from = app::parse_map_time("2023-11-14T22:00:00Z", "from");
  r.to = app::parse_map_time("2023-11-14T23:00:00Z", "to");
  auto fc = app::case_map(*m.c, r, app::Pseudonyms());
  // 22:13:20 to 22:53:20 every ten minutes; the encounter began at 22:20, the photo is of June.
  EXPECT_EQ((*track_of(fc, kMother))["properties"]["points"], 5);
  EXPECT_EQ(fc["corridor"]["features"], ordered_json({{"tracks", 3}, {"events", 1}, {"hotspots", 0}, {"photos", 0}}));
  app::MapRequest thin;
  thin.max_track_points = 5;
  thin.events = thin.hotspots = thin.photos = false;
  fc = app::case_map(*m.c, thin, app::Pseudonyms());
  const auto& mother = *track_of(fc, kMother);
  EXPECT_EQ(mother["properties"]["points"], 20);
  EXPECT_EQ(mother["properties"]["shown_points"], 5);
  EXPECT_EQ(mother["geometry"]["coordinates"][0], ordered_json({20.0, 35.0}));
  EXPECT_EQ(mother["geometry"]["coordinates"][4], ordered_json({21.2, 35.0}));
  EXPECT_EQ(fc["corridor"]["thinned_tracks"], 3);
}

TEST(CaseMap, BadBoxesTimesAndLayersSayWhatIsWrong) {
  EXPECT_EQ(bbox_error("1,2,3"), "bbox: give four numbers west,south,east,north in degrees");
  EXPECT_EQ(bbox_error("1,2,3,4,5"), "bbox: give four numbers west,south,east,north in degrees");
  EXPECT_EQ(bbox_error("a,2,3,4"), "bbox: give four numbers west,south,east,north in degrees");
  EXPECT_EQ(bbox_error("1,-91,3,4"), "bbox: latitudes (south, north) lie between -90 and 90");
  EXPECT_EQ(bbox_error("-181,2,3,4"), "bbox: longitudes (west, east) lie between -180 and 180");
  EXPECT_EQ(bbox_error("1,5,3,4"), "bbox: south lies north of north");
  EXPECT_EQ(bbox_error("inf,2,3,4"), "bbox: give four numbers west,south,east,north in degrees");
  const auto across = app::parse_bbox("170,-10,-170,10");
  EXPECT_TRUE(across.contains(0, 179.5));
  EXPECT_TRUE(across.contains(0, -175));
  EXPECT_FALSE(across.contains(0, 0));
  EXPECT_EQ(across.text(), "170,-10,-170,10");
  EXPECT_THROW(app::parse_map_time("yesterday", "from"), Error);
  app::MapRequest r;
  EXPECT_THROW(app::parse_layers("tracks,ships", r), Error);
  app::parse_layers("photos,hotspots", r);
  EXPECT_FALSE(r.tracks);
  EXPECT_FALSE(r.events);
  EXPECT_TRUE(r.hotspots);
  EXPECT_TRUE(r.photos);
}

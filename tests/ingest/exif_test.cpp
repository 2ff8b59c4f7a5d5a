#include <gtest/gtest.h>

#include "core/error.hpp"
#include "ingest/reader.hpp"
#include "model/entity_keys.hpp"
#include "recording_sink.hpp"

namespace corridor::test {
namespace {

using Row = std::tuple<std::string, std::string, std::string, std::string>;

TEST(Exif, GpsTimeAndDevice) {
  FixtureSource f(fixture("image/photo.jpg"), "00000012-PHOTO-2023-06-14-23-06-02.jpg");
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->name(), "exif");
  RecordingSink sink;
  r->read(f.src, sink);
  const std::string id = keys::record("Photo", f.src.sha256, "exif");
  const std::string t = "2023-06-14T21:06:02.000Z";
  EXPECT_EQ(sink.about(id), (std::vector<Row>{
                                {"latitude", "32.8872", "exif:Exif.GPSInfo.GPSLatitude", t},
                                {"longitude", "13.1913", "exif:Exif.GPSInfo.GPSLongitude", t},
                                {"date", t, "exif:Exif.Photo.DateTimeOriginal", t},
                                {"cameraMake", "ExampleCam", "exif:Exif.Image.Make", t},
                                {"cameraModel", "EC-100", "exif:Exif.Image.Model", t},
                                {"serialNumber", "SN0042EX", "exif:Exif.Photo.BodySerialNumber", t},
                                {"software", "Example Camera Firmware 1.2", "exif:Exif.Image.Software", t},
                            }));
  ASSERT_NE(sink.find_entity(id), nullptr);
  EXPECT_EQ(sink.find_entity(id)->schema, "Photo");
  for (const auto& s : sink.statements) EXPECT_EQ(s.prov.extractor, "exif@1");
}

TEST(Exif, NoMetadataNoStatements) {
  FixtureSource f(fixture("image/plain.jpg"));
  RecordingSink sink;
  ingest::pick_reader(f.src)->read(f.src, sink);
  EXPECT_TRUE(sink.statements.empty());
  EXPECT_TRUE(sink.entities.empty());
}

TEST(Exif, BrokenImageIsAnError) {
  TempDir d;
  write_file(d / "x.jpg", std::string("\xFF\xD8\xFF\xE1\x00\x10" "Exif\0\0MM\0*\0\0\0\x08", 20));
  FixtureSource f(d / "x.jpg");
  RecordingSink sink;
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  try {
    r->read(f.src, sink);
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("x.jpg: cannot read image metadata", 0), 0u) << e.what();
  }
}

}  // namespace
}  // namespace corridor::test

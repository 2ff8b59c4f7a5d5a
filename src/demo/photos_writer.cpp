// DCIM photos with GPS EXIF, as found on a seized phone: the launch beach at night, the
// small boats, the mother vessel at the meeting point, engines in a Zuwara warehouse, a
// desert truck near Kufra, Lampedusa harbour. Pictures are simple painted scenes (the
// demo is about their metadata); Exiv2 writes the EXIF: GPS, DateTimeOriginal with its
// offset, Make, Model and BodySerialNumber, which ties photos to the phone that took them.
#include <exiv2/exiv2.hpp>

#include <cstdio>

#include "core/error.hpp"
#include "demo/jpeg_encoder.hpp"
#include "demo/writers.hpp"

namespace corridor::demo {

namespace {

struct Scene {
  const char* place;
  double lat, lon;
  Rgb top, middle, bottom;  // sky, sea or land, ground
  bool boat;
};

struct Camera {
  const char* make;
  const char* model;
  std::string serial;
};

std::string paint(Rng& rng, const Scene& s) {
  constexpr int w = 320, h = 240;
  std::vector<Rgb> px(static_cast<std::size_t>(w * h));
  auto mix = [](Rgb a, Rgb b, int t, int n) {
    return Rgb{static_cast<std::uint8_t>(a.r + (b.r - a.r) * t / n), static_cast<std::uint8_t>(a.g + (b.g - a.g) * t / n),
               static_cast<std::uint8_t>(a.b + (b.b - a.b) * t / n)};
  };
  const int horizon = 90 + rng.irange(-20, 20), shore = 180 + rng.irange(-20, 20);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      Rgb c = y < horizon ? mix(s.top, s.middle, y, horizon) : (y < shore ? s.middle : s.bottom);
      px[static_cast<std::size_t>(y * w + x)] = c;
    }
  }
  if (s.boat) {
    const int bx = rng.irange(40, 200), by = horizon + rng.irange(10, 40), bw = rng.irange(40, 100);
    for (int y = by; y < by + 16 && y < h; ++y)
      for (int x = bx + (y - by); x < bx + bw - (y - by) && x < w; ++x) px[static_cast<std::size_t>(y * w + x)] = {40, 35, 30};
  }
  return encode_jpeg(px, w, h);
}

// "32/1 54/1 3120/100": degrees, minutes, hundredths of seconds.
std::string dms(double deg) {
  if (deg < 0) deg = -deg;
  const auto total = static_cast<long>(deg * 360000 + 0.5);  // hundredths of a second
  char buf[64];
  std::snprintf(buf, sizeof buf, "%ld/1 %ld/1 %ld/100", total / 360000, total / 6000 % 60, total % 6000);
  return buf;
}

std::string with_exif(const std::string& jpeg, const Camera& cam, double lat, double lon, std::int64_t t) {
  Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
  auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(jpeg.data()), static_cast<long>(jpeg.size()));
  if (!image.get()) throw Error("demo photo", "Exiv2 cannot open the generated JPEG");
  image->readMetadata();
  Exiv2::ExifData exif;
  // Photos carry local time (Libya and Italy in summer: UTC+2) and say so.
  const Civil lc = civil_from_unix(t + 7200), uc = civil_from_unix(t);
  char when[32], date[16], hms[40];
  std::snprintf(when, sizeof when, "%04d:%02d:%02d %02d:%02d:%02d", lc.year, lc.month, lc.day, lc.hour, lc.minute, lc.second);
  std::snprintf(date, sizeof date, "%04d:%02d:%02d", uc.year, uc.month, uc.day);
  std::snprintf(hms, sizeof hms, "%d/1 %d/1 %d/1", uc.hour, uc.minute, uc.second);
  exif["Exif.Image.Make"] = cam.make;
  exif["Exif.Image.Model"] = cam.model;
  exif["Exif.Image.DateTime"] = when;
  exif["Exif.Photo.DateTimeOriginal"] = when;
  exif["Exif.Photo.DateTimeDigitized"] = when;
  exif["Exif.Photo.OffsetTimeOriginal"] = "+02:00";
  exif["Exif.Photo.BodySerialNumber"] = cam.serial;
  exif["Exif.GPSInfo.GPSVersionID"] = "2 2 0 0";
  exif["Exif.GPSInfo.GPSLatitudeRef"] = lat >= 0 ? "N" : "S";
  exif["Exif.GPSInfo.GPSLatitude"] = dms(lat);
  exif["Exif.GPSInfo.GPSLongitudeRef"] = lon >= 0 ? "E" : "W";
  exif["Exif.GPSInfo.GPSLongitude"] = dms(lon);
  exif["Exif.GPSInfo.GPSTimeStamp"] = hms;
  exif["Exif.GPSInfo.GPSDateStamp"] = date;
  image->setExifData(exif);
  image->writeMetadata();
  Exiv2::BasicIo& io = image->io();
  io.seek(0, Exiv2::BasicIo::beg);
  const Exiv2::DataBuf buf = io.read(static_cast<long>(io.size()));
  return std::string(reinterpret_cast<const char*>(buf.pData_), static_cast<std::size_t>(buf.size_));
}

}  // namespace

std::vector<ArchiveEntry> write_photos(const Network& net, const Timeline& tl, const Story& story, Rng rng, int count,
                                       Json& truth) {
  const Rgb night{10, 12, 30}, dusk{60, 50, 80}, sea{20, 50, 90}, sand{150, 130, 90}, day{120, 170, 230};
  const std::vector<std::pair<Scene, std::int64_t>> shots = {
      {{"launch beach west of Zuwara", story.beach_lat + 0.002, story.beach_lon - 0.004, night, sea, sand, true}, story.depart[0] - 1500},
      {{"small boats at the meeting point", story.meet_lat, story.meet_lon + 0.001, dusk, sea, sea, true}, story.meet_start[0] + 1800},
      {{"engines in a Zuwara warehouse", 32.9312, 12.0790, {90, 90, 90}, {70, 70, 75}, {60, 55, 50}, false}, tl.voyage_start - 9 * 86400},
      {{"desert truck near Kufra", 24.1960, 23.2880, day, sand, sand, false}, tl.voyage_start - 30 * 86400},
      {{"Lampedusa harbour", 35.4990, 12.6060, day, sea, {200, 200, 190}, true}, story.arrive[0] + 1200},
      {{"mother vessel offshore", story.meet_lat + 0.003, story.meet_lon - 0.002, day, sea, sea, true}, story.loiter_start + 3 * 3600},
      {{"safe house in Sabratha", 32.7930, 12.4850, day, {200, 190, 170}, sand, false}, tl.voyage_start - 3 * 86400},
      {{"launch beach west of Zuwara", story.beach_lat - 0.001, story.beach_lon + 0.006, night, sea, sand, true}, story.depart[1] - 900},
  };
  // Two phones: the owner's (an organiser) and the captain's, whose photos were forwarded.
  const Member& owner = net.by_role("organiser", 0);
  const Member& captain = net.by_role("captain", 0);
  const Camera cams[2] = {{"samsung", "SM-A146P", "R58W" + std::to_string(rng.range(10000000, 99999999))},
                          {"TECNO", "TECNO KI5q", "0F" + std::to_string(rng.range(100000000, 999999999))}};
  std::vector<ArchiveEntry> out;
  Json list = Json::array();
  for (int i = 0; i < count; ++i) {
    const auto& [scene, base_t] = shots[static_cast<std::size_t>(i) % shots.size()];
    const std::int64_t t = base_t + static_cast<std::int64_t>(i / static_cast<int>(shots.size())) * 97 + rng.range(0, 59);
    const int who = (scene.boat && i % 3 != 0) ? 1 : 0;
    const Civil lc = civil_from_unix(t + 7200);
    char name[64];
    std::snprintf(name, sizeof name, "DCIM/Camera/IMG_%04d%02d%02d_%02d%02d%02d.jpg", lc.year, lc.month, lc.day, lc.hour,
                  lc.minute, lc.second);
    const double lat = scene.lat + 0.0001 * static_cast<double>(rng.irange(-5, 5));
    const double lon = scene.lon + 0.0001 * static_cast<double>(rng.irange(-5, 5));
    out.push_back({name, with_exif(paint(rng, scene), cams[who], lat, lon, t), t});
    list.push_back({{"file", name}, {"place", scene.place}, {"lat", lat}, {"lon", lon}, {"time", iso_utc(t)},
                    {"make", cams[who].make}, {"model", cams[who].model}, {"serial", cams[who].serial},
                    {"taken_by", who ? captain.id : owner.id}});
  }
  truth["photos"] = std::move(list);
  return out;
}

}  // namespace corridor::demo

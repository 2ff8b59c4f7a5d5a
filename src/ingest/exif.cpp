// Photos: EXIF (and XMP where EXIF is silent) through Exiv2 — GPS position, capture time,
// camera make, model and serial number, software. Exiv2 reads only the metadata blocks,
// never the pixels, so memory stays small whatever the image size.
#include <exiv2/exiv2.hpp>

#include <cmath>
#include <cstdio>

#include "core/error.hpp"
#include "core/time.hpp"
#include "ingest/emit.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_util.hpp"
#include "model/entity_keys.hpp"

namespace corridor::ingest {

namespace {

struct Found {
  std::string value, tag;
};

Found exif_text(const Exiv2::ExifData& exif, std::initializer_list<const char*> tags) {
  for (const char* t : tags) {
    auto it = exif.findKey(Exiv2::ExifKey(t));
    if (it != exif.end()) {
      std::string v(trim(it->toString()));
      while (!v.empty() && v.back() == '\0') v.pop_back();
      if (!v.empty()) return {v, t};
    }
  }
  return {};
}

Found xmp_text(const Exiv2::XmpData& xmp, std::initializer_list<const char*> tags) {
  for (const char* t : tags) {
    auto it = xmp.findKey(Exiv2::XmpKey(t));
    if (it != xmp.end() && !it->toString().empty()) return {std::string(trim(it->toString())), t};
  }
  return {};
}

std::string decimal_degrees(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// Degrees, minutes, seconds as three rationals, signed by the N/S or E/W reference.
std::optional<double> exif_coordinate(const Exiv2::ExifData& exif, const char* tag, const char* ref_tag, char negative) {
  auto it = exif.findKey(Exiv2::ExifKey(tag));
  if (it == exif.end() || it->count() < 3) return std::nullopt;
  double parts[3];
  for (long i = 0; i < 3; ++i) {
    const Exiv2::Rational r = it->toRational(i);
    if (r.second == 0) return std::nullopt;
    parts[i] = static_cast<double>(r.first) / r.second;
  }
  double v = parts[0] + parts[1] / 60 + parts[2] / 3600;
  const Found ref = exif_text(exif, {ref_tag});
  if (!ref.value.empty() && ref.value[0] == negative) v = -v;
  return v;
}

// XMP writes "32,53.232N".
std::optional<double> xmp_coordinate(const std::string& s) {
  if (s.size() < 2) return std::nullopt;
  const char ref = s.back();
  double deg = 0, min = 0;
  if (std::sscanf(s.c_str(), "%lf,%lf", &deg, &min) != 2) return std::nullopt;
  const double v = deg + min / 60;
  return ref == 'S' || ref == 'W' ? -v : v;
}

// "2023:06:14 23:06:02" with OffsetTimeOriginal "+02:00" when the camera wrote one;
// otherwise --tz, otherwise taken as UTC.
std::string capture_time(const std::string& raw, const std::string& offset, const ReadOptions& opt) {
  if (raw.size() < 19) return {};
  std::string iso = raw.substr(0, 19);
  iso[4] = '-';
  iso[7] = '-';
  iso[10] = 'T';
  if (offset.size() == 6 && (offset[0] == '+' || offset[0] == '-')) {
    const auto ms = parse_iso8601(iso + offset);
    return ms ? format_utc(*ms) : std::string();
  }
  const auto ms = parse_iso8601(iso);
  return ms ? format_utc(*ms - opt.utc_offset_minutes.value_or(0) * 60000LL) : std::string();
}

class ExifReader final : public Reader {
 public:
  std::string_view name() const override { return "exif"; }

  int confidence(const Source& src) const override {
    if (src.media_type.rfind("image/", 0) == 0) return 60;
    return src.head.substr(0, 3) == "\xFF\xD8\xFF" ? 60 : 0;
  }

  void read(const Source& src, Sink& sink) const override {
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    Exiv2::ExifData exif;
    Exiv2::XmpData xmp;
    try {
      auto image = Exiv2::ImageFactory::open(src.path.string(), false);
      image->readMetadata();
      exif = image->exifData();
      xmp = image->xmpData();
    } catch (const std::exception& e) {
      throw Error(display_name(src), std::string("cannot read image metadata: ") + e.what());
    }
    Emitter out(src, *this, sink);
    const std::string id = keys::record("Photo", src.sha256, "exif");
    auto loc = [](const std::string& tag) { return at_record("exif:" + tag, 0, 0); };

    const Found when_raw = exif_text(exif, {"Exif.Photo.DateTimeOriginal", "Exif.Photo.DateTimeDigitized", "Exif.Image.DateTime"});
    const Found offset = exif_text(exif, {"Exif.Photo.OffsetTimeOriginal", "Exif.Photo.OffsetTime"});
    std::string when = capture_time(when_raw.value, offset.value, src.options);
    Found xmp_when;
    if (when.empty()) {
      xmp_when = xmp_text(xmp, {"Xmp.exif.DateTimeOriginal", "Xmp.photoshop.DateCreated", "Xmp.xmp.CreateDate"});
      if (auto ms = parse_iso8601(xmp_when.value)) when = format_utc(*ms);
    }
    std::vector<std::tuple<std::string, std::string, std::string, std::string>> facts;  // property, value, tag, original
    auto lat = exif_coordinate(exif, "Exif.GPSInfo.GPSLatitude", "Exif.GPSInfo.GPSLatitudeRef", 'S');
    auto lon = exif_coordinate(exif, "Exif.GPSInfo.GPSLongitude", "Exif.GPSInfo.GPSLongitudeRef", 'W');
    std::string lat_tag = "Exif.GPSInfo.GPSLatitude", lon_tag = "Exif.GPSInfo.GPSLongitude";
    if (!lat || !lon) {
      const Found xl = xmp_text(xmp, {"Xmp.exif.GPSLatitude"}), xo = xmp_text(xmp, {"Xmp.exif.GPSLongitude"});
      lat = xmp_coordinate(xl.value);
      lon = xmp_coordinate(xo.value);
      lat_tag = xl.tag;
      lon_tag = xo.tag;
    }
    // 0,0 is what cameras write when they have no fix.
    if (lat && lon && std::abs(*lat) <= 90 && std::abs(*lon) <= 180 && !(*lat == 0 && *lon == 0)) {
      facts.emplace_back("latitude", decimal_degrees(*lat), lat_tag, "");
      facts.emplace_back("longitude", decimal_degrees(*lon), lon_tag, "");
    }
    if (!when.empty()) {
      const Found& w = when_raw.value.empty() ? xmp_when : when_raw;
      facts.emplace_back("date", when, w.tag, w.value + offset.value);
    }
    const std::pair<const char*, Found> simple[] = {
        {"cameraMake", exif_text(exif, {"Exif.Image.Make"})},
        {"cameraModel", exif_text(exif, {"Exif.Image.Model"})},
        {"serialNumber", exif_text(exif, {"Exif.Photo.BodySerialNumber", "Exif.Image.CameraSerialNumber",
                                          "Exif.Canon.SerialNumber", "Exif.Nikon3.SerialNumber"})},
        {"software", exif_text(exif, {"Exif.Image.Software"})},
    };
    for (const auto& [prop, f] : simple)
      if (!f.value.empty()) facts.emplace_back(prop, f.value, f.tag, "");
    if (facts.empty()) return;
    out.entity(id, "Photo", src.original_name.empty() ? std::string("photo") : src.original_name);
    for (const auto& [prop, value, tag, original] : facts) {
      Locator l = loc(tag);
      l.offset.reset();
      l.length.reset();
      out.fact(id, "Photo", prop, value, l, when, original);
    }
  }
};

}  // namespace

const Reader& exif_reader() {
  static const ExifReader r;
  return r;
}

}  // namespace corridor::ingest

// ais.nmea: a three-day receiver log of the central Mediterranean. About 300 background
// vessels (cargo, tankers, ferries, fishing, yachts) sail between open-sea waypoints and
// report at a cadence chosen so the file has the requested number of sentences; the story
// vessels (see story.cpp) report on their own cadence. Lines are in time order, as a
// receiver writes them, each with an NMEA 4.0 tag block (station, Unix time).
//
// Geometry uses its own cosine and arctangent (polynomials of + and *, exact in IEEE
// arithmetic) instead of libm, so positions round the same way on every platform.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <queue>

#include "core/error.hpp"
#include "demo/ais_encoder.hpp"
#include "demo/writers.hpp"

namespace corridor::demo {

namespace {

constexpr double kPi = 3.14159265358979323846;

double cos_rad(double x) {  // |x| < 1: Taylor series to x^14
  const double x2 = x * x;
  double term = 1, sum = 1;
  for (int k = 1; k <= 7; ++k) {
    term *= -x2 / static_cast<double>((2 * k - 1) * (2 * k));
    sum += term;
  }
  return sum;
}
double cos_deg(double d) { return cos_rad(d * kPi / 180); }

double atan_small(double z) {  // |z| <= tan(pi/8): series to z^23
  const double z2 = z * z;
  double term = z, sum = z;
  for (int k = 1; k <= 11; ++k) {
    term *= -z2;
    sum += term / static_cast<double>(2 * k + 1);
  }
  return sum;
}
double atan_unit(double z) {  // 0 <= z <= 1
  return z > 0.41421356237309503 ? kPi / 4 + atan_small((z - 1) / (z + 1)) : atan_small(z);
}
// Course in degrees [0, 360) of a move of `north` and `east` (any unit).
double course_deg(double north, double east) {
  const double an = std::fabs(north), ae = std::fabs(east);
  if (an == 0 && ae == 0) return 0;
  double a = an >= ae ? atan_unit(ae / an) : kPi / 2 - atan_unit(an / ae);  // angle from north, first quadrant
  if (north < 0) a = kPi - a;
  if (east < 0) a = 2 * kPi - a;
  double d = a * 180 / kPi;
  if (d >= 360) d -= 360;
  return d;
}

struct LatLonD {
  double lat, lon;
};

// Moves `from` towards `to` by `nm` nautical miles (flat-earth step, fine for minutes of travel).
// Returns true when `to` is reached.
bool step_towards(LatLonD& from, const LatLonD& to, double nm, double* course) {
  const double c = cos_deg(from.lat);
  const double dn = (to.lat - from.lat) * 60, de = (to.lon - from.lon) * 60 * c;
  const double dist = std::sqrt(dn * dn + de * de);
  if (course) *course = course_deg(dn, de);
  if (dist <= nm || dist == 0) {
    from = to;
    return true;
  }
  const double f = nm / dist;
  from.lat += (to.lat - from.lat) * f;
  from.lon += (to.lon - from.lon) * f;
  return false;
}

double distance_nm(const LatLonD& a, const LatLonD& b) {
  const double c = cos_deg((a.lat + b.lat) / 2);
  const double dn = (b.lat - a.lat) * 60, de = (b.lon - a.lon) * 60 * c;
  return std::sqrt(dn * dn + de * de);
}

std::string_view station_for(double lat, double lon) {
  if (lat > 35.2 && lon < 13.6) return "it-lmp01";
  if (lat > 35.2 && lon < 16.5) return "mt-vlt02";
  if (lat < 33.6 && lon < 14.5) return "ly-trp01";
  return "sat-ae07";
}

// One line of the log, kept until its time comes in the merge.
struct Line {
  std::int64_t t;
  std::string text;
};

class StoryLog {
 public:
  explicit StoryLog(Rng& rng) : rng_(rng) {}
  void position(const StoryVessel& v, bool class_b, std::int64_t t, const LatLonD& p, double sog, double cog, int status) {
    ais::Position pos;
    pos.type = class_b ? 18 : 1;
    pos.mmsi = v.mmsi;
    pos.status = status;
    pos.lat = p.lat;
    pos.lon = p.lon;
    pos.sog = sog;
    pos.cog = cog;
    pos.heading = class_b ? 511 : static_cast<int>(ais::round_half(cog)) % 360;
    pos.second = static_cast<int>(t % 60);
    Line l{t, {}};
    ais::append_sentence(l.text, station_for(p.lat, p.lon), t, 1, 1, -1, class_b ? 'B' : 'A', ais::encode_position(pos));
    lines_.push_back(std::move(l));
    if (t - last_static_[v.mmsi] >= 360) {
      last_static_[v.mmsi] = t;
      Line s{t, {}};
      if (class_b) {
        ais::StaticB sb{v.mmsi, v.name, v.callsign, "SRT", 37, 6, 4, 1, 2};
        ais::append_sentence(s.text, station_for(p.lat, p.lon), t, 1, 1, -1, 'B', ais::encode_static_b_part_a(sb));
        ais::append_sentence(s.text, station_for(p.lat, p.lon), t, 1, 1, -1, 'B', ais::encode_static_b_part_b(sb));
        count_ += 2;
      } else {
        ais::StaticA sa{v.mmsi, 0, v.callsign, v.name, "FISHING", 30, 18, 6, 4, 3, 8, 20, 18, 0, 3.2};
        ais::Payload a, b;
        ais::encode_static_a(sa, a, b);
        const int seq = static_cast<int>(seq_++ % 10);
        ais::append_sentence(s.text, station_for(p.lat, p.lon), t, 2, 1, seq, 'A', a);
        ais::append_sentence(s.text, station_for(p.lat, p.lon), t, 2, 2, seq, 'A', b);
        count_ += 2;
      }
      lines_.push_back(std::move(s));
    }
    ++count_;
  }
  // Sails from `from` to `to` between t0 and t1, reporting every `every` seconds (± a few).
  LatLonD leg(const StoryVessel& v, bool class_b, LatLonD from, const LatLonD& to, std::int64_t t0, std::int64_t t1,
              int every) {
    const double nm = distance_nm(from, to);
    const double kn = nm / (static_cast<double>(t1 - t0) / 3600);
    std::int64_t t = t0;
    double cog = 0;
    while (t < t1) {
      const std::int64_t next = std::min<std::int64_t>(t1, t + every + rng_.range(-every / 10, every / 10));
      position(v, class_b, t, from, kn * rng_.uniform(0.96, 1.04), cog, 0);
      step_towards(from, to, kn * static_cast<double>(next - t) / 3600, &cog);
      t = next;
    }
    return from;
  }
  // Drifts around `centre` (within ~200 m) at under 2 kn.
  void drift(const StoryVessel& v, bool class_b, const LatLonD& centre, LatLonD offset, std::int64_t t0, std::int64_t t1,
             int every) {
    for (std::int64_t t = t0; t < t1; t += every + rng_.range(-every / 10, every / 10)) {
      offset.lat = std::clamp(offset.lat + 0.0001 * static_cast<double>(rng_.irange(-2, 2)), -0.0012, 0.0012);
      offset.lon = std::clamp(offset.lon + 0.0001 * static_cast<double>(rng_.irange(-2, 2)), -0.0012, 0.0012);
      position(v, class_b, t, {centre.lat + offset.lat, centre.lon + offset.lon}, rng_.uniform(0.1, 1.4),
               rng_.uniform(0, 359.9), class_b ? 0 : 7);
    }
  }
  std::vector<Line>& lines() { return lines_; }
  std::int64_t count() const { return count_; }

 private:
  Rng& rng_;
  std::vector<Line> lines_;
  std::map<std::uint32_t, std::int64_t> last_static_;
  std::int64_t count_ = 0;
  std::uint64_t seq_ = 0;
};

const LatLonD kLampedusaPort{35.4985, 12.6070};

// Open-sea waypoints south of Malta and Sicily and north of the Libyan coast: lines
// between any two stay at sea.
LatLonD sea_point(Rng& rng) {
  if (rng.chance(0.7)) return {rng.uniform(33.6, 35.2), rng.uniform(12.9, 19.0)};
  return {rng.uniform(35.2, 36.3), rng.uniform(15.3, 19.0)};
}

struct Background {
  std::uint32_t mmsi = 0;
  bool class_b = false;
  std::string name, callsign, destination;
  std::uint32_t imo = 0;
  int shiptype = 70, bow = 100, stern = 40, port = 10, starboard = 12;
  double draught = 8, speed = 12;
  LatLonD pos{}, target{};
  double cog = 0;
  std::int64_t next = 0;
  int interval = 40;
  int reports = 0;
};

Background make_background(Rng& rng, int i, std::int64_t start, int interval) {
  static const std::vector<std::uint32_t> mids = {215, 229, 248, 249, 256, 247, 636, 352, 355, 370, 538, 240, 241, 271, 672};
  static const std::vector<std::string_view> first = {"MSC", "GRANDE", "CAPE", "AEGEAN", "NORDIC", "MARE", "STAR", "OCEAN",
                                                      "SEA", "AL", "BLUE", "MEDI", "ATLANTIC", "ISOLA"};
  static const std::vector<std::string_view> second = {"SPIRIT", "EXPRESS", "TRADER", "GLORY", "PIONEER", "VOYAGER",
                                                       "ANNA", "LIBERTY", "HORIZON", "DIGNITY", "PROGRESS", "WIND"};
  Background b;
  const double kind = rng.unit();
  b.class_b = kind > 0.9;
  b.mmsi = static_cast<std::uint32_t>(rng.pick(mids)) * 1000000U + static_cast<std::uint32_t>(rng.range(1000, 999999)) +
           static_cast<std::uint32_t>(i % 7);
  b.name = std::string(rng.pick(first)) + " " + std::string(rng.pick(second));
  if (rng.chance(0.3)) b.name += " " + std::to_string(rng.range(1, 9));
  static const char* letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  b.callsign = std::string(1, letters[rng.below(26)]) + letters[rng.below(26)] + std::to_string(rng.range(100, 9999));
  static const std::vector<std::string_view> dests = {"MTMAR", "ITAUG", "GRPIR", "EGPSD", "TNTUN", "LYMRA", "ITCTA",
                                                      "TRMER", "ESALG", "PORT SAID", "GIBRALTAR", "ITGIT"};
  b.destination = std::string(rng.pick(dests));
  if (b.class_b) {
    b.shiptype = 37;
    b.speed = rng.uniform(5, 7.5);
    b.bow = 8;
    b.stern = 4;
    b.port = 2;
    b.starboard = 2;
  } else if (kind < 0.45) {
    b.shiptype = 70 + static_cast<int>(rng.below(10));  // cargo
    b.speed = rng.uniform(11, 16);
  } else if (kind < 0.7) {
    b.shiptype = 80 + static_cast<int>(rng.below(10));  // tanker
    b.speed = rng.uniform(10, 14);
    b.draught = rng.uniform(9, 14);
  } else if (kind < 0.8) {
    b.shiptype = 60;  // passenger
    b.speed = rng.uniform(17, 22);
  } else {
    b.shiptype = 30;  // fishing, trawling but never slow enough to loiter
    b.speed = rng.uniform(3.5, 6);
    b.bow = 20;
    b.stern = 8;
    b.port = 4;
    b.starboard = 4;
    b.draught = 3.5;
  }
  b.imo = b.class_b ? 0 : static_cast<std::uint32_t>(9000000 + rng.range(100000, 899999));
  b.pos = sea_point(rng);
  b.target = sea_point(rng);
  b.interval = std::max(3, interval + static_cast<int>(rng.range(-interval / 5, interval / 5)));
  b.next = start + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(b.interval)));
  return b;
}

std::string geojson_zones(const Story& s) {
  auto box = [](const char* name, const char* kind, double lat0, double lon0, double lat1, double lon1) {
    Json ring = Json::array({{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}});
    return Json{{"type", "Feature"},
                {"properties", {{"name", name}, {"kind", kind}}},
                {"geometry", {{"type", "Polygon"}, {"coordinates", Json::array({ring})}}}};
  };
  Json fc = {{"type", "FeatureCollection"}, {"features", Json::array()}};
  auto& f = fc["features"];
  f.push_back(box("Zuwara west beach", "beach", s.beach_lat - 0.02, s.beach_lon - 0.045, s.beach_lat + 0.02, s.beach_lon + 0.045));
  f.push_back(box("Sabratha beach", "beach", 32.79, 12.40, 32.82, 12.50));
  f.push_back(box("Zuwara port", "port", 32.925, 12.075, 32.945, 12.100));
  f.push_back(box("Tripoli port", "port", 32.89, 13.16, 32.92, 13.21));
  f.push_back(box("Lampedusa port", "port", 35.490, 12.595, 35.505, 12.620));
  f.push_back(box("Valletta Grand Harbour", "port", 35.88, 14.50, 35.90, 14.53));
  f.push_back(box("Hurd's Bank anchorage", "anchorage", 35.87, 14.60, 35.93, 14.70));
  f.push_back(box("Porto Empedocle", "port", 37.27, 13.50, 37.29, 13.54));
  return fc.dump(1) + "\n";
}

std::string geojson_coast() {
  // Coarse coastlines (a few kilometres off at most): enough for "more than 20 / 50 nm
  // from shore", the only use the events make of them.
  const std::vector<std::pair<const char*, std::vector<LatLonD>>> lines = {
      {"Tunisia and Libya",
       {{37.27, 9.87}, {36.80, 10.30}, {36.45, 10.75}, {35.83, 10.64}, {35.50, 11.06}, {34.74, 10.76}, {34.40, 10.35},
        {33.88, 10.10}, {33.70, 10.75}, {33.17, 11.56}, {32.93, 12.08}, {32.80, 12.48}, {32.90, 13.18}, {32.65, 14.26},
        {32.38, 15.20}, {31.20, 16.60}, {30.30, 18.50}, {31.00, 19.80}, {32.10, 20.05}, {32.80, 21.50}, {32.90, 22.80}}},
      {"Sicily",
       {{36.69, 15.10}, {36.72, 14.84}, {37.06, 14.25}, {37.10, 13.93}, {37.28, 13.52}, {37.50, 13.08}, {37.65, 12.59},
        {37.80, 12.43}, {38.02, 12.50}, {38.12, 13.36}, {38.04, 14.02}, {38.22, 15.24}, {38.19, 15.56}, {37.50, 15.09},
        {37.07, 15.29}, {36.69, 15.10}}},
      {"Malta", {{35.82, 14.56}, {35.90, 14.33}, {35.99, 14.33}, {35.96, 14.43}, {35.88, 14.57}, {35.82, 14.56}}},
      {"Gozo", {{36.01, 14.19}, {36.08, 14.22}, {36.05, 14.34}, {36.01, 14.19}}},
      {"Lampedusa", {{35.49, 12.53}, {35.52, 12.52}, {35.53, 12.60}, {35.50, 12.63}, {35.49, 12.53}}},
      {"Linosa", {{35.86, 12.85}, {35.87, 12.87}, {35.86, 12.88}, {35.86, 12.85}}},
      {"Pantelleria", {{36.73, 11.95}, {36.83, 11.93}, {36.80, 12.05}, {36.73, 12.03}, {36.73, 11.95}}},
      {"Calabria", {{37.93, 15.65}, {38.45, 15.90}, {38.70, 16.10}, {38.90, 16.60}, {38.93, 17.10}, {39.40, 17.15}}},
  };
  Json fc = {{"type", "FeatureCollection"}, {"features", Json::array()}};
  for (const auto& [name, pts] : lines) {
    Json coords = Json::array();
    for (const auto& p : pts) coords.push_back({p.lon, p.lat});
    fc["features"].push_back({{"type", "Feature"},
                              {"properties", {{"name", name}}},
                              {"geometry", {{"type", "LineString"}, {"coordinates", coords}}}});
  }
  return fc.dump(1) + "\n";
}

}  // namespace

std::int64_t write_ais(const Timeline& tl, const Story& s, Rng rng, std::int64_t sentences, const std::filesystem::path& dir,
                       Json& truth, const std::function<void(double)>& progress) {
  const std::int64_t t0 = tl.voyage_start, t_end = tl.voyage_end;

  // The story, laid out first so the background can fill the rest of the budget.
  StoryLog story(rng);
  const LatLonD meet{s.meet_lat, s.meet_lon}, beach{s.beach_lat, s.beach_lon}, dark{s.dark_lat, s.dark_lon};
  const StoryVessel& mv = s.mother;
  LatLonD p = story.leg(mv, false, {33.80, 15.60}, dark, t0, s.dark_start, 60);
  (void)p;
  // Dark from dark_start to dark_end; it reappears at the meeting point and drifts there.
  story.drift(mv, false, meet, {0, 0}, s.loiter_start, s.loiter_end, 60);
  story.leg(mv, false, meet, {34.60, 19.00}, s.loiter_end, t_end, 60);
  for (int i = 0; i < 2; ++i) {
    const StoryVessel& b = s.boats[i];
    story.drift(b, true, beach, {0, 0}, s.depart[i] - 30 * 60, s.depart[i], 30);
    const LatLonD near{meet.lat + 0.0008 * (i ? -1 : 1), meet.lon + 0.0006};
    story.leg(b, true, beach, near, s.depart[i], s.meet_start[i], 30);
    story.drift(b, true, near, {0, 0}, s.meet_start[i], s.meet_end[i], 30);
    const LatLonD at = story.leg(b, true, near, kLampedusaPort, s.meet_end[i], s.arrive[i], 30);
    story.drift(b, true, at, {0, 0}, s.arrive[i], s.arrive[i] + 3600, 60);
  }
  auto& story_lines = story.lines();
  std::stable_sort(story_lines.begin(), story_lines.end(), [](const Line& a, const Line& b) { return a.t < b.t; });

  // Background: vessel count and cadence fitted to what is left of the budget.
  const std::int64_t budget = std::max<std::int64_t>(0, sentences - story.count());
  const int nvessels = static_cast<int>(std::clamp<std::int64_t>(budget / 6600, 20, 300));
  const double window = static_cast<double>(t_end - t0);
  const int interval = std::max(3, static_cast<int>(static_cast<double>(nvessels) * window * 1.1 * 0.985 / static_cast<double>(std::max<std::int64_t>(budget, 1))));
  std::vector<Background> fleet;
  for (int i = 0; i < nvessels; ++i) fleet.push_back(make_background(rng, i, t0, interval));
  using Slot = std::pair<std::int64_t, int>;
  std::priority_queue<Slot, std::vector<Slot>, std::greater<Slot>> queue;
  for (int i = 0; i < nvessels; ++i) queue.push({fleet[static_cast<std::size_t>(i)].next, i});

  std::ofstream out(dir / "ais.nmea", std::ios::binary | std::ios::trunc);
  if (!out) throw Error((dir / "ais.nmea").string(), "cannot create file");
  std::string buf;
  buf.reserve(9 << 20);
  auto flush = [&](bool force) {
    if (buf.size() < (8u << 20) && !force) return;
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.clear();
  };
  std::int64_t written_bg = 0, written = 0;
  std::size_t si = 0;
  std::uint64_t seq = 0;
  while (true) {
    const bool bg_left = written_bg < budget && !queue.empty();
    const std::int64_t bg_t = bg_left ? queue.top().first : INT64_MAX;
    if (si < story_lines.size() && story_lines[si].t <= bg_t) {
      buf += story_lines[si].text;
      written += static_cast<std::int64_t>(std::count(story_lines[si].text.begin(), story_lines[si].text.end(), '\n'));
      ++si;
    } else if (bg_left) {
      const int idx = queue.top().second;
      queue.pop();
      Background& b = fleet[static_cast<std::size_t>(idx)];
      const std::int64_t t = b.next;
      const std::string_view station = station_for(b.pos.lat, b.pos.lon);
      const bool want_static = b.reports % 10 == 0 && budget - written_bg >= 3;
      ais::Position pos;
      pos.type = b.class_b ? 18 : (b.reports % 7 == 3 ? 3 : 1);
      pos.mmsi = b.mmsi;
      pos.status = b.shiptype == 30 ? 7 : 0;
      pos.lat = b.pos.lat;
      pos.lon = b.pos.lon;
      pos.sog = b.speed + 0.1 * static_cast<double>(rng.irange(-3, 3));
      pos.cog = b.cog;
      pos.heading = b.class_b ? 511 : static_cast<int>(ais::round_half(b.cog + static_cast<double>(rng.irange(-2, 2))) + 360) % 360;
      pos.second = static_cast<int>(t % 60);
      const char ch = (b.reports & 1) ? 'B' : 'A';
      ais::append_sentence(buf, station, t, 1, 1, -1, ch, ais::encode_position(pos));
      ++written_bg;
      if (want_static) {
        if (b.class_b) {
          ais::StaticB sb{b.mmsi, b.name, b.callsign, "SRT", b.shiptype, b.bow, b.stern, b.port, b.starboard};
          ais::append_sentence(buf, station, t, 1, 1, -1, ch, ais::encode_static_b_part_a(sb));
          ais::append_sentence(buf, station, t, 1, 1, -1, ch, ais::encode_static_b_part_b(sb));
        } else {
          const Civil eta = civil_from_unix(t + 2 * 86400);
          ais::StaticA sa{b.mmsi, b.imo, b.callsign, b.name, b.destination, b.shiptype, b.bow, b.stern, b.port, b.starboard,
                          eta.month, eta.day, eta.hour, 0, b.draught};
          ais::Payload a, c;
          ais::encode_static_a(sa, a, c);
          const int sq = static_cast<int>(seq++ % 10);
          ais::append_sentence(buf, station, t, 2, 1, sq, ch, a);
          ais::append_sentence(buf, station, t, 2, 2, sq, ch, c);
        }
        written_bg += 2;
      }
      ++b.reports;
      // Advance the vessel to its next report; a new waypoint when it arrives.
      b.next = t + b.interval + rng.range(-2, 2);
      if (step_towards(b.pos, b.target, b.speed * static_cast<double>(b.next - t) / 3600, &b.cog)) b.target = sea_point(rng);
      queue.push({b.next, idx});
      if (progress && written_bg % 200000 == 0) progress(static_cast<double>(written_bg) / static_cast<double>(budget));
    } else {
      break;
    }
    flush(false);
  }
  written += written_bg;
  flush(true);
  out.close();
  if (!out) throw Error((dir / "ais.nmea").string(), "cannot write file");
  write_bytes(dir / "zones.geojson", geojson_zones(s));
  write_bytes(dir / "coast.geojson", geojson_coast());

  Json& t = truth["vessels"];
  t["file"] = "ais.nmea";
  t["sentences"] = written;
  t["background_vessels"] = nvessels;
  auto vessel = [](const StoryVessel& v, const char* role) {
    return Json{{"mmsi", v.mmsi}, {"name", v.name}, {"callsign", v.callsign}, {"role", role}};
  };
  t["story"] = Json::array({vessel(s.mother, "mother vessel"), vessel(s.boats[0], "small boat"), vessel(s.boats[1], "small boat")});
  // Each event's window is the planted interval; a detector's event should overlap it
  // (departures and arrivals are seen when the track crosses the polygon's edge).
  Json ev = Json::array();
  ev.push_back({{"kind", "gap"}, {"mmsi", {s.mother.mmsi}}, {"start", iso_utc(s.dark_start)}, {"end", iso_utc(s.dark_end)},
                {"lat", s.dark_lat}, {"lon", s.dark_lon}});
  ev.push_back({{"kind", "loitering"}, {"mmsi", {s.mother.mmsi}}, {"start", iso_utc(s.loiter_start)}, {"end", iso_utc(s.loiter_end)},
                {"lat", s.meet_lat}, {"lon", s.meet_lon}});
  for (int i = 0; i < 2; ++i) {
    ev.push_back({{"kind", "departure"}, {"mmsi", {s.boats[i].mmsi}}, {"start", iso_utc(s.depart[i])}, {"end", iso_utc(s.depart[i] + 1800)},
                  {"lat", s.beach_lat}, {"lon", s.beach_lon}, {"zone", "Zuwara west beach"}});
    ev.push_back({{"kind", "encounter"}, {"mmsi", {s.mother.mmsi, s.boats[i].mmsi}}, {"start", iso_utc(s.meet_start[i])},
                  {"end", iso_utc(s.meet_end[i])}, {"lat", s.meet_lat}, {"lon", s.meet_lon}});
    ev.push_back({{"kind", "arrival"}, {"mmsi", {s.boats[i].mmsi}}, {"start", iso_utc(s.arrive[i] - 1800)}, {"end", iso_utc(s.arrive[i] + 300)},
                  {"lat", kLampedusaPort.lat}, {"lon", kLampedusaPort.lon}, {"zone", "Lampedusa port"}});
  }
  t["events"] = std::move(ev);
  return written;
}

}  // namespace corridor::demo

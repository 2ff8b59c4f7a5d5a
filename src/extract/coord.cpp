// Coordinates written in text: decimal pairs ("32.88721, 13.19135", "32.8872° N 13.1913° E")
// and degrees-minutes-seconds ("32°53'14\"N 13°11'29\"E"). Value: "lat,lon" to 6 decimals.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/geo.hpp"
#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

// Numbers and hemisphere letters of the span, in order.
struct Tok {
  double value;
  std::size_t decimals;
  char hemi;  // 'N','S','E','W' or 0 for a number
  bool negative;
};

std::vector<Tok> tokens(std::string_view t) {
  std::vector<Tok> out;
  for (std::size_t i = 0; i < t.size();) {
    if (is_ascii_digit(t[i])) {
      std::size_t j = i;
      while (j < t.size() && (is_ascii_digit(t[j]) || t[j] == '.')) ++j;
      const std::string num(t.substr(i, j - i));
      const auto dot = num.find('.');
      const bool neg = i > 0 && t[i - 1] == '-';
      out.push_back({std::strtod(num.c_str(), nullptr), dot == std::string::npos ? 0 : num.size() - dot - 1, 0, neg});
      i = j;
      continue;
    }
    const char u = to_upper(t[i]);
    if (u == 'N' || u == 'S' || u == 'E' || u == 'W') out.push_back({0, 0, u, false});
    ++i;
  }
  return out;
}

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (!texty_around(c.buf, c.from, c.to)) return;
  if (glued_before(c.buf, c.from) || glued_after(c.buf, c.to)) return;
  if (c.from > 0 && (c.buf[c.from - 1] == '.' || c.buf[c.from - 1] == '-' ) && c.pattern != 0) return;
  const auto toks = tokens(c.text());
  double lat = 0, lon = 0;
  std::vector<double> nums;
  char hemi[2] = {0, 0};
  int side = 0;
  std::vector<double> parts[2];
  for (const auto& t : toks) {
    if (t.hemi) {
      if (side < 2) hemi[side] = t.hemi;
      ++side;
    } else if (side < 2) {
      parts[side].push_back(t.negative && parts[side].empty() ? -t.value : t.value);
    }
  }
  if (c.pattern == 0) {  // plain decimal pair, sign gives the hemisphere
    if (toks.size() != 2 || toks[0].decimals < 4 || toks[1].decimals < 4) return;
    lat = toks[0].negative ? -toks[0].value : toks[0].value;
    lon = toks[1].negative ? -toks[1].value : toks[1].value;
  } else {
    if (side != 2 || parts[0].empty() || parts[1].empty() || parts[0].size() > 3 || parts[1].size() > 3) return;
    auto dms = [](const std::vector<double>& p) {
      double v = p[0];
      if (p.size() > 1) {
        if (p[1] >= 60) return -1.0;
        v += p[1] / 60;
      }
      if (p.size() > 2) {
        if (p[2] >= 60) return -1.0;
        v += p[2] / 3600;
      }
      return v;
    };
    const bool ns = hemi[0] == 'N' || hemi[0] == 'S';
    const bool ew = hemi[1] == 'E' || hemi[1] == 'W';
    if (!ns || !ew) return;
    lat = dms(parts[0]);
    lon = dms(parts[1]);
    if (lat < 0 || lon < 0) return;
    if (hemi[0] == 'S') lat = -lat;
    if (hemi[1] == 'W') lon = -lon;
  }
  if (!valid_lat_lon(lat, lon) || (lat == 0 && lon == 0)) return;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f,%.6f", lat, lon);
  ctx.emit(c, c.from, c.to, "coord", buf);
}

}  // namespace

Feature coord_feature() {
  const std::string deg = R"((?:\xC2\xB0|\xC2\xBA))";
  const std::string min = R"((?:'|\xE2\x80\xB2|\xC2\xB4))";
  const std::string sec = R"((?:"|''|\xE2\x80\xB3))";
  const std::string dms_lat = "[0-9]{1,2} ?" + deg + " ?[0-9]{1,2}(?:\\.[0-9]+)? ?" + min + "(?: ?[0-9]{1,2}(?:\\.[0-9]+)? ?" + sec + ")? ?[NSns]";
  const std::string dms_lon = "[0-9]{1,3} ?" + deg + " ?[0-9]{1,2}(?:\\.[0-9]+)? ?" + min + "(?: ?[0-9]{1,2}(?:\\.[0-9]+)? ?" + sec + ")? ?[EWew]";
  const std::string dec_lat = "[0-9]{1,2}\\.[0-9]{1,8} ?" + deg + "? ?[NSns]";
  const std::string dec_lon = "[0-9]{1,3}\\.[0-9]{1,8} ?" + deg + "? ?[EWew]";
  return Feature{"coord",
                 {"coord"},
                 {R"(-?[0-9]{1,2}\.[0-9]{4,8}(?:, ?| )-?[0-9]{1,3}\.[0-9]{4,8})",
                  dms_lat + "(?:, ?| )" + dms_lon, dec_lat + "(?:, ?| )" + dec_lon},
                 handle};
}

}  // namespace corridor::extract

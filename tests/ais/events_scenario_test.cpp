// Behaviour events on a generated scenario with known gaps, encounters and loitering, plus
// decoys that must not fire (short gaps, gaps near shore, brief or fast meetings, short
// stops). Prints precision and recall per kind.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>

#include "ais/events.hpp"

using namespace corridor;
using namespace corridor::ais;

namespace {

constexpr std::int64_t kT0 = 1'700'000'000'000;  // 2023-11-14
constexpr std::int64_t kMin = 60'000, kHour = 3'600'000;

struct Truth {
  std::string kind;
  std::vector<std::uint32_t> vessels;
  std::int64_t start, end;
};

class Scenario {
 public:
  std::vector<PositionReport> positions;
  std::vector<Truth> truth;
  std::mt19937 rng{42};

  // A leg at constant velocity from (lat, lon), reporting every ~`every` minutes.
  // Returns the end position.
  LatLon leg(std::uint32_t mmsi, std::int64_t from, std::int64_t to, LatLon p, double kn, double course_deg,
             double every_min = 6) {
    std::uniform_real_distribution<double> jitter(-0.3, 0.3);
    const double rad = course_deg * M_PI / 180;
    std::int64_t t = from;
    LatLon q = p;
    while (t <= to) {
      const double h = static_cast<double>(t - from) / kHour;
      const double nm = kn * h;
      q = {p.lat + nm * std::cos(rad) / 60, p.lon + nm * std::sin(rad) / 60 / std::cos(p.lat * M_PI / 180)};
      PositionReport r;
      r.mmsi = mmsi;
      r.msg_type = 1;
      r.unix_millis = t;
      r.lat = q.lat;
      r.lon = q.lon;
      r.sog = kn;
      r.cog = course_deg;
      r.locator.line = positions.size() + 1;
      positions.push_back(r);
      t += static_cast<std::int64_t>((every_min + jitter(rng)) * kMin);
    }
    return q;
  }
};

double overlap(std::int64_t a0, std::int64_t a1, std::int64_t b0, std::int64_t b1) {
  return static_cast<double>(std::min(a1, b1) - std::max(a0, b0));
}

TEST(EventsScenario, PrecisionAndRecall) {
  Scenario s;
  Coastline coast;
  coast.lines.push_back({{30.0, 10.0}, {30.0, 30.0}});  // an east-west shore at 30 N
  std::uint32_t next = 247000001;

  // Going dark far offshore (lat 35 = 300 nm from shore): true gaps of 13-30 h.
  for (int k = 0; k < 8; ++k) {
    const std::uint32_t m = next++;
    const std::int64_t off = (10 + 2 * k) * kHour, dark = (13 + 2 * k) * kHour;
    LatLon p = s.leg(m, kT0, kT0 + off, {35.0 + 0.2 * k, 12.0}, 10, 90);
    p.lon += 1.5;  // reappears elsewhere
    s.leg(m, kT0 + off + dark, kT0 + off + dark + 6 * kHour, p, 10, 90);
    s.truth.push_back({"gap", {m}, kT0 + off, kT0 + off + dark});
  }
  // Decoys: 8 h gaps offshore (below 12 h), and a 20 h gap near shore (30.3 N, 18 nm).
  for (int k = 0; k < 4; ++k) {
    const std::uint32_t m = next++;
    LatLon p = s.leg(m, kT0, kT0 + 5 * kHour, {36.0 + 0.2 * k, 16.0}, 8, 90);
    s.leg(m, kT0 + 13 * kHour, kT0 + 18 * kHour, p, 8, 90);
  }
  {
    const std::uint32_t m = next++;
    LatLon p = s.leg(m, kT0, kT0 + 5 * kHour, {30.3, 20.0}, 8, 90);
    s.leg(m, kT0 + 25 * kHour, kT0 + 30 * kHour, p, 8, 90);
  }

  // Meetings at sea: two vessels converge, drift together 2.5-3.5 h at 0.5 kn, part.
  for (int k = 0; k < 6; ++k) {
    const std::uint32_t a = next++, b = next++;
    const LatLon meet{33.0 + 0.3 * k, 22.0};
    const std::int64_t t1 = kT0 + 4 * kHour, t2 = t1 + (150 + 12 * k) * kMin;
    s.leg(a, kT0, t1 - kMin, {meet.lat, meet.lon - 40.0 / 60 / std::cos(meet.lat * M_PI / 180)}, 10, 90);
    s.leg(b, kT0, t1 - kMin, {meet.lat + 40.0 / 60, meet.lon}, 10, 180);
    s.leg(a, t1, t2, meet, 0.5, 45, 5);
    s.leg(b, t1, t2, {meet.lat + 0.002, meet.lon}, 0.5, 45, 7);  // ~220 m apart
    s.leg(a, t2 + 6 * kMin, t2 + 4 * kHour, meet, 12, 270);
    s.leg(b, t2 + 6 * kMin, t2 + 4 * kHour, meet, 12, 0);
    s.truth.push_back({"encounter", {a, b}, t1, t2});
  }
  // Decoys: together only 1 h; together 3 h but steaming at 9 kn (a convoy).
  for (int k = 0; k < 3; ++k) {
    const std::uint32_t a = next++, b = next++;
    const LatLon meet{33.0 + 0.3 * k, 26.0};
    s.leg(a, kT0, kT0 + kHour, meet, 0.5, 0, 5);
    s.leg(b, kT0, kT0 + kHour, {meet.lat + 0.002, meet.lon}, 0.5, 0, 7);
    s.leg(a, kT0 + kHour + 10 * kMin, kT0 + 5 * kHour, meet, 12, 270);
    s.leg(b, kT0 + kHour + 10 * kMin, kT0 + 5 * kHour, meet, 12, 90);
    const std::uint32_t c = next++, d = next++;
    s.leg(c, kT0, kT0 + 3 * kHour, {meet.lat, meet.lon + 2}, 9, 0);
    s.leg(d, kT0, kT0 + 3 * kHour, {meet.lat + 0.002, meet.lon + 2}, 9, 0);
  }

  // Loitering alone offshore: 5-11 h below 2 kn between transits.
  for (int k = 0; k < 6; ++k) {
    const std::uint32_t m = next++;
    const std::int64_t t1 = kT0 + 3 * kHour, t2 = t1 + (5 + k) * kHour;
    LatLon p = s.leg(m, kT0, t1 - 6 * kMin, {37.0 + 0.3 * k, 28.0}, 11, 90);
    p = s.leg(m, t1, t2, p, 0.8, 200);
    s.leg(m, t2 + 6 * kMin, t2 + 5 * kHour, p, 11, 90);
    s.truth.push_back({"loitering", {m}, t1, t2});
  }
  // Decoys: 2 h stop offshore; 8 h stop 10 nm from shore (a fishing boat at its coast).
  for (int k = 0; k < 3; ++k) {
    const std::uint32_t m = next++;
    LatLon p = s.leg(m, kT0, kT0 + 3 * kHour, {38.0 + 0.3 * k, 34.0}, 11, 90);
    p = s.leg(m, kT0 + 3 * kHour + 6 * kMin, kT0 + 5 * kHour, p, 0.8, 0);
    s.leg(m, kT0 + 5 * kHour + 6 * kMin, kT0 + 9 * kHour, p, 11, 90);
  }
  {
    const std::uint32_t m = next++;
    s.leg(m, kT0, kT0 + 8 * kHour, {30.15, 25.0}, 0.5, 90);
  }

  const auto tracks = build_tracks(s.positions, {}, {});
  const auto events = all_events(tracks, {}, coast, EventOptions{});

  for (const std::string kind : {"gap", "encounter", "loitering"}) {
    std::size_t predicted = 0, true_pos = 0, truths = 0, found = 0;
    for (const auto& t : s.truth) truths += t.kind == kind;
    std::vector<bool> hit(s.truth.size(), false);
    for (const auto& e : events) {
      if (e.kind != kind) continue;
      ++predicted;
      bool ok = false;
      for (std::size_t i = 0; i < s.truth.size(); ++i) {
        const auto& t = s.truth[i];
        if (t.kind == kind && t.vessels == e.vessels && overlap(t.start, t.end, e.start, e.end) > 0) {
          ok = true;
          hit[i] = true;
        }
      }
      true_pos += ok;
      if (!ok) std::printf("  false %s: %s\n", kind.c_str(), e.reason.c_str());
    }
    for (std::size_t i = 0; i < s.truth.size(); ++i) found += s.truth[i].kind == kind && hit[i];
    const double precision = predicted ? static_cast<double>(true_pos) / static_cast<double>(predicted) : 1.0;
    const double recall = truths ? static_cast<double>(found) / static_cast<double>(truths) : 1.0;
    std::printf("%-10s truth %zu predicted %zu precision %.2f recall %.2f\n", kind.c_str(), truths, predicted,
                precision, recall);
    EXPECT_GE(precision, 0.95) << kind;
    EXPECT_GE(recall, 0.95) << kind;
  }
}

}  // namespace

// The sea story's fixed geography and times. Places are chosen against the event
// definitions the AIS layer uses (Global Fishing Watch's): the gap starts and ends more
// than 50 nm from any shore and lasts 18 h (> 12 h); the meetings last over 2 h within a
// few hundred metres at under 2 kn, offshore and outside any port; the loitering lasts
// 10 h (> 4 h) more than 20 nm out.
#include "demo/case.hpp"

namespace corridor::demo {

Story make_story(Rng rng, const Timeline& tl) {
  Story s;
  const std::int64_t d0 = tl.voyage_start;
  // MIDs: 642 Libya for the mother vessel (a fishing trawler), 667 Sierra Leone and 620
  // Comoros for the small craft (flags of convenience of second-hand boats).
  s.mother = {static_cast<std::uint32_t>(642000000 + rng.range(100000, 999999)), "", ""};
  static const std::vector<std::string_view> trawlers = {"AL MABROUKA 7", "NOUR AL BAHR", "SAYAD 3", "ALHAYAT 11", "ZUWARA STAR"};
  s.mother.name = std::string(rng.pick(trawlers));
  s.mother.callsign = "5AM" + std::to_string(rng.range(1000, 9999));
  static const std::vector<std::string_view> small = {"SEA BIRD", "DELFINO", "BLUE WAVE", "FALCON 2", "RIO"};
  for (int i = 0; i < 2; ++i) {
    s.boats[i].mmsi = static_cast<std::uint32_t>((i ? 620000000 : 667000000) + rng.range(100000, 999999));
    s.boats[i].name = std::string(small[(rng.below(small.size()) + static_cast<std::size_t>(i)) % small.size()]);
    s.boats[i].callsign = (i ? "D6A" : "9LY") + std::to_string(rng.range(100, 999));
  }
  s.beach_lat = 32.915;
  s.beach_lon = 12.015;
  s.dark_lat = 34.00;
  s.dark_lon = 14.50;
  s.meet_lat = 34.15 + 0.01 * static_cast<double>(rng.irange(-3, 3));
  s.meet_lon = 13.30 + 0.01 * static_cast<double>(rng.irange(-3, 3));
  s.dark_start = d0 + 6 * 3600;
  s.dark_end = d0 + 24 * 3600;
  s.loiter_start = s.dark_end;
  s.loiter_end = d0 + 34 * 3600;
  s.depart[0] = d0 + 20 * 3600;
  s.depart[1] = d0 + 22 * 3600 + 30 * 60;
  s.meet_start[0] = d0 + 28 * 3600;
  s.meet_end[0] = d0 + 31 * 3600;
  s.meet_start[1] = d0 + 31 * 3600 + 30 * 60;
  s.meet_end[1] = d0 + 34 * 3600;
  s.arrive[0] = s.meet_end[0] + 9 * 3600;
  s.arrive[1] = s.meet_end[1] + 9 * 3600;
  return s;
}

}  // namespace corridor::demo

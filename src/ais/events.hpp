#pragma once
// Behaviour events over vessel tracks, each explained in words and tied to the sentences
// that show it. Thresholds default to Global Fishing Watch's published definitions and
// are all configurable. These are indicators for a person to review, never conclusions.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "ais/track.hpp"
#include "ais/zones.hpp"

namespace corridor::ais {

struct Event {
  std::string kind;  // gap, encounter, loitering, departure, arrival, invalid_mid, mmsi_conflict, name_change, type_change
  std::int64_t start = 0, end = 0;  // unix millis
  double lat = 0, lon = 0;          // where it happened (start of a gap, middle of a meeting)
  std::vector<std::uint32_t> vessels;
  std::vector<Locator> evidence;    // sentences that show it (first and last reports, at most a few)
  std::string reason;
  std::string zone;                 // departures and arrivals
};

struct EventOptions {
  // Gaps ("going dark"): GFW counts a gap of 12 h or more with both ends > 50 nm from shore.
  double gap_hours = 12;
  double gap_shore_nm = 50;
  // Encounters: GFW, two vessels within 500 m for >= 2 h, median speed < 2 kn, not at anchorages.
  double encounter_m = 500;
  double encounter_hours = 2;
  double encounter_speed_kn = 2;
  double encounter_step_min = 10;     // positions are compared on this time grid
  double interpolate_max_hours = 2;   // no position is invented across a longer silence
  // Loitering: < 2 kn for >= N hours, offshore (> N nm from shore when a coastline is given).
  double loiter_speed_kn = 2;
  double loiter_hours = 4;
  double loiter_shore_nm = 20;
  // Identity: the same MMSI reported this far apart this fast is two transmitters.
  double conflict_km = 20;
  double conflict_kn = 100;
};

using Tracks = std::map<std::uint32_t, VesselTrack>;

std::vector<Event> gap_events(const Tracks& tracks, const Coastline& coast, const EventOptions& o);
std::vector<Event> encounter_events(const Tracks& tracks, const std::vector<Zone>& zones, const EventOptions& o);
std::vector<Event> loitering_events(const Tracks& tracks, const Coastline& coast, const EventOptions& o);
std::vector<Event> zone_events(const Tracks& tracks, const std::vector<Zone>& zones);
std::vector<Event> identity_events(const Tracks& tracks, const EventOptions& o);

// All of the above, sorted by start time.
std::vector<Event> all_events(const Tracks& tracks, const std::vector<Zone>& zones, const Coastline& coast,
                              const EventOptions& o);

// Maritime Identification Digits: true if the MMSI's MID (per its station kind) lies in the
// ITU range 201..775 used by administrations.
bool valid_mid(std::uint32_t mmsi);

}  // namespace corridor::ais

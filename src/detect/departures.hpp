#pragma once
// Departures clustered before crossings (issue 7, places and times). Small boats carrying
// migrants tend to leave the same stretch of coast within a few hours of each other and
// then make one long, one-way run over the sea. From vessel tracks this finds
//   1. crossing starts: a vessel that was stopped (or inside a launch zone) and then made
//      a long over-sea leg without coming back, or that went dark at sea and reappeared
//      far away;
//   2. clusters of those starts that are close in space and time (ST-DBSCAN: Birant &
//      Kut, Data & Knowledge Engineering 60(1), 2007, after DBSCAN: Ester, Kriegel, Sander
//      & Xu, KDD 1996), with at least two distinct vessels;
//   3. a score for each cluster with its reasons, every reason naming the starts behind it.
// These are assessments for a person to review: a fishing fleet or ferries leaving
// together look alike, which is why round trips are not crossings and large commercial
// ships count against the score.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ais/events.hpp"
#include "core/geo.hpp"

namespace corridor::detect {

struct CrossingStart {
  std::uint32_t mmsi = 0;
  std::string how;          // "stop" (left a stop for a long leg), "zone" (left a launch zone), "gap" (went dark at sea)
  std::int64_t t = 0;       // unix millis: the last report before the leg (or the silence)
  double lat = 0, lon = 0;  // where that report was made
  std::string zone;         // for "zone": the zone's name
  double stop_minutes = 0;  // for "stop": how long it had been stopped
  // The crossing that followed: where the vessel was when it was farthest from the start
  // (for "gap": where it reappeared), how far and when.
  double leg_km = 0;
  double leg_end_lat = 0, leg_end_lon = 0;
  std::int64_t leg_end_t = 0;
  std::vector<ais::Locator> evidence;  // the last report before the leg, the farthest (or reappearance) report
  std::string reason;                  // one line in words
};

struct CrossingOptions {
  double stop_radius_m = 1000;   // a stop: reports staying within this of the first...
  double stop_minutes = 15;      // ...for at least this long...
  double stop_speed_kn = 2;      // ...at a median speed below this (reported, else implied by
                                 // the reports; a vessel turning round at speed is not stopped)
  double min_leg_km = 30;        // a crossing takes the vessel at least this far from its start...
  double return_km = 10;         // ...and it does not come back within this of the start...
  double return_hours = 48;      // ...within this time (a round trip is a fishing trip, not a crossing),
                                 // nor head for a place it was at in this time before (going home)
  double max_leg_hours = 48;     // the far point must be reached within this
  bool gaps = true;              // going dark at sea starts a crossing too (the AIS gap event)
  // With a coastline: a stop counts only within this of the shore ("leaving the coast").
  double coastal_km = 15;
  ais::EventOptions events;      // thresholds of the gap events
};

// Crossing starts of every track, by time then MMSI. With zones, leaving a zone that is not
// a port or anchorage is a start ("zone"), and stops inside ports and anchorages are not
// (routine traffic); with a coastline, stops farther than coastal_km from it are not
// starts and gaps must have both ends offshore (the gap event's own rule).
std::vector<CrossingStart> crossing_starts(const ais::Tracks& tracks, const std::vector<ais::Zone>& zones,
                                           const ais::Coastline& coast, const CrossingOptions& options);

struct DepartureClusterOptions {
  double eps_km = 5;          // two starts are neighbours when at most this far apart...
  double eps_hours = 6;       // ...and at most this far apart in time
  std::size_t min_points = 2; // a core start has this many neighbours, itself included
  std::size_t min_vessels = 2;  // a cluster needs this many distinct vessels
};

struct DepartureCluster {
  std::vector<std::size_t> members;  // indices into the starts, by time
  std::set<std::uint32_t> vessels;
  double lat = 0, lon = 0;           // centroid of the members
  double radius_km = 0;              // farthest member from the centroid
  std::int64_t first = 0, last = 0;  // unix millis
};

// ST-DBSCAN over the starts (great-circle km and hours), clusters by time of their first
// start. Starts that belong to no cluster, and clusters with fewer distinct vessels than
// min_vessels, are left out.
std::vector<DepartureCluster> cluster_departures(const std::vector<CrossingStart>& starts,
                                                 const DepartureClusterOptions& options);

// What a vessel says about itself, for the score.
struct VesselProfile {
  bool class_b = false;      // sent class B reports (type 18, 19 or 24): small craft
  bool class_a = false;      // sent class A static data (type 5)
  bool has_imo = false;      // an IMO number: a seagoing ship of some size
  int shiptype = 0;          // AIS type, 0 when never given
  bool commercial() const;   // passenger, cargo or tanker (types 60-89) with an IMO number
};
std::map<std::uint32_t, VesselProfile> vessel_profiles(const ais::Tracks& tracks);

struct ClusterReason {
  std::string text;
  double weight = 0;                 // share of the score; negative counts against
  std::vector<std::size_t> members;  // indices into the starts behind this reason
};

struct ClusterScore {
  double score = 0;  // 0..1, the sum of the weights clamped
  std::vector<ClusterReason> reasons;  // by decreasing weight
};

ClusterScore score_departure_cluster(const DepartureCluster& cluster, const std::vector<CrossingStart>& starts,
                                     const std::map<std::uint32_t, VesselProfile>& profiles,
                                     const DepartureClusterOptions& options);

}  // namespace corridor::detect

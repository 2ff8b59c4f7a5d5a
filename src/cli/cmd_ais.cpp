// `corridor ais ...`: decode AIS feeds, build vessel tracks and find behaviour events
// (going dark, meetings at sea, loitering, zone departures, identity anomalies).
#include <cstdio>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "ais/events.hpp"
#include "ais/json_writer.hpp"
#include "ais/vessel_records.hpp"
#include "ais/vocabulary.hpp"
#include "app/actor.hpp"
#include "app/ais_case.hpp"
#include "app/record_access.hpp"
#include "cli/command.hpp"
#include "exchange/geojson_areas.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_folder.hpp"
#include "core/error.hpp"
#include "core/time.hpp"

namespace {

using namespace corridor;

struct ClockArgs {
  std::string start;
  double interval_s = 0;
};

ais::ReaderOptions reader_options(const ClockArgs& c) {
  ais::ReaderOptions o;
  if (!c.start.empty()) {
    const auto t = parse_iso8601(c.start);
    if (!t) throw Error("--start", "not an ISO 8601 time: " + c.start);
    o.start_millis = *t;
    o.interval_millis = static_cast<std::int64_t>(c.interval_s * 1000.0);
  }
  return o;
}

std::ifstream open_input(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot open: " + errno_text(errno));
  return in;
}

void print_stats(const ais::ReaderStats& s) {
  std::fprintf(stderr, "lines %llu, sentences %llu, messages %llu, rejected %llu",
               static_cast<unsigned long long>(s.lines), static_cast<unsigned long long>(s.sentences),
               static_cast<unsigned long long>(s.messages), static_cast<unsigned long long>(s.rejects.total()));
  for (std::size_t i = 1; i < ais::kRejectCount; ++i)
    if (s.rejects.n[i])
      std::fprintf(stderr, "%s %s %llu", i == 1 ? ":" : ",",
                   std::string(ais::reject_name(static_cast<ais::Reject>(i))).c_str(),
                   static_cast<unsigned long long>(s.rejects.n[i]));
  std::fprintf(stderr, "\n");
}


// FILE is an NMEA log, or a case folder whose ingested AIS logs are read from case.db
// (that consultation is logged).
ais::Tracks load_tracks(const std::string& file, const ClockArgs& clock, ais::ReaderStats& stats) {
  ais::DecodedStream decoded;
  if (store::is_case_folder(file)) {
    auto c = store::CaseFolder::open(file);
    decoded = app::load_ais(*c);
    app::record_access(*c, app::resolve_actor("", *c), store::audit_action::kConsultation, "ais tracks", "");
    if (decoded.positions.empty()) throw Error(file, "the case holds no AIS positions; ingest an NMEA log first");
  } else {
    std::ifstream in = open_input(file);
    decoded = ais::decode_nmea_stream(in, reader_options(clock));
  }
  stats = decoded.stats;
  std::size_t untimed = 0;
  auto tracks = ais::build_tracks(decoded.positions, decoded.identities, {}, &untimed);
  if (untimed > 0 && untimed == decoded.positions.size())
    throw Error(file, "no sentence has a time (no NMEA 4.0 tag block c:); give --start and --interval");
  if (untimed > 0)
    std::fprintf(stderr, "warning: %zu positions without a time were left out\n", untimed);
  return tracks;
}

std::string mmsi_text(std::uint32_t m) {
  char b[16];
  std::snprintf(b, sizeof b, "%09u", m);
  return b;
}

nlohmann::json evidence_json(const std::vector<ais::Locator>& ev) {
  auto a = nlohmann::json::array();
  for (const auto& l : ev)
    a.push_back({{"line", l.line}, {"last_line", l.last_line}, {"offset", l.byte_offset}, {"length", l.byte_length}});
  return a;
}

nlohmann::json event_json(const ais::Event& e) {
  nlohmann::json j{{"kind", e.kind}, {"start", format_utc(e.start)}, {"end", format_utc(e.end)},
                   {"lat", e.lat}, {"lon", e.lon}, {"reason", e.reason}, {"evidence", evidence_json(e.evidence)}};
  auto v = nlohmann::json::array();
  for (auto m : e.vessels) v.push_back(m);
  j["mmsi"] = v;
  if (!e.zone.empty()) j["zone"] = e.zone;
  return j;
}

void add_clock_options(CLI::App* cmd, ClockArgs& c) {
  cmd->add_option("--start", c.start, "time of the first sentence, for logs without tag-block times (ISO 8601)");
  cmd->add_option("--interval", c.interval_s, "seconds between sentences, with --start")->check(CLI::NonNegativeNumber);
}

void setup(CLI::App& root) {
  auto* ais_cmd = root.add_subcommand("ais", "Decode AIS feeds; vessel tracks and behaviour events");
  ais_cmd->require_subcommand(1);

  {
    struct Args {
      std::string file;
      bool unscaled = false, evidence = false, quiet = false;
      ClockArgs clock;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = ais_cmd->add_subcommand("decode", "NMEA AIS sentences to JSON lines (gpsd field names)");
    cmd->add_option("FILE", args->file, "NMEA log (!AIVDM/!AIVDO, optional NMEA 4.0 tag blocks); - for stdin")
        ->required();
    cmd->add_flag("-u,--unscaled", args->unscaled, "raw integers as on the wire (like gpsdecode -u)");
    cmd->add_flag("--evidence", args->evidence, "add line, byte offset, length and time of the source sentences");
    cmd->add_flag("-q,--quiet", args->quiet, "no summary of rejected lines on stderr");
    add_clock_options(cmd, args->clock);
    cmd->callback([args] {
      const auto options = reader_options(args->clock);
      std::ifstream file;
      std::istream* in = &std::cin;
      if (args->file != "-") {
        file = open_input(args->file);
        in = &file;
      }
      const ais::JsonOptions jo{.scaled = !args->unscaled, .evidence = args->evidence};
      std::string out;
      out.reserve(1 << 17);
      const auto stats = ais::for_each_message(*in, options, [&](const ais::Decoded& d) {
        ais::append_json(d, jo, out);
        if (out.size() > (1 << 16)) {
          std::fwrite(out.data(), 1, out.size(), stdout);
          out.clear();
        }
      });
      std::fwrite(out.data(), 1, out.size(), stdout);
      std::fflush(stdout);
      if (!args->quiet) print_stats(stats);
    });
  }

  {
    struct Args {
      std::string file;
      bool json = false;
      ClockArgs clock;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = ais_cmd->add_subcommand("tracks", "Per-vessel tracks with static data and impossible jumps");
    cmd->add_option("FILE", args->file, "NMEA log, or a case folder")->required();
    cmd->add_flag("--json", args->json, "one JSON object per vessel with its points");
    add_clock_options(cmd, args->clock);
    cmd->callback([args] {
      ais::ReaderStats stats;
      const auto tracks = load_tracks(args->file, args->clock, stats);
      if (!args->json) std::printf("%-9s  %-20s  %-7s  %-4s  %6s  %-20s  %-20s  %5s\n", "mmsi", "name", "callsign", "type",
                                   "points", "first", "last", "jumps");
      for (const auto& [mmsi, t] : tracks) {
        if (args->json) {
          nlohmann::json j{{"mmsi", mmsi}, {"shipname", t.shipname}, {"callsign", t.callsign}, {"jumps", t.jumps}};
          if (t.imo) j["imo"] = *t.imo;
          if (t.shiptype) j["shiptype"] = *t.shiptype;
          if (t.length_m) j["length"] = *t.length_m;
          if (t.beam_m) j["beam"] = *t.beam_m;
          if (t.mothership_mmsi) j["mothership_mmsi"] = *t.mothership_mmsi;
          auto pts = nlohmann::json::array();
          for (const auto& p : t.points) {
            nlohmann::json q{{"time", format_utc(p.t)}, {"lat", p.lat}, {"lon", p.lon}, {"line", p.locator.line},
                             {"offset", p.locator.byte_offset}};
            if (p.sog) q["speed"] = *p.sog;
            if (p.cog) q["course"] = *p.cog;
            if (p.heading) q["heading"] = *p.heading;
            if (!p.jump.empty()) q["jump"] = p.jump;
            pts.push_back(std::move(q));
          }
          j["points"] = std::move(pts);
          std::printf("%s\n", j.dump().c_str());
        } else {
          std::printf("%-9s  %-20s  %-8s  %-4s  %6zu  %-20s  %-20s  %5zu\n", mmsi_text(mmsi).c_str(), t.shipname.c_str(),
                      t.callsign.c_str(), t.shiptype ? std::to_string(*t.shiptype).c_str() : "",
                      t.points.size(), t.points.empty() ? "" : format_utc(t.points.front().t).substr(0, 19).c_str(),
                      t.points.empty() ? "" : format_utc(t.points.back().t).substr(0, 19).c_str(), t.jumps);
        }
      }
    });
  }

  {
    struct Args {
      std::string file, zones, coast;
      bool json = false, geojson = false;
      ClockArgs clock;
      ais::EventOptions o;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = ais_cmd->add_subcommand("events", "Going dark, meetings at sea, loitering, zone departures, identity anomalies");
    cmd->add_option("FILE", args->file, "NMEA log, or a case folder")->required();
    cmd->add_option("--zones", args->zones, "GeoJSON polygons (properties: name, kind = port|anchorage|beach...)");
    cmd->add_option("--coast", args->coast, "GeoJSON coastline (lines or land polygons) for distance from shore");
    cmd->add_flag("--json", args->json, "JSON lines");
    cmd->add_flag("--geojson", args->geojson, "a GeoJSON FeatureCollection for maps");
    cmd->add_option("--gap-hours", args->o.gap_hours, "minimum silence for a gap")->capture_default_str();
    cmd->add_option("--gap-shore-nm", args->o.gap_shore_nm, "both gap ends farther than this from shore")->capture_default_str();
    cmd->add_option("--encounter-m", args->o.encounter_m, "maximum distance of a meeting")->capture_default_str();
    cmd->add_option("--encounter-hours", args->o.encounter_hours, "minimum duration of a meeting")->capture_default_str();
    cmd->add_option("--encounter-kn", args->o.encounter_speed_kn, "maximum median speed of a meeting")->capture_default_str();
    cmd->add_option("--loiter-hours", args->o.loiter_hours, "minimum duration of loitering")->capture_default_str();
    cmd->add_option("--loiter-kn", args->o.loiter_speed_kn, "loitering speed below")->capture_default_str();
    cmd->add_option("--loiter-shore-nm", args->o.loiter_shore_nm, "loitering farther than this from shore")->capture_default_str();
    add_clock_options(cmd, args->clock);
    cmd->callback([args] {
      if (args->json && args->geojson) throw Error("ais events", "choose one of --json and --geojson");
      const auto zones = exchange::load_zones(args->zones);
      const auto coast = exchange::load_coast(args->coast);
      ais::ReaderStats stats;
      const auto tracks = load_tracks(args->file, args->clock, stats);
      const auto events = ais::all_events(tracks, zones, coast, args->o);
      if (args->geojson) {
        nlohmann::json fc{{"type", "FeatureCollection"}, {"features", nlohmann::json::array()}};
        for (const auto& e : events) {
          auto props = event_json(e);
          props.erase("lat");
          props.erase("lon");
          fc["features"].push_back({{"type", "Feature"},
                                    {"geometry", {{"type", "Point"}, {"coordinates", {e.lon, e.lat}}}},
                                    {"properties", std::move(props)}});
        }
        std::printf("%s\n", fc.dump().c_str());
        return;
      }
      if (!args->json) std::printf("%-13s  %-20s  %-20s  %-19s  %-9s  %-10s  %s\n", "kind", "start", "end", "vessels", "lat", "lon", "reason");
      for (const auto& e : events) {
        if (args->json) {
          std::printf("%s\n", event_json(e).dump().c_str());
          continue;
        }
        std::string v;
        for (auto m : e.vessels) v += (v.empty() ? "" : ",") + mmsi_text(m);
        std::printf("%-13s  %-20s  %-20s  %-19s  %9.5f  %10.5f  %s\n", e.kind.c_str(), format_utc(e.start).substr(0, 19).c_str(),
                    format_utc(e.end).substr(0, 19).c_str(), v.c_str(), e.lat, e.lon, e.reason.c_str());
      }
    });
  }
}

CORRIDOR_COMMAND(setup);

}  // namespace

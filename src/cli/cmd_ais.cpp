// `corridor ais ...`: decode AIS feeds, build vessel tracks and find behaviour events
// (going dark, meetings at sea, loitering, zone departures, identity anomalies).
#include <cstdio>
#include <fstream>
#include <string>

#include "ais/json_writer.hpp"
#include "ais/vessel_records.hpp"
#include "cli/command.hpp"
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
}

CORRIDOR_COMMAND(setup);

}  // namespace

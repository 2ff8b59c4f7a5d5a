// Hostile NMEA for the AIS reader: any bytes, split into lines, must decode or be counted
// as rejected, never crash or read out of bounds; every decoded message must print as JSON.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ais/json_writer.hpp"
#include "ais/nmea_reader.hpp"
#include "ais/vessel_records.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  corridor::ais::NmeaReader reader;
  corridor::ais::LineSplitter split;
  std::string out;
  corridor::ais::PositionReport p;
  corridor::ais::VesselIdentity v;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  split.feed(input, [&](std::string_view line, std::uint64_t offset) {
    if (const auto* d = reader.feed_line(line, offset)) {
      out.clear();
      corridor::ais::append_json(*d, {.scaled = (size & 1) != 0, .evidence = true}, out);
      corridor::ais::to_position(*d, p);
      corridor::ais::to_identity(*d, v);
    }
  });
  split.finish([&](std::string_view line, std::uint64_t offset) { reader.feed_line(line, offset); });
  reader.finish();
  return 0;
}

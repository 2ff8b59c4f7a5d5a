#pragma once
// A small AIS encoder (ITU-R M.1371-5 field layouts, IEC 61162-1 sentences with NMEA 4.0
// tag blocks) for the messages a feed mostly carries: class A positions (1, 3), class A
// static and voyage data (5), class B positions (18) and static data (24 A/B). It writes
// into a caller's buffer without allocating, so two million sentences take seconds.
#include <cstdint>
#include <string>
#include <string_view>

namespace corridor::demo::ais {

struct Payload {
  char text[96];  // six-bit armoured characters
  int chars = 0;
  int fill = 0;  // pad bits at the end
  std::string_view view() const { return {text, static_cast<std::size_t>(chars)}; }
};

struct Position {
  int type = 1;  // 1 or 3 (class A), 18 (class B)
  std::uint32_t mmsi = 0;
  int status = 0;       // navigation status (class A)
  double lat = 0, lon = 0;  // degrees
  double sog = 0;           // knots
  double cog = 0;           // degrees true
  int heading = 511;        // 511 = not available
  int second = 60;          // UTC second of the fix; 60 = not available
};

struct StaticA {
  std::uint32_t mmsi = 0, imo = 0;
  std::string_view callsign, shipname, destination;
  int shiptype = 0;
  int to_bow = 0, to_stern = 0, to_port = 0, to_starboard = 0;
  int eta_month = 0, eta_day = 0, eta_hour = 24, eta_minute = 60;
  double draught = 0;  // metres
};

struct StaticB {
  std::uint32_t mmsi = 0;
  std::string_view shipname, callsign, vendor = "SRT";
  int shiptype = 37;  // pleasure craft
  int to_bow = 0, to_stern = 0, to_port = 0, to_starboard = 0;
};

// Raw integer of a scaled value, rounded half away from zero with floor(), which is exact.
std::int64_t round_half(double x);

Payload encode_position(const Position& p);
// Type 5 is 424 bits: two sentences.
void encode_static_a(const StaticA& s, Payload& first, Payload& second);
Payload encode_static_b_part_a(const StaticB& s);
Payload encode_static_b_part_b(const StaticB& s);

// XOR of the bytes (NMEA checksum).
std::uint8_t checksum(std::string_view body);

// Appends "\s:<station>,c:<unix>*hh\!AIVDM,<total>,<num>,<seq>,<ch>,<payload>,<fill>*hh\n".
// seq < 0 leaves the sequential message id empty (single-sentence messages).
void append_sentence(std::string& out, std::string_view station, std::int64_t unix_seconds, int total, int num, int seq,
                     char channel, const Payload& payload);

}  // namespace corridor::demo::ais

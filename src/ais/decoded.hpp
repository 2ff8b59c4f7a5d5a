#pragma once
// One decoded AIS message (ITU-R M.1371-5 types 1-27). Fields are kept in wire order with
// gpsd's JSON names, so one generic writer prints any type, and a typed view (position,
// identity) is filled for the tracks and events that need it. "Not available" values
// (lat 91, lon 181, speed 1023, heading 511...) are absent, never numbers.
// No heap allocation: text lives in a fixed buffer inside the struct.
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ais/locator.hpp"
#include "ais/payload.hpp"
#include "ais/reject.hpp"

namespace corridor::ais {

enum class FieldKind : std::uint8_t {
  kUnsigned,
  kSigned,
  kBool,
  kText,      // six-bit ASCII, len/6 characters
  kTextRest,  // six-bit ASCII to the end of the payload
  kData,      // raw bits to the end of the payload (application data), printed "bits:hex"
  kHidden,    // read but printed only through a composed field (timestamps)
};

// How a raw integer becomes a physical value in scaled output and in the typed view.
enum class Scale : std::uint8_t {
  kNone,
  kMin10000,  // 1/10000 minute -> degrees (positions of types 1-4, 9, 11, 18, 19, 21)
  kMin10,     // 1/10 minute -> degrees (types 17, 22, 23, 27)
  kTenth,     // 0.1 units (speed in knots, course in degrees, draught in metres)
  kTurn,      // rate of turn, ROT_AIS = 4.733 sqrt(deg/min)
};

// What a field means to tracks and identity records, independent of the message type.
enum class Role : std::uint8_t {
  kNone, kStatus, kTurn, kSpeed, kLon, kLat, kCourse, kHeading, kSecond, kImo, kCallsign,
  kShipname, kShiptype, kToBow, kToStern, kToPort, kToStarboard, kDraught, kDestination,
  kMothership, kAccuracy,
};

struct FieldSpec {
  const char* name;
  std::uint16_t start;
  std::uint16_t len;
  FieldKind kind;
  Scale scale = Scale::kNone;
  Role role = Role::kNone;
  bool has_na = false;
  std::int64_t na = 0;     // the raw "not available" value
  bool tail_zero = false;  // optional trailing field: missing bits read as 0 (types 7, 15, 16, 20)
};

struct FieldValue {
  const FieldSpec* spec = nullptr;
  bool present = false;
  std::int64_t value = 0;     // integers and booleans
  std::uint16_t text_off = 0;  // text: view into Decoded::text_buf
  std::uint16_t text_len = 0;
  std::uint16_t data_start = 0;  // data: bit range in the payload
  std::uint16_t data_bits = 0;
};

struct Decoded {
  int type = 0;
  int repeat = 0;
  std::uint32_t mmsi = 0;
  int part = -1;  // type 24: 0 = part A (name), 1 = part B (type, call sign, dimensions)

  // Evidence and time, set by the reader.
  Locator locator;
  std::optional<std::int64_t> unix_millis;
  char channel = 0;
  bool own_vessel = false;  // !xxVDO

  // Typed view.
  std::optional<double> lat, lon;  // degrees
  std::optional<double> speed;     // knots
  std::optional<double> course;    // degrees true
  std::optional<int> heading;      // degrees true
  std::optional<int> status;       // navigation status 0..15
  std::optional<int> second;       // UTC second of the report
  std::optional<std::uint32_t> imo;
  std::optional<int> shiptype;
  std::optional<int> to_bow, to_stern, to_port, to_starboard;
  std::optional<double> draught;  // metres
  std::optional<std::uint32_t> mothership_mmsi;  // type 24B of an auxiliary craft (98xxxxxxx)
  std::string_view shipname, callsign, destination;  // empty when absent

  // Wire fields.
  static constexpr std::size_t kMaxFields = 48;
  std::array<FieldValue, kMaxFields> fields{};
  std::uint8_t nfields = 0;
  std::array<char, Payload::kMaxChars + 64> text_buf{};
  std::uint16_t text_used = 0;
  const Payload* payload = nullptr;  // for kData fields; valid until the next message

  const FieldValue* find(std::string_view name) const;
  std::string_view text(const FieldValue& f) const { return {text_buf.data() + f.text_off, f.text_len}; }
  bool has_position() const { return lat.has_value() && lon.has_value(); }
  bool is_static() const { return type == 5 || type == 19 || type == 24 || type == 21; }
};

// Decodes the bits of one reassembled message. On kNone `out` is complete except for the
// evidence fields (locator, time, channel) which the reader sets.
Reject decode(const Payload& payload, Decoded& out);

// Physical value of a scaled raw integer.
double scaled_value(Scale s, std::int64_t raw);

}  // namespace corridor::ais

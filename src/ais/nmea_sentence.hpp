#pragma once
// One NMEA 0183 line carrying AIS (!AIVDM, !AIVDO and other talkers), with its optional
// NMEA 4.0 tag block. Parsing never allocates: every text field is a view into the line,
// so the caller must keep the line alive while it uses the sentence.
#include <cstdint>
#include <optional>
#include <string_view>

#include "ais/reject.hpp"

namespace corridor::ais {

struct TagBlock {
  std::string_view source;                  // s: the receiving station
  std::optional<std::int64_t> unix_millis;  // c: seconds (or milliseconds) since 1970
};

struct NmeaSentence {
  TagBlock tag;
  char talker[2] = {'A', 'I'};   // AI, AB, BS, SA...
  bool own_vessel = false;       // VDO: the receiver's own ship
  int fragment_count = 1;        // 1..9
  int fragment_number = 1;       // 1..fragment_count
  int sequence_id = -1;          // 0..9, -1 when empty (single-fragment messages)
  char channel = 0;              // 'A', 'B', '1', '2' or 0 when empty
  std::string_view payload;      // six-bit armoured characters, not yet validated
  int fill_bits = 0;             // 0..5, bits to ignore at the end of the payload
};

// Parses one line (trailing CR/LF allowed). Returns Reject::kNone and fills `out` when the
// line is a well-formed AIS sentence with a correct checksum. Text before the first '!'
// that is not a tag block (a logger's timestamp, say) is ignored.
Reject parse_sentence(std::string_view line, NmeaSentence& out);

// XOR of the bytes, the NMEA checksum.
std::uint8_t nmea_checksum(std::string_view body);

}  // namespace corridor::ais

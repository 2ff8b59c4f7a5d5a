#pragma once
// Prints a decoded message as one JSON object with gpsd's field names (gpsd's AIS JSON,
// as `gpsdecode -j` writes it). Absent ("not available") values are left out. Appends to a
// caller-owned string so a stream of messages reuses one buffer.
#include <string>

#include "ais/decoded.hpp"

namespace corridor::ais {

struct JsonOptions {
  bool scaled = true;     // physical units (degrees, knots); false = raw integers like `gpsdecode -u`
  bool evidence = false;  // add "line", "offset", "length" and "time" of the source sentence(s)
};

void append_json(const Decoded& d, const JsonOptions& options, std::string& out);

}  // namespace corridor::ais

#include "ais/vocabulary.hpp"

#include <array>

namespace corridor::ais {

std::string_view status_text(int status) {
  static constexpr std::array<std::string_view, 16> k{
      "Under way using engine",
      "At anchor",
      "Not under command",
      "Restricted maneuverability",
      "Constrained by her draught",
      "Moored",
      "Aground",
      "Engaged in fishing",
      "Under way sailing",
      "Reserved for HSC",
      "Reserved for WIG",
      "Power-driven vessel towing astern",
      "Power-driven vessel pushing ahead or towing alongside",
      "Reserved",
      "AIS-SART is active",
      "Not defined",
  };
  return status >= 0 && status < 16 ? k[static_cast<std::size_t>(status)] : "Not defined";
}

void append_shiptype_text(int t, std::string& out) {
  static constexpr std::array<std::string_view, 10> kSuffix{
      "all ships of this type",  "Hazardous category A",    "Hazardous category B",
      "Hazardous category C",    "Hazardous category D",    "Reserved for future use",
      "Reserved for future use", "Reserved for future use", "Reserved for future use",
      "No additional information",
  };
  const auto group = [&](std::string_view prefix) {
    if (t == 99) {
      out += "Other Type - no additional information";  // gpsd's spelling
      return;
    }
    out += prefix;
    out += " - ";
    out += kSuffix[static_cast<std::size_t>(t % 10)];
  };
  if (t == 0) return void(out += "Not available");
  if (t >= 1 && t <= 19) return void(out += "Reserved for future use");
  if (t >= 20 && t <= 29) return group("Wing in ground (WIG)");
  if (t >= 40 && t <= 49) return group("High speed craft (HSC)");
  if (t >= 60 && t <= 69) return group("Passenger");
  if (t >= 70 && t <= 79) return group("Cargo");
  if (t >= 80 && t <= 89) return group("Tanker");
  if (t >= 90 && t <= 99) return group("Other Type");
  switch (t) {
    case 30: return void(out += "Fishing");
    case 31: return void(out += "Towing");
    case 32: return void(out += "Towing: length exceeds 200m or breadth exceeds 25m");
    case 33: return void(out += "Dredging or underwater ops");
    case 34: return void(out += "Diving ops");
    case 35: return void(out += "Military ops");
    case 36: return void(out += "Sailing");
    case 37: return void(out += "Pleasure Craft");
    case 38:
    case 39: return void(out += "Reserved");
    case 50: return void(out += "Pilot Vessel");
    case 51: return void(out += "Search and Rescue vessel");
    case 52: return void(out += "Tug");
    case 53: return void(out += "Port Tender");
    case 54: return void(out += "Anti-pollution equipment");
    case 55: return void(out += "Law Enforcement");
    case 56:
    case 57: return void(out += "Spare - Local Vessel");
    case 58: return void(out += "Medical Transport");
    case 59: return void(out += "Noncombatant ship according to RR Resolution No. 18");
    default: return void(out += "Unknown");
  }
}

std::string_view epfd_text(int e) {
  static constexpr std::array<std::string_view, 16> k{
      "Undefined", "GPS", "GLONASS", "Combined GPS/GLONASS", "Loran-C", "Chayka",
      "Integrated navigation system", "Surveyed", "Galileo", "Reserved (9)", "Reserved (10)",
      "Reserved (11)", "Reserved (12)", "Reserved (13)", "Reserved (14)", "Internal GNSS",
  };
  return e >= 0 && e < 16 ? k[static_cast<std::size_t>(e)] : "Undefined";
}

bool small_craft_type(int t) {
  return t == 30 || t == 31 || t == 32 || t == 36 || t == 37 || (t >= 40 && t <= 49) || (t >= 90 && t <= 99);
}

}  // namespace corridor::ais

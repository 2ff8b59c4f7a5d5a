#pragma once
// UTC instants as milliseconds since the Unix epoch, printed as ISO 8601 with a Z.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace corridor {

using UnixMillis = std::int64_t;

UnixMillis now_millis();
// "2026-11-29T04:34:01.123Z"
std::string format_utc(UnixMillis ms);
std::string utc_now();
// Accepts "YYYY-MM-DDTHH:MM:SS[.fff][Z|±HH:MM]" and "YYYY-MM-DD HH:MM:SS"; nullopt otherwise.
std::optional<UnixMillis> parse_iso8601(std::string_view text);
// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);

}  // namespace corridor

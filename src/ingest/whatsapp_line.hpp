#pragma once
// The first line of a WhatsApp message, as the phone's locale wrote it:
//   Android  "31/12/2021, 22:15 - Name: text"     "12/31/21, 10:15 PM - Name: text"
//            "31.12.21, 22:15 - Name: text"        "٣١/١٢/٢٠٢١، ١٠:١٥ م - Name: text"
//   iOS      "[31/12/2021, 22:15:08] Name: text"   "[12/31/21, 10:15:08 PM] Name: text"
// Lines may start with LRM/RLM marks, and newer exports put a narrow no-break space before
// AM/PM; digits may be Arabic-Indic or Persian. A line without this shape continues the
// message above it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace corridor::ingest {

struct WaStamp {
  int a = 0, b = 0, c = 0;  // the three date numbers in written order
  bool year_first = false;  // 2021-12-31
  int hour = 0, minute = 0, second = 0;
  bool twelve_hour = false, pm = false;
  bool ios = false;
  std::size_t rest = 0;  // byte in the original line where the sender (or system text) starts
  std::string written;   // the date and time as written, for original_value
};

std::optional<WaStamp> parse_wa_stamp(std::string_view line);

enum class DateOrder { Unknown, DayFirst, MonthFirst };

// Year, month, day of a stamp under `order`; nullopt when out of range.
struct CivilDate {
  int year, month, day;
};
std::optional<CivilDate> wa_date(const WaStamp& s, DateOrder order);

}  // namespace corridor::ingest

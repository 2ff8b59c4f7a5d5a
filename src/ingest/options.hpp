#pragma once
// Command-line forms of ReadOptions (reader.hpp). Each throws corridor::Error naming the
// option when the text is not understood, so `corridor ingest` can print it as is.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corridor::ingest {

// "sender_name=Sender,amount=Amount Sent" -> {{"sender_name","Sender"},{"amount","Amount Sent"}}.
// Column names may hold spaces; a comma or '=' inside a name is written as "\," or "\=".
std::vector<std::pair<std::string, std::string>> parse_column_map(std::string_view spec);

// "+03:00", "-0430", "Z", "UTC" -> minutes east of UTC.
int parse_utc_offset(std::string_view spec);

}  // namespace corridor::ingest

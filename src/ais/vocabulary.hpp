#pragma once
// Words for the coded values of AIS (navigation status, ship and cargo type, position
// fixing device), spelled as gpsd prints them so our JSON reads the same as theirs.
#include <string>
#include <string_view>

namespace corridor::ais {

std::string_view status_text(int status);
void append_shiptype_text(int shiptype, std::string& out);
std::string_view epfd_text(int epfd);

// True for ship types a smuggling investigation looks at first: fishing, towing,
// sailing and pleasure craft, high-speed craft, "other". Used only to explain, never to decide.
bool small_craft_type(int shiptype);

}  // namespace corridor::ais

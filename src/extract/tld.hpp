#pragma once
#include <string_view>

namespace corridor::extract {

// Top-level domains seen in the adverts and services of the routes; a bare "name.tld"
// is only a domain when its TLD is one of these (keeps "e.g" and "file.txt" out).
bool known_tld(std::string_view tld_lower);

// ISO 3166-1 alpha-2 code in capitals ("LY").
bool iso_country(std::string_view cc);

}  // namespace corridor::extract

#pragma once
// Invented personal names of the communities along the central Mediterranean route. Given
// and family names are drawn independently, so any full name is a combination, not a
// person; famous surnames (of politicians, convicted smugglers) are left out on purpose.
#include <string>
#include <string_view>

#include "demo/rng.hpp"

namespace corridor::demo {

struct PersonName {
  std::string latin;   // "Faraj Bukhatwa"
  std::string native;  // "فرج بوخطوة" (equal to latin for Latin-script languages)
  std::string given;   // Latin given name, for chats
};

// Communities: "ly" Libyan, "sd" Sudanese, "it" Italian, "er" Eritrean, "ng" Nigerian,
// "af" Afghan, "pk" Pakistani, "kurd" Kurdish, "sy" Syrian, "eg" Egyptian, "bd" Bangladeshi,
// "ml" Malian, "tr" Turkish, "ma" Moroccan.
PersonName make_name(Rng& rng, std::string_view community, bool female = false);

// A kunya or nickname as used in chats: "Abu Yasin", "il-Hajj", "Don Toto".
std::string make_alias(Rng& rng, std::string_view community);

}  // namespace corridor::demo

#pragma once
// String similarity used by the comparison levels of person matching.
#include <string_view>

namespace corridor::resolve {

// Jaro-Winkler similarity in [0, 1] with the usual prefix scale 0.1 over up to 4 letters.
double jaro_winkler(std::string_view a, std::string_view b);

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
// two adjacent characters, the typing errors of a clerk copying a number.
int edit_distance(std::string_view a, std::string_view b);

}  // namespace corridor::resolve

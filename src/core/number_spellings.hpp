#pragma once
// A protected phone number quoted in free text may be spelled otherwise than it is stored:
// "+44 7400 123456", "07400-123456", "0044 (7400) 123 456". These find such spellings by
// their digits, so that pseudonymisation (app/pseudonyms.hpp) replaces them too and search
// (core/search_fold.hpp) finds them.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace corridor {

// A run of digits with the separators people put between them (space, - . / ( )),
// starting at a digit or '+', ending at a digit.
struct NumberRun {
  std::size_t offset = 0, length = 0;
  std::string digits;
};

// Every run of at least `min_digits` digits in `text`.
std::vector<NumberRun> number_runs(std::string_view text, std::size_t min_digits = 8);

// What a phone number is matched by: its digits without leading zeros (an international
// 00 or a trunk 0); empty for a value that is not written like a phone number.
std::string number_key(std::string_view value);

// Whether a run found in text spells the number of `key`: its own key is `key`, or the end
// of it of at least 8 digits (written nationally, without the country code).
bool spells(const std::string& key, const NumberRun& run);

}  // namespace corridor

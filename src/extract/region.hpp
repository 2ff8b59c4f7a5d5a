#pragma once
// Region hints for phone numbers written in national form: the case setting first, then
// a country named near the number (in the languages of the routes), then the script of
// its digits. A guessed region lowers the confidence of the mention.
#include <string>
#include <string_view>
#include <vector>

namespace corridor::extract {

class RegionGuess {
 public:
  explicit RegionGuess(std::string_view buf) : buf_(buf) {}
  // Regions named within a window around [from, to), nearest first, without duplicates.
  std::vector<std::string> near(std::size_t from, std::size_t to) const;

 private:
  std::string_view buf_;
};

// Region for a country name or demonym as written ("ليبيا", "Libye", "Türkiye"), or "".
std::string region_for_name(std::string_view word);

}  // namespace corridor::extract

#include "extract/region.hpp"

#include <algorithm>
#include <array>

#include "extract/text.hpp"

namespace corridor::extract {
namespace {

struct Name {
  std::string_view text;
  const char* region;
};

// Countries of origin, transit and arrival on the Central and Eastern Mediterranean and
// Balkan routes, as they are written in adverts (Arabic, Persian, Urdu, French, English,
// Italian, Turkish). Matched as case-insensitive substrings, so keep names distinctive.
constexpr std::array kNames{
    Name{"libya", "LY"},      Name{"libye", "LY"},      Name{"\u0644\u064a\u0628\u064a\u0627", "LY"},
    Name{"tunisia", "TN"},    Name{"tunisie", "TN"},    Name{"\u062a\u0648\u0646\u0633", "TN"},
    Name{"morocco", "MA"},    Name{"maroc", "MA"},      Name{"\u0627\u0644\u0645\u063a\u0631\u0628", "MA"},
    Name{"algeria", "DZ"},    Name{"alg\u00e9rie", "DZ"}, Name{"\u0627\u0644\u062c\u0632\u0627\u0626\u0631", "DZ"},
    Name{"egypt", "EG"},      Name{"\u00e9gypte", "EG"}, Name{"\u0645\u0635\u0631", "EG"},
    Name{"sudan", "SD"},      Name{"soudan", "SD"},     Name{"\u0627\u0644\u0633\u0648\u062f\u0627\u0646", "SD"},
    Name{"niger ", "NE"},     Name{"syria", "SY"},      Name{"\u0633\u0648\u0631\u064a\u0627", "SY"},
    Name{"iraq", "IQ"},       Name{"\u0627\u0644\u0639\u0631\u0627\u0642", "IQ"},
    Name{"turkey", "TR"},     Name{"t\u00fcrkiye", "TR"}, Name{"turquie", "TR"},
    Name{"\u062a\u0631\u0643\u064a\u0627", "TR"}, Name{"\u062a\u0631\u06a9\u06cc\u0647", "TR"},
    Name{"iran", "IR"},       Name{"\u0627\u06cc\u0631\u0627\u0646", "IR"}, Name{"\u0625\u064a\u0631\u0627\u0646", "IR"},
    Name{"afghanistan", "AF"}, Name{"\u0627\u0641\u063a\u0627\u0646\u0633\u062a\u0627\u0646", "AF"},
    Name{"pakistan", "PK"},   Name{"\u067e\u0627\u06a9\u0633\u062a\u0627\u0646", "PK"},
    Name{"italy", "IT"},      Name{"italia", "IT"},     Name{"italie", "IT"},
    Name{"\u0625\u064a\u0637\u0627\u0644\u064a\u0627", "IT"}, Name{"\u0627\u06cc\u062a\u0627\u0644\u06cc\u0627", "IT"},
    Name{"greece", "GR"},     Name{"gr\u00e8ce", "GR"}, Name{"\u0627\u0644\u064a\u0648\u0646\u0627\u0646", "GR"},
    Name{"\u06cc\u0648\u0646\u0627\u0646", "GR"},
    Name{"france", "FR"},     Name{"\u0641\u0631\u0646\u0633\u0627", "FR"},
    Name{"spain", "ES"},      Name{"espa\u00f1a", "ES"}, Name{"espagne", "ES"},
    Name{"germany", "DE"},    Name{"allemagne", "DE"},  Name{"\u0623\u0644\u0645\u0627\u0646\u064a\u0627", "DE"},
    Name{"\u0622\u0644\u0645\u0627\u0646", "DE"},
    Name{"bangladesh", "BD"}, Name{"senegal", "SN"},    Name{"s\u00e9n\u00e9gal", "SN"},
    Name{"mali ", "ML"},      Name{"nigeria", "NG"},    Name{"eritrea", "ER"},
};

constexpr std::size_t kWindow = 300;  // bytes each side: about one advert sentence or two

}  // namespace

std::vector<std::string> RegionGuess::near(std::size_t from, std::size_t to) const {
  const std::size_t lo = from > kWindow ? from - kWindow : 0;
  const std::size_t hi = std::min(buf_.size(), to + kWindow);
  const std::string_view win = buf_.substr(lo, hi - lo);
  const std::size_t mid = (from + to) / 2 - lo;
  std::vector<std::pair<std::size_t, std::string>> found;
  for (const auto& n : kNames) {
    // ASCII names: case-insensitive; others: exact bytes.
    std::size_t best = std::string_view::npos;
    for (std::size_t i = 0; i + n.text.size() <= win.size(); ++i) {
      std::size_t k = 0;
      while (k < n.text.size() && to_lower(win[i + k]) == n.text[k]) ++k;
      if (k != n.text.size()) continue;
      const std::size_t d = i > mid ? i - mid : mid - i;
      best = std::min(best, d);
    }
    if (best != std::string_view::npos) found.emplace_back(best, n.region);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& [d, r] : found) {
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  }
  return out;
}

std::string region_for_name(std::string_view word) {
  const std::string w = lower(word);
  for (const auto& n : kNames) {
    if (w == n.text) return n.region;
  }
  return {};
}

}  // namespace corridor::extract

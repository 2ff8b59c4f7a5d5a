#include "extract/tld.hpp"

#include <algorithm>
#include <array>

namespace corridor::extract {

bool known_tld(std::string_view t) {
  static constexpr std::array<std::string_view, 78> kTlds{
      "com", "net", "org", "info", "biz", "io", "me", "co", "app", "online", "site", "xyz", "top", "shop",
      "store", "live", "club", "tv", "cc", "ws", "link", "pro", "edu", "gov", "int", "mobi", "eu", "uk",
      "de", "fr", "it", "es", "gr", "nl", "be", "at", "ch", "se", "no", "dk", "pl", "ro", "bg", "hu",
      "cz", "hr", "rs", "ba", "al", "mk", "tr", "ru", "ua", "ly", "tn", "ma", "dz", "eg", "sd", "ne",
      "ml", "sn", "ng", "er", "et", "so", "sy", "iq", "ir", "af", "pk", "bd", "lb", "jo", "sa", "ae",
      "qa", "kw"};
  return std::find(kTlds.begin(), kTlds.end(), t) != kTlds.end();
}

}  // namespace corridor::extract

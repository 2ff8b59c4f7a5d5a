#include "exchange/ftm_entity.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "core/escape.hpp"

namespace corridor::exchange {

void FtmEntity::add(const std::string& property, std::string_view value) {
  if (value.empty()) return;
  auto& values = properties[property];
  if (std::find(values.begin(), values.end(), value) == values.end()) values.emplace_back(value);
}

const std::string& FtmEntity::first(const std::string& property) const {
  static const std::string none;
  const auto it = properties.find(property);
  return it == properties.end() || it->second.empty() ? none : it->second.front();
}

std::string FtmEntity::json() const {
  // Every value is escaped losslessly (core/escape.hpp): a name from evidence may hold any
  // byte. Message texts keep their line breaks; a byte that is not UTF-8 in them is written
  // as U+FFFD, so every line is JSON whatever the evidence holds.
  static const std::set<std::string> kTexts = {"bodyText", "bodyHtml", "indexText"};
  nlohmann::json e = {{"id", escape_name(id)}, {"schema", escape_name(schema)}, {"properties", nlohmann::json::object()}};
  for (const auto& [p, values] : properties) {
    if (kTexts.count(p)) {
      e["properties"][p] = values;
      continue;
    }
    auto& escaped = e["properties"][p] = nlohmann::json::array();
    for (const auto& v : values) escaped.push_back(escape_name(v));
  }
  return e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ftm_date(std::string_view text) {
  // Digits where the pattern has 'd', the pattern's own character elsewhere.
  static constexpr std::string_view kPattern = "dddd-dd-ddTdd:dd:dd";
  std::size_t n = 0;
  while (n < text.size() && n < kPattern.size()) {
    const bool digit = std::isdigit(static_cast<unsigned char>(text[n])) != 0;
    if (kPattern[n] == 'd' ? !digit : text[n] != kPattern[n]) break;
    ++n;
  }
  // Whole parts only: year, month, day, hour, minute, second.
  for (const std::size_t whole : {19u, 16u, 13u, 10u, 7u, 4u})
    if (n >= whole) return std::string(text.substr(0, whole));
  return {};
}

}  // namespace corridor::exchange

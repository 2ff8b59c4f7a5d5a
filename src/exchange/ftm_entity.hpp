#pragma once
// One FollowTheMoney entity as it is written: id, schema, and each property's values
// (FtM properties are always lists of texts).
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace corridor::exchange {

struct FtmEntity {
  std::string id, schema;
  std::map<std::string, std::vector<std::string>> properties;

  FtmEntity() = default;
  FtmEntity(std::string id_, std::string schema_) : id(std::move(id_)), schema(std::move(schema_)) {}

  // Empty values say nothing and are dropped; a value already there is not repeated.
  void add(const std::string& property, std::string_view value);
  bool has(const std::string& property) const { return properties.contains(property); }
  // The first value of `property`, empty when it has none.
  const std::string& first(const std::string& property) const;
  // {"id": ..., "schema": ..., "properties": {...}} on one line.
  std::string json() const;
};

// An FtM date (ISO 8601 to the second, no zone: FtM dates are UTC) from a Corridor time
// ("2026-02-01T08:00:00.000Z"); empty when the text is no date.
std::string ftm_date(std::string_view text);

}  // namespace corridor::exchange

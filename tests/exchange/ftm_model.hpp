#pragma once
// FollowTheMoney's own schema definitions (schema/*.yaml), loaded to check an export the
// way Aleph reads it: schemata with their `extends` resolved, and a validator naming
// every problem of a list of entities.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace corridor::test {

struct FtmProperty {
  std::string type = "string";
  std::string range;  // for type entity: the schema its values must be (or descend from)
  bool deprecated = false;
};

struct FtmSchema {
  std::vector<std::string> extends;
  bool abstract = false, deprecated = false;
  std::vector<std::string> required;  // its own: FtM does not inherit them
  std::map<std::string, FtmProperty> properties;  // its own
};

class FtmModel {
 public:
  explicit FtmModel(const std::filesystem::path& dir) {
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
      const auto ext = f.path().extension();
      if (ext != ".yaml" && ext != ".yml") continue;
      const YAML::Node file = YAML::LoadFile(f.path().string());
      for (const auto& entry : file) load(entry.first.as<std::string>(), entry.second);
    }
  }

  std::size_t size() const { return schemata_.size(); }
  const FtmSchema* find(const std::string& name) const {
    const auto it = schemata_.find(name);
    return it == schemata_.end() ? nullptr : &it->second;
  }
  // `schema` is `ancestor` or extends it, directly or not.
  bool is_a(const std::string& schema, const std::string& ancestor) const {
    if (schema == ancestor) return true;
    const FtmSchema* s = find(schema);
    if (!s) return false;
    return std::any_of(s->extends.begin(), s->extends.end(), [&](const std::string& p) { return is_a(p, ancestor); });
  }
  // Its own property or the nearest ancestor's (FtM: a child's definition wins).
  const FtmProperty* property(const std::string& schema, const std::string& name) const {
    const FtmSchema* s = find(schema);
    if (!s) return nullptr;
    if (const auto it = s->properties.find(name); it != s->properties.end()) return &it->second;
    for (const auto& p : s->extends)
      if (const FtmProperty* found = property(p, name)) return found;
    return nullptr;
  }

  // Every problem of the entities (FtM JSON objects: id, schema, properties), one line each.
  std::vector<std::string> validate(const std::vector<nlohmann::json>& entities) const {
    std::vector<std::string> problems;
    std::map<std::string, std::string> schema_of;
    for (const auto& e : entities) {
      const std::string id = e.value("id", "");
      if (id.empty()) problems.push_back("an entity without id: " + e.dump());
      if (!schema_of.emplace(id, e.value("schema", "")).second) problems.push_back(id + ": id used twice");
    }
    for (const auto& e : entities) check(e, schema_of, problems);
    return problems;
  }

 private:
  void load(const std::string& name, const YAML::Node& n) {
    FtmSchema s;
    if (n["extends"]) s.extends = n["extends"].as<std::vector<std::string>>();
    s.abstract = n["abstract"] && n["abstract"].as<bool>();
    s.deprecated = n["deprecated"] && n["deprecated"].as<bool>();
    if (n["required"]) s.required = n["required"].as<std::vector<std::string>>();
    if (n["properties"])
      for (const auto& p : n["properties"]) {
        FtmProperty prop;
        if (p.second["type"]) prop.type = p.second["type"].as<std::string>();
        if (p.second["range"]) prop.range = p.second["range"].as<std::string>();
        prop.deprecated = p.second["deprecated"] && p.second["deprecated"].as<bool>();
        s.properties.emplace(p.first.as<std::string>(), prop);
      }
    schemata_.emplace(name, std::move(s));
  }

  static bool is_date(const std::string& v) {
    // FtM dates are ISO 8601 prefixes without zone or fractions: 2026, 2026-02,
    // 2026-02-01, 2026-02-01T08, ... 2026-02-01T08:00:00.
    static constexpr std::string_view kPattern = "dddd-dd-ddTdd:dd:dd";
    if (v.size() != 4 && v.size() != 7 && v.size() != 10 && v.size() != 13 && v.size() != 16 && v.size() != 19)
      return false;
    for (std::size_t i = 0; i < v.size(); ++i)
      if (kPattern[i] == 'd' ? !std::isdigit(static_cast<unsigned char>(v[i])) : v[i] != kPattern[i]) return false;
    return true;
  }
  static bool is_number(const std::string& v) {
    if (v.empty()) return false;
    std::size_t used = 0;
    try {
      (void)std::stod(v, &used);
    } catch (...) {
      return false;
    }
    return used == v.size();
  }

  void check(const nlohmann::json& e, const std::map<std::string, std::string>& schema_of,
             std::vector<std::string>& problems) const {
    const std::string id = e.value("id", ""), schema = e.value("schema", "");
    const auto fail = [&](const std::string& what) { problems.push_back(id + " (" + schema + "): " + what); };
    const FtmSchema* s = find(schema);
    if (!s) return fail("no such schema");
    if (s->abstract) fail("abstract schema");
    if (s->deprecated) fail("deprecated schema");
    const auto& props = e.contains("properties") ? e["properties"] : nlohmann::json::object();
    for (const auto& r : s->required)
      if (!props.contains(r) || props[r].empty()) fail("required property " + r + " missing");
    for (const auto& [name, values] : props.items()) {
      const FtmProperty* p = property(schema, name);
      if (!p) {
        fail("no property " + name);
        continue;
      }
      if (p->deprecated) fail("deprecated property " + name);
      if (!values.is_array() || values.empty()) fail(name + " is not a list of values");
      for (const auto& v : values) {
        if (!v.is_string() || v.get<std::string>().empty()) {
          fail(name + " has a value that is not a text: " + v.dump());
          continue;
        }
        const std::string text = v.get<std::string>();
        if (p->type == "date" && !is_date(text)) fail(name + " is not a date: " + text);
        if (p->type == "number" && !is_number(text)) fail(name + " is not a number: " + text);
        if (p->type != "entity") continue;
        const auto target = schema_of.find(text);
        if (target == schema_of.end())
          fail(name + " names " + text + ", not in the export");
        else if (!p->range.empty() && !is_a(target->second, p->range))
          fail(name + " names " + text + ", a " + target->second + ", not a " + p->range);
      }
    }
  }

  std::map<std::string, FtmSchema> schemata_;
};

}  // namespace corridor::test

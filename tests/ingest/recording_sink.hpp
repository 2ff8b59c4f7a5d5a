#pragma once
// A Sink that records everything a reader emits, and a Source built from a fixture the
// way `corridor ingest` builds it (hash, libmagic type, first 64 KiB).
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/media_type.hpp"
#include "core/sha256.hpp"
#include "ingest/line_reader.hpp"
#include "ingest/reader.hpp"
#include "support/temp_dir.hpp"

namespace corridor::test {

struct RecordedEntity {
  std::string id, schema, caption;
};
struct RecordedUnit {
  Unit unit;
  std::string about;
};
struct RecordedChild {
  std::string name;
  std::string bytes;
};

class RecordingSink : public ingest::Sink {
 public:
  void entity(const std::string& id, const std::string& schema, const std::string& caption) override {
    entities.push_back({id, schema, caption});
  }
  void statement(Statement s) override { statements.push_back(std::move(s)); }
  void text(const Unit& unit, const std::string& about) override { units.push_back({unit, about}); }
  void child(const std::string& name, const std::filesystem::path& temp_file) override {
    children.push_back({name, read_file(temp_file)});
    std::filesystem::remove(temp_file);
  }
  void left_out(const std::string& item, const std::string& reason) override { left.push_back({item, reason}); }

  // (property, value, locator, observed_at) of every statement about `id`, in order.
  std::vector<std::tuple<std::string, std::string, std::string, std::string>> about(const std::string& id) const {
    std::vector<std::tuple<std::string, std::string, std::string, std::string>> out;
    for (const auto& s : statements)
      if (s.entity_id == id) out.emplace_back(s.property, s.value, s.prov.locator.to_string(), s.prov.observed_at);
    return out;
  }
  std::vector<std::string> values(const std::string& id, const std::string& property) const {
    std::vector<std::string> out;
    for (const auto& s : statements)
      if (s.entity_id == id && s.property == property) out.push_back(s.value);
    return out;
  }
  const RecordedEntity* find_entity(const std::string& id) const {
    for (const auto& e : entities)
      if (e.id == id) return &e;
    return nullptr;
  }

  std::vector<RecordedEntity> entities;
  std::vector<Statement> statements;
  std::vector<RecordedUnit> units;
  std::vector<RecordedChild> children;
  std::vector<ingest::LeftOut> left;
};

// A Source over `path` as the app builds it; head_ holds the first bytes.
struct FixtureSource {
  explicit FixtureSource(const std::filesystem::path& path, std::string original = {}) {
    const std::string bytes = read_file(path);
    head_ = ingest::head_as_utf8(std::string_view(bytes).substr(0, 64 * 1024));
    src.sha256 = to_hex(sha256(bytes));
    src.path = path;
    src.original_name = original.empty() ? path.filename().string() : original;
    src.media_type = media_type_of_file(path.string());
    src.head = head_;
    src.size = bytes.size();
    src.temp_dir = tmp.path();
  }
  FixtureSource(const FixtureSource&) = delete;
  std::string head_;
  TempDir tmp;
  ingest::Source src;
};

inline std::filesystem::path fixture(const std::string& rel) {
  return std::filesystem::path(CORRIDOR_TEST_DATA) / "ingest" / rel;
}

}  // namespace corridor::test

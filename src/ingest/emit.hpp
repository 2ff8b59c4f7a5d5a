#pragma once
// What every reader does with what it finds: statements with the provenance of the
// evidence item and the reader ("telegram@1"), text units for the extraction engine.
#include <cstdint>
#include <string>
#include <unordered_set>

#include "ingest/reader.hpp"

namespace corridor::ingest {

Locator at_record(std::string record, std::uint64_t offset, std::uint64_t length);

// How errors name the file: its original name when known, else the path's last part.
std::string display_name(const Source& src);

class Emitter {
 public:
  Emitter(const Source& src, const Reader& reader, Sink& sink);

  void entity(const std::string& id, const std::string& schema, const std::string& caption);
  // A fact read from the evidence. Empty values are dropped: an absent field says nothing.
  void fact(const std::string& id, const std::string& schema, const std::string& property,
            const std::string& value, const Locator& loc, const std::string& observed_at,
            const std::string& original = {});
  // An inference (a person behind a display name): kind Assessment, confidence < 1.
  void assess(const std::string& id, const std::string& schema, const std::string& property,
              const std::string& value, const Locator& loc, const std::string& observed_at,
              double confidence);
  void text(const Locator& loc, const std::string& text, const std::string& about);

  // True the first time `key` is seen in this file: readers state an account's name or a
  // bank account's number once, not on every row. The set is cleared when it grows past
  // a bound, so memory stays bounded on files with millions of distinct keys (a repeat
  // statement after that is harmless, only redundant).
  bool first_time(const std::string& key);

  const Source& src() const { return src_; }
  Sink& sink() { return sink_; }
  const std::string& extractor() const { return extractor_; }

 private:
  const Source& src_;
  Sink& sink_;
  std::string extractor_;
  std::unordered_set<std::string> seen_;
};

}  // namespace corridor::ingest

#include "ingest/emit.hpp"

#include "ingest/text_util.hpp"

namespace corridor::ingest {

namespace {
constexpr std::size_t kSeenBound = 1u << 20;
}

Locator at_record(std::string record, std::uint64_t offset, std::uint64_t length) {
  Locator l;
  l.record = std::move(record);
  l.offset = offset;
  l.length = length;
  return l;
}

std::string display_name(const Source& src) {
  return src.original_name.empty() ? src.path.filename().string() : src.original_name;
}

Emitter::Emitter(const Source& src, const Reader& reader, Sink& sink)
    : src_(src), sink_(sink), extractor_(std::string(reader.name()) + "@" + std::to_string(reader.version())) {}

void Emitter::entity(const std::string& id, const std::string& schema, const std::string& caption) {
  sink_.entity(id, schema, valid_utf8(caption));
}

void Emitter::fact(const std::string& id, const std::string& schema, const std::string& property,
                   const std::string& value, const Locator& loc, const std::string& observed_at,
                   const std::string& original) {
  if (value.empty()) return;
  Statement s;
  s.entity_id = id;
  s.schema = schema;
  s.property = property;
  s.value = valid_utf8(value);
  s.original_value = valid_utf8(original);
  s.prov.evidence_sha256 = src_.sha256;
  s.prov.locator = loc;
  s.prov.extractor = extractor_;
  s.prov.observed_at = observed_at;
  sink_.statement(std::move(s));
}

void Emitter::assess(const std::string& id, const std::string& schema, const std::string& property,
                     const std::string& value, const Locator& loc, const std::string& observed_at,
                     double confidence) {
  if (value.empty()) return;
  Statement s;
  s.entity_id = id;
  s.schema = schema;
  s.property = property;
  s.value = valid_utf8(value);
  s.prov.evidence_sha256 = src_.sha256;
  s.prov.locator = loc;
  s.prov.extractor = extractor_;
  s.prov.observed_at = observed_at;
  s.kind = StatementKind::Assessment;
  s.confidence = confidence < 1.0 ? confidence : 0.5;
  sink_.statement(std::move(s));
}

void Emitter::text(const Locator& loc, const std::string& text, const std::string& about) {
  if (text.empty()) return;
  Unit u;
  u.evidence_sha256 = src_.sha256;
  u.locator = loc;
  u.text = valid_utf8(text);
  sink_.text(u, about);
}

bool Emitter::first_time(const std::string& key) {
  if (seen_.size() >= kSeenBound) seen_.clear();
  return seen_.insert(key).second;
}

}  // namespace corridor::ingest

#include "app/case_sink.hpp"

#include "app/mention_statements.hpp"
#include "model/entity_keys.hpp"

namespace corridor::app {

namespace {
constexpr std::size_t kBatch = 20000;
}

CaseSink::CaseSink(store::StatementWriter& writer, const extract::Scanner& scanner,
                   const extract::ScanOptions& scan_opt, std::string document)
    : writer_(writer), scanner_(scanner), scan_opt_(scan_opt), document_(std::move(document)) {}

void CaseSink::entity(const std::string& id, const std::string& schema, const std::string& caption) {
  writer_.ensure_entity(id, schema, caption);
}

void CaseSink::statement(Statement s) {
  batch_.push_back(std::move(s));
  if (batch_.size() >= kBatch) flush();
}

void CaseSink::text(const Unit& unit, const std::string& about) {
  ++units_;
  const std::string& about_entity = about.empty() ? document_ : about;
  const std::string about_schema = keys::schema_of_id(about_entity);
  std::vector<Statement> out;  // reused for every mention of the unit
  scanner_.scan(unit.text, scan_opt_, [&](const Mention& m) {
    ++mentions_;
    out.clear();
    mention_statements(m, unit, about_entity, about_schema, out);
    for (auto& s : out) statement(std::move(s));
  });
}

void CaseSink::child(const std::string& name, const std::filesystem::path& temp_file) {
  children_.push_back({name, temp_file});
}

void CaseSink::scan_file(const std::string& path, const std::string& sha256) {
  Unit whole{sha256, Locator{0, std::nullopt, ""}, ""};
  std::vector<Statement> out;  // reused for every mention
  scanner_.scan_file(path, scan_opt_, [&](const extract::Found& f) {
    ++mentions_;
    out.clear();
    mention_statements(f.mention, whole, document_, "Document", out);
    for (auto& s : out) statement(std::move(s));
  });
}

void CaseSink::flush() {
  if (batch_.empty()) return;
  writer_.insert(batch_);
  statements_ += batch_.size();
  batch_.clear();
}

}  // namespace corridor::app

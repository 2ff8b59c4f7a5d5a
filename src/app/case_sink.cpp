#include "app/case_sink.hpp"

#include "app/mention_statements.hpp"
#include "model/entity_keys.hpp"

namespace corridor::app {

CaseSink::CaseSink(store::StatementWriter& writer, ScannerSource scanner,
                   const extract::ScanOptions& scan_opt, std::string document)
    : scanner_(scanner), scan_opt_(scan_opt), document_(std::move(document)), pending_(writer) {}

void CaseSink::entity(const std::string& id, const std::string& schema, const std::string& caption) {
  pending_.entity(id, schema, caption);
}

void CaseSink::statement(Statement s) { pending_.statement(std::move(s)); }

void CaseSink::text(const Unit& unit, const std::string& about) {
  ++units_;
  const std::string& about_entity = about.empty() ? document_ : about;
  const std::string about_schema = keys::schema_of_id(about_entity);
  scanner_().scan(unit.text, scan_opt_, [&](const Mention& m) {
    ++mentions_;
    mention_out_.clear();
    mention_statements(m, unit, about_entity, about_schema, mention_out_);
    for (auto& s : mention_out_) statement(std::move(s));
  });
}

void CaseSink::child(const std::string& name, const std::filesystem::path& temp_file) {
  children_.push_back({name, temp_file});
}

void CaseSink::scan_file(const std::string& path, const std::string& sha256) {
  Unit whole{sha256, Locator{0, std::nullopt, ""}, ""};
  scanner_().scan_file(path, scan_opt_, [&](const extract::Found& f) {
    ++mentions_;
    mention_out_.clear();
    mention_statements(f.mention, whole, document_, "Document", mention_out_);
    for (auto& s : mention_out_) statement(std::move(s));
  });
}

void CaseSink::flush() { pending_.flush(); }

}  // namespace corridor::app

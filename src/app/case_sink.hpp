#pragma once
// The Sink that readers write into during `corridor ingest`: statements go to the
// case store in batches, text units through the extraction engine, nested files into
// the vault as evidence items of their own.
#include <filesystem>
#include <string>
#include <vector>

#include "extract/scanner.hpp"
#include "ingest/reader.hpp"
#include "store/statement_store.hpp"

namespace corridor::app {

struct PendingChild {
  std::string name;
  std::filesystem::path temp_file;
};

class CaseSink : public ingest::Sink {
 public:
  // `document` is the evidence item's Document entity: text that belongs to no message
  // (plain text, HTML, system lines) is linked from it.
  CaseSink(store::StatementWriter& writer, const extract::Scanner& scanner, const extract::ScanOptions& scan_opt,
           std::string document);

  void entity(const std::string& id, const std::string& schema, const std::string& caption) override;
  void statement(Statement s) override;
  void text(const Unit& unit, const std::string& about_entity) override;
  void child(const std::string& name, const std::filesystem::path& temp_file) override;

  // Mentions found anywhere in a file with no reader, linked from `document`.
  void scan_file(const std::string& path, const std::string& sha256);
  void flush();

  std::uint64_t statements() const { return statements_; }
  std::uint64_t units() const { return units_; }
  std::uint64_t mentions() const { return mentions_; }
  std::vector<PendingChild>& children() { return children_; }

 private:
  store::StatementWriter& writer_;
  const extract::Scanner& scanner_;
  const extract::ScanOptions& scan_opt_;
  std::string document_;
  std::vector<Statement> batch_;
  std::vector<PendingChild> children_;
  std::uint64_t statements_ = 0, units_ = 0, mentions_ = 0;
};

}  // namespace corridor::app

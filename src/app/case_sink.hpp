#pragma once
// The Sink that readers write into during `corridor ingest`: statements go to the
// case store in batches (written by a thread of their own, see write_behind.hpp), text
// units through the extraction engine, nested files into the vault as evidence items of
// their own.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "app/write_behind.hpp"

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
  // `scanner` is called on the first text unit only: compiling the patterns costs about
  // half a second, wasted on files without text (payment tables).
  using ScannerSource = const extract::Scanner& (*)();
  CaseSink(store::StatementWriter& writer, ScannerSource scanner, const extract::ScanOptions& scan_opt,
           std::string document);

  void entity(const std::string& id, const std::string& schema, const std::string& caption) override;
  void statement(Statement s) override;
  void text(const Unit& unit, const std::string& about_entity) override;
  void child(const std::string& name, const std::filesystem::path& temp_file) override;
  void left_out(const std::string& item, const std::string& reason) override { left_out_.push_back({item, reason}); }
  void progress(std::uint64_t bytes, std::uint64_t items) override {
    if (on_progress) on_progress(bytes, items);
  }

  // Mentions found anywhere in a file with no reader, linked from `document`.
  void scan_file(const std::string& path, const std::string& sha256);
  // Writes every statement and waits for the writing thread.
  void flush();
  // Writes the entities declared so far and waits, so the caller may write to the case
  // store itself (the AIS path) in the same order as if everything were written inline.
  void settle() { pending_.settle(); }

  // Bytes of the file read so far and items (messages, rows) emitted, from the reader.
  std::function<void(std::uint64_t bytes, std::uint64_t items)> on_progress;

  std::uint64_t statements() const { return pending_.statements(); }
  std::uint64_t units() const { return units_; }
  std::uint64_t mentions() const { return mentions_; }
  std::vector<PendingChild>& children() { return children_; }
  const std::vector<ingest::LeftOut>& left_out() const { return left_out_; }

 private:
  ScannerSource scanner_;
  const extract::ScanOptions& scan_opt_;
  std::string document_;
  std::vector<Statement> mention_out_;  // reused for every mention
  std::vector<PendingChild> children_;
  std::vector<ingest::LeftOut> left_out_;
  std::uint64_t units_ = 0, mentions_ = 0;
  WriteBehind pending_;  // last: its thread stops before the rest goes
};

}  // namespace corridor::app

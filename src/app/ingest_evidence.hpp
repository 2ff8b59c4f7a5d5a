#pragma once
// Use case: read evidence items already in the case with the reader their content calls
// for, run the extraction engine on their text, and write entities and statements. Each
// evidence item is one transaction: a file that fails half-way leaves no trace, and the
// others go on. Nested files (archive members, attachments) become evidence items with
// an "extracted-from" custody event and are ingested in the same transaction.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ingest/reader.hpp"
#include "store/case_folder.hpp"

namespace corridor::extract {
class Scanner;
}

namespace corridor::app {

struct IngestOptions {
  std::string actor;
  std::string why;     // the justification, recorded beside the legal basis
  std::string region;  // phone region hint for national numbers ("LY")
  bool progress = false;
  bool reingest = false;  // read items ingested before again, replacing their rows (store/ingests.hpp)
  ingest::ReadOptions read;  // --map, --tz, --date-order for the readers; archive limits
};

struct IngestedFile {
  std::string sha256;
  std::string name;
  std::string format;  // reader name, or "bytes" for the byte scanner
  std::uint64_t statements = 0, units = 0, mentions = 0, children = 0;
  std::optional<std::string> error;  // set when this file was rolled back
  bool skipped = false;               // already ingested
  std::string note;                   // format-specific summary (AIS positions, rejects)
  std::map<std::string, std::uint64_t> rejects;  // AIS lines not decoded, by reason
  std::vector<ingest::LeftOut> left_out;         // members not extracted, messages cut
};

struct IngestReport {
  std::vector<IngestedFile> files;  // top-level items and, after each, its nested files
  std::int64_t entities_before = 0, entities_after = 0;
  std::map<std::string, int> per_format() const;
  int errors() const;
};

IngestReport ingest_evidence(store::CaseFolder& c, const std::vector<std::string>& sha256s, const IngestOptions& opt);

// The scanner is expensive to compile (all patterns); one per process.
const extract::Scanner& shared_scanner();

}  // namespace corridor::app

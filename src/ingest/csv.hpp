#pragma once
// RFC 4180 CSV, streamed record by record: quoted fields may hold commas, doubled quotes
// and line breaks. Each record keeps its byte range and the line it starts on, for
// provenance and error messages.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/line_reader.hpp"
#include "ingest/reader.hpp"

namespace corridor::ingest {

struct CsvRecord {
  std::vector<std::string> fields;
  std::uint64_t offset = 0, length = 0;
  std::uint64_t line = 0;  // 1-based line where the record starts
  std::uint64_t row = 0;   // 1-based data row (the header is row 0)
};

class CsvReader {
 public:
  CsvReader(const std::filesystem::path& path, const std::string& display, char delimiter = ',');
  // False at the end; throws corridor::Error naming the file and line on an unterminated
  // quote or a record over 16 MiB.
  bool next(CsvRecord& rec);

 private:
  bool next_raw(CsvRecord& rec);
  ByteStream in_;
  char delim_;
  std::uint64_t line_ = 1, row_ = 0;
  bool first_ = true;
};

// The delimiter of a CSV head: ',' ';' or tab, whichever splits the first line most.
char sniff_delimiter(std::string_view head);
// The first line of a head (BOM removed) split as CSV; empty when the head has no line.
std::vector<std::string> head_columns(std::string_view head, char delimiter);
std::optional<std::size_t> column_index(const std::vector<std::string>& header, std::string_view name);

// A zone-less or zoned timestamp of a table ("2022/09/01 00:20", "2022-09-01 00:20:05",
// ISO 8601 with Z or offset) as UTC ISO 8601; --tz applies to zone-less ones. Empty when
// malformed.
std::string table_time(std::string_view raw, const ReadOptions& opt);

// "US Dollar" (AMLworld), "usd", "EUR" -> ISO 4217 code; empty when unknown.
std::string currency_code(std::string_view raw);

}  // namespace corridor::ingest

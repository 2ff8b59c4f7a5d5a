#pragma once
// --map for CSV files: which column holds which field. A reader claims a mapped CSV only
// when the map names its key fields and every mapped column is in the file's header.
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/csv.hpp"

namespace corridor::ingest {

class MappedColumns {
 public:
  // Throws corridor::Error naming the file when a mapped column is not in the header or
  // the map names a field not in `known`.
  MappedColumns(const ReadOptions& opt, const std::vector<std::string>& header,
                std::initializer_list<const char*> known, const std::string& display);
  // The field's value in `rec`, trimmed; empty when unmapped or the row is short.
  std::string get(const CsvRecord& rec, std::string_view field) const;

 private:
  std::map<std::string, std::size_t, std::less<>> index_;
  std::map<std::string, std::string, std::less<>> constant_;  // "field==value"
};

// True when the map names any of `keys` and the head's header holds every mapped column.
bool map_fits(const Source& src, std::initializer_list<const char*> keys);

}  // namespace corridor::ingest

#include "ingest/column_map.hpp"

#include "core/error.hpp"
#include "ingest/text_util.hpp"

namespace corridor::ingest {

MappedColumns::MappedColumns(const ReadOptions& opt, const std::vector<std::string>& header,
                             std::initializer_list<const char*> known, const std::string& display) {
  for (const auto& [field, column] : opt.column_map) {
    bool ok = false;
    for (const char* k : known) ok = ok || field == k;
    if (!ok) throw Error(display, "--map names an unknown field '" + field + "'");
    if (column.front() == '=') {
      constant_[field] = column.substr(1);
      continue;
    }
    auto i = column_index(header, column);
    if (!i) throw Error(display, "--map: no column " + quoted_value(column) + " in the header");
    index_[field] = *i;
  }
}

std::string MappedColumns::get(const CsvRecord& rec, std::string_view field) const {
  if (auto c = constant_.find(field); c != constant_.end()) return c->second;
  auto it = index_.find(field);
  if (it == index_.end() || it->second >= rec.fields.size()) return {};
  return std::string(trim(rec.fields[it->second]));
}

bool map_fits(const Source& src, std::initializer_list<const char*> keys) {
  const auto& map = src.options.column_map;
  bool named = false;
  for (const auto& [field, column] : map)
    for (const char* k : keys) named = named || field == k;
  if (!named) return false;
  const auto header = head_columns(src.head, sniff_delimiter(src.head));
  for (const auto& [field, column] : map)
    if (column.front() != '=' && !column_index(header, column)) return false;
  return true;
}

}  // namespace corridor::ingest

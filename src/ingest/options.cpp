#include "ingest/options.hpp"

#include "core/error.hpp"

namespace corridor::ingest {

namespace {
std::string trimmed(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}
}  // namespace

std::vector<std::pair<std::string, std::string>> parse_column_map(std::string_view spec) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string field, column;
  bool in_column = false;
  auto finish = [&] {
    field = trimmed(field);
    column = trimmed(column);
    if (field.empty() && column.empty() && !in_column) return;
    if (!in_column || field.empty() || column.empty())
      throw Error("--map", "expected field=column, got '" + field + (in_column ? "=" : "") + column + "'");
    for (const auto& [f, c] : out)
      if (f == field) throw Error("--map", "field '" + field + "' mapped twice");
    out.emplace_back(field, column);
    field.clear();
    column.clear();
    in_column = false;
  };
  for (std::size_t i = 0; i < spec.size(); ++i) {
    char c = spec[i];
    if (c == '\\' && i + 1 < spec.size()) {
      (in_column ? column : field) += spec[++i];
    } else if (c == ',') {
      finish();
    } else if (c == '=' && !in_column) {
      in_column = true;
    } else {
      (in_column ? column : field) += c;
    }
  }
  finish();
  if (out.empty()) throw Error("--map", "no field=column pair");
  return out;
}

int parse_utc_offset(std::string_view s) {
  if (s == "Z" || s == "UTC" || s == "utc") return 0;
  auto bad = [&] { return Error("--tz", "expected an offset such as +03:00, got '" + std::string(s) + "'"); };
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) throw bad();
  std::string digits;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == ':' && i == 3) continue;
    if (s[i] < '0' || s[i] > '9') throw bad();
    digits += s[i];
  }
  if (digits.size() != 2 && digits.size() != 4) throw bad();
  const int h = std::stoi(digits.substr(0, 2));
  const int m = digits.size() == 4 ? std::stoi(digits.substr(2)) : 0;
  if (h > 14 || m > 59) throw bad();
  return (s[0] == '-' ? -1 : 1) * (h * 60 + m);
}

}  // namespace corridor::ingest

#include "ingest/csv.hpp"

#include <array>

#include "core/error.hpp"
#include "core/time.hpp"
#include "ingest/text_util.hpp"

namespace corridor::ingest {

namespace {
constexpr std::size_t kMaxRecord = 16u << 20;
}

CsvReader::CsvReader(const std::filesystem::path& path, const std::string& display, char delimiter)
    : in_(path, display), delim_(delimiter) {}

bool CsvReader::next(CsvRecord& rec) {
  for (;;) {
    if (!next_raw(rec)) return false;
    if (rec.fields.size() == 1 && trim(rec.fields[0]).empty()) continue;  // blank line
    rec.row = row_++;
    return true;
  }
}

bool CsvReader::next_raw(CsvRecord& rec) {
  rec.fields.clear();
  rec.offset = in_.offset();
  rec.line = line_;
  if (first_) {
    first_ = false;
    if (in_.peek() == 0xEF) {  // UTF-8 BOM
      in_.get();
      in_.get();
      in_.get();
    }
  }
  int c = in_.get();
  if (c < 0) return false;
  std::string field;
  std::size_t total = 0;
  bool quoted = false, was_quoted = false;
  const std::uint64_t start_line = line_;
  for (;; c = in_.get()) {
    if (++total > kMaxRecord) throw Error(where(in_.display(), "line", start_line), "record longer than 16 MiB");
    if (quoted) {
      if (c < 0) throw Error(where(in_.display(), "line", line_), "unterminated quoted field (opened on line " + std::to_string(start_line) + ")");
      if (c == '"') {
        if (in_.peek() == '"') {
          field += static_cast<char>(in_.get());
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line_;
        field += static_cast<char>(c);
      }
      continue;
    }
    if (c < 0 || c == '\n') {
      if (!field.empty() && field.back() == '\r' && !was_quoted) field.pop_back();
      rec.fields.push_back(std::move(field));
      if (c == '\n') ++line_;
      break;
    }
    if (c == delim_) {
      rec.fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == '\r' && was_quoted) {
      // CRLF after a closing quote
    } else {
      field += static_cast<char>(c);
    }
  }
  rec.length = in_.offset() - rec.offset;
  return true;
}

char sniff_delimiter(std::string_view head) {
  const std::string_view line = head.substr(0, head.find('\n'));
  char best = ',';
  std::size_t most = 0;
  for (char d : {',', ';', '\t'}) {
    std::size_t n = 0;
    for (char c : line) n += c == d;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

std::vector<std::string> head_columns(std::string_view head, char delimiter) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const auto nl = head.find('\n');
  if (nl == std::string_view::npos) return {};
  std::vector<std::string> out;
  std::string field;
  bool quoted = false;
  for (char c : trim(head.substr(0, nl))) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == delimiter && !quoted) {
      out.push_back(std::string(trim(field)));
      field.clear();
    } else {
      field += c;
    }
  }
  out.push_back(std::string(trim(field)));
  return out;
}

std::optional<std::size_t> column_index(const std::vector<std::string>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (lower_ascii(trim(header[i])) == lower_ascii(trim(name))) return i;
  return std::nullopt;
}

std::string table_time(std::string_view raw, const ReadOptions& opt) {
  std::string s(trim(raw));
  if (s.size() >= 10 && s[4] == '/' && s[7] == '/') {
    s[4] = '-';
    s[7] = '-';
  }
  if (s.size() == 16) s += ":00";  // minutes only
  if (s.size() == 10) s += "T00:00:00";
  const bool zoned = s.size() > 19 && (s.back() == 'Z' || s[s.size() - 6] == '+' || s[s.size() - 6] == '-');
  const auto ms = parse_iso8601(s);
  if (!ms) return {};
  return format_utc(*ms - (zoned ? 0 : opt.utc_offset_minutes.value_or(0) * 60000LL));
}

std::string currency_code(std::string_view raw) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kNames = {{
      {"us dollar", "USD"}, {"euro", "EUR"}, {"yuan", "CNY"}, {"yen", "JPY"}, {"uk pound", "GBP"},
      {"rupee", "INR"}, {"ruble", "RUB"}, {"canadian dollar", "CAD"}, {"australian dollar", "AUD"},
      {"swiss franc", "CHF"}, {"mexican peso", "MXN"}, {"brazil real", "BRL"}, {"saudi riyal", "SAR"},
      {"shekel", "ILS"}, {"bitcoin", "XBT"},  // not ISO 4217; the common code for bitcoin
      {"turkish lira", "TRY"},
  }};
  const std::string l = lower_ascii(trim(raw));
  for (const auto& [name, code] : kNames)
    if (l == name) return std::string(code);
  if (l.size() == 3 && l.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos) {
    std::string up = l;
    for (char& c : up) c = static_cast<char>(c - 'a' + 'A');
    return up;
  }
  return {};
}

}  // namespace corridor::ingest

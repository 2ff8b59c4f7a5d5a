// Reading a machine-readable zone for the document checks: the fields of ICAO 9303
// TD1 (3 × 30), TD2 and MRV-B (2 × 36), TD3 and MRV-A (2 × 44), every check digit
// recomputed and reported rather than required. Shared helpers of the document detectors.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "core/error.hpp"
#include "detect/document_checks.hpp"
#include "extract/checks.hpp"

namespace corridor::detect {

namespace {

bool mrz_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<'; }

bool all_fill(std::string_view s) { return s.find_first_not_of('<') == std::string_view::npos; }

// A check digit as ICAO 9303 Part 3 computes it; '<' stands for 0 over an empty field.
bool digit_holds(std::string_view field, char digit) {
  const int c = extract::mrz_check(field);
  if (digit == '<') return c == 0 && all_fill(field);
  return c >= 0 && digit == static_cast<char>('0' + c);
}

// The optional personal number of TD3 may carry '<' or 0 when it is empty.
bool optional_holds(std::string_view field, char digit) {
  if (all_fill(field)) return digit == '<' || digit == '0';
  return digit_holds(field, digit);
}

std::string fill_to_space(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(c == '<' ? ' ' : c);
  const auto b = out.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  out = out.substr(b, out.find_last_not_of(' ') - b + 1);
  // Runs of fillers inside a name are one space.
  std::string squeezed;
  for (char c : out)
    if (!(c == ' ' && !squeezed.empty() && squeezed.back() == ' ')) squeezed.push_back(c);
  return squeezed;
}

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// YYMMDD in a given century choice; "" when it is no date.
std::string iso_date(std::string_view s, int year) {
  if (s.size() != 6 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
  const int mm = (s[2] - '0') * 10 + (s[3] - '0'), dd = (s[4] - '0') * 10 + (s[5] - '0');
  if (mm < 1 || mm > 12 || dd < 1 || dd > days_in_month(year, mm)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, mm, dd);
  return buf;
}

int two_digits(std::string_view s) {
  if (s.size() < 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') return -1;
  return (s[0] - '0') * 10 + (s[1] - '0');
}

// Expiry: 1970-2069. Birth: this century unless that would fall after the expiry (or,
// without an expiry, after 2040), a rule that fails only for holders about a century old.
void read_dates(TravelDocument& d, std::string_view birth, std::string_view expiry) {
  const int ey = two_digits(expiry), by = two_digits(birth);
  int expiry_year = -1;
  if (ey >= 0) {
    expiry_year = ey < 70 ? 2000 + ey : 1900 + ey;
    d.expiry = iso_date(expiry, expiry_year);
    if (d.expiry.empty()) expiry_year = -1;
  }
  if (by >= 0) {
    int year = 2000 + by;
    if (year > (expiry_year > 0 ? expiry_year : 2040)) year -= 100;
    d.birth = iso_date(birth, year);
  }
}

void read_names(TravelDocument& d, std::string_view field) {
  const auto sep = field.find("<<");
  d.surname = fill_to_space(field.substr(0, sep));
  d.given = sep == std::string_view::npos ? "" : fill_to_space(field.substr(sep + 2));
}

// The 9-character number field, extended into the optional data when its check digit
// position holds '<' (ICAO 9303 Part 5, 4.2.4: numbers longer than 9 characters).
void read_number(TravelDocument& d, std::string_view field, char check, std::string_view optional) {
  d.number_field = std::string(field);
  std::string number(field);
  char digit = check;
  if (check == '<' && !optional.empty() && optional[0] != '<') {
    const auto end = optional.find('<');
    const std::string_view ext = optional.substr(0, end);
    number += std::string(ext.substr(0, ext.size() - 1));
    digit = ext.back();
  }
  d.checks.push_back({"document number", digit_holds(number, digit)});
  while (!number.empty() && number.back() == '<') number.pop_back();
  d.number = number;
}

}  // namespace

bool TravelDocument::checks_hold() const {
  return std::all_of(checks.begin(), checks.end(), [](const MrzCheck& c) { return c.ok; });
}

std::string TravelDocument::name() const {
  if (given.empty()) return surname;
  if (surname.empty()) return given;
  return surname + " " + given;
}

std::string TravelDocument::kind() const {
  const char t = doc_type.empty() ? ' ' : doc_type[0];
  if (t == 'P') return "passport";
  if (t == 'V') return "visa";
  if (t == 'I' || t == 'A' || t == 'C') return "identity card";
  return "travel document";
}

std::optional<TravelDocument> read_mrz(std::string_view text) {
  std::string s;
  s.reserve(text.size());
  for (char c : text)
    if (c != '\n' && c != '\r') s.push_back(c);
  if (!std::all_of(s.begin(), s.end(), mrz_char)) return std::nullopt;
  const std::size_t width = s.size() == 88 ? 44 : s.size() == 72 ? 36 : s.size() == 90 ? 30 : 0;
  if (width == 0) return std::nullopt;
  const std::string_view v(s);
  const std::string_view l1 = v.substr(0, width), l2 = v.substr(width, width);
  if (l1[0] < 'A' || l1[0] > 'Z') return std::nullopt;

  TravelDocument d;
  d.mrz = s;
  d.doc_type = fill_to_space(l1.substr(0, 2));
  d.issuer = fill_to_space(l1.substr(2, 3));
  const bool visa = l1[0] == 'V';
  if (width == 30) {  // TD1
    const std::string_view l3 = v.substr(60, 30);
    d.format = "td1";
    read_number(d, l1.substr(5, 9), l1[14], l1.substr(15, 15));
    d.checks.push_back({"birth date", digit_holds(l2.substr(0, 6), l2[6])});
    d.sex = std::string(1, l2[7]);
    d.checks.push_back({"expiry date", digit_holds(l2.substr(8, 6), l2[14])});
    d.nationality = fill_to_space(l2.substr(15, 3));
    const std::string composite = std::string(l1.substr(5, 25)) + std::string(l2.substr(0, 7)) +
                                  std::string(l2.substr(8, 7)) + std::string(l2.substr(18, 11));
    d.checks.push_back({"composite", digit_holds(composite, l2[29])});
    read_dates(d, l2.substr(0, 6), l2.substr(8, 6));
    read_names(d, l3);
    return d;
  }
  // TD2, TD3 and the visas share line 2 up to the expiry check digit.
  d.format = width == 44 ? "td3" : "td2";
  if (visa) d.format = width == 44 ? "mrv-a" : "mrv-b";
  read_names(d, l1.substr(5));
  read_number(d, l2.substr(0, 9), l2[9], width == 36 && !visa ? l2.substr(28, 7) : std::string_view{});
  d.nationality = fill_to_space(l2.substr(10, 3));
  d.checks.push_back({"birth date", digit_holds(l2.substr(13, 6), l2[19])});
  d.sex = std::string(1, l2[20]);
  d.checks.push_back({"expiry date", digit_holds(l2.substr(21, 6), l2[27])});
  read_dates(d, l2.substr(13, 6), l2.substr(21, 6));
  if (visa) return d;  // visas carry no composite check digit
  if (width == 44) {
    d.checks.push_back({"optional data", optional_holds(l2.substr(28, 14), l2[42])});
    const std::string composite =
        std::string(l2.substr(0, 10)) + std::string(l2.substr(13, 7)) + std::string(l2.substr(21, 22));
    d.checks.push_back({"composite", digit_holds(composite, l2[43])});
  } else {
    const std::string composite =
        std::string(l2.substr(0, 10)) + std::string(l2.substr(13, 7)) + std::string(l2.substr(21, 14));
    d.checks.push_back({"composite", digit_holds(composite, l2[35])});
  }
  return d;
}

std::string normalise_document_number(std::string_view number) {
  std::string out;
  for (char c : number) {
    if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '<' || c == '\t') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

std::vector<std::string> document_subjects(const std::vector<const DocumentSighting*>& seen) {
  std::vector<std::string> out;
  auto add = [&](const std::string& id) {
    if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  };
  for (const auto* s : seen) add(s->document_entity.empty() ? s->found_in : s->document_entity);
  for (const auto* s : seen)
    for (const auto& h : s->holders) add(h);
  return out;
}

std::vector<std::vector<const DocumentSighting*>> group_by_mrz(const std::vector<DocumentSighting>& all) {
  std::vector<std::vector<const DocumentSighting*>> groups;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& s : all) {
    const auto [it, fresh] = index.emplace(s.doc.mrz, groups.size());
    if (fresh) groups.emplace_back();
    groups[it->second].push_back(&s);
  }
  return groups;
}

double combine_weights(const std::vector<Reason>& reasons) {
  double keep = 1;
  for (const auto& r : reasons)
    if (r.weight > 0) keep *= 1 - std::min(r.weight, 1.0);
  return std::clamp(1 - keep, 0.0, 1.0);
}

std::vector<std::int64_t> cited(const std::vector<const DocumentSighting*>& seen, std::size_t limit) {
  std::vector<std::int64_t> out;
  for (const auto* s : seen) {
    if (out.size() >= limit) break;
    if (std::find(out.begin(), out.end(), s->statement) == out.end()) out.push_back(s->statement);
  }
  return out;
}

std::string describe(const TravelDocument& d) {
  return d.kind() + " " + (d.number.empty() ? std::string("without number") : d.number) + " (" +
         (d.issuer.empty() ? std::string("no issuer") : d.issuer) + ")";
}

std::string read_data_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot read");
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) throw Error(path, "cannot read");
  return out.str();
}

std::vector<std::pair<std::size_t, std::string>> data_lines(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte order mark
  std::vector<std::pair<std::size_t, std::string>> out;
  std::size_t number = 0, pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(pos, end - pos));
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
    out.emplace_back(number, std::move(line));
  }
  return out;
}

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', pos);
    out.emplace_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (tab == std::string_view::npos) return out;
    pos = tab + 1;
  }
}

}  // namespace corridor::detect

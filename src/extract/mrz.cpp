// Machine-readable zones of travel documents (ICAO 9303): TD3 passports (2 × 44),
// TD2 cards and visas (2 × 36), TD1 ID cards (3 × 30). Every check digit must hold:
// document number, birth date, expiry, optional data where it has one, and the composite.
// Value: the lines joined without separator; detail: the parsed fields.
#include <cstdio>
#include <string>
#include <vector>

#include "extract/checks.hpp"
#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

bool check(std::string_view field, char digit) {
  const int c = mrz_check(field);
  if (digit == '<') return c == 0 && field.find_first_not_of('<') == std::string_view::npos;
  return c >= 0 && digit == static_cast<char>('0' + c);
}

bool check_optional(std::string_view field, char digit) {
  // An empty personal number may carry '<' or 0 as its check digit.
  if (field.find_first_not_of('<') == std::string_view::npos) return digit == '<' || digit == '0';
  return check(field, digit);
}

std::string trim_fill(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(c == '<' ? ' ' : c);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  return out;
}

// YYMMDD as ISO, birth dates pivoting on the current century window.
std::string date6(std::string_view s, bool birth) {
  const long v = parse_fixed(s);
  if (v < 0) return "";
  const long yy = v / 10000, mm = v / 100 % 100, dd = v % 100;
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return "";
  const long year = birth ? (yy > 40 ? 1900 + yy : 2000 + yy) : 2000 + yy;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", year, mm, dd);
  return buf;
}

std::string names(std::string_view field) {
  const auto sep = field.find("<<");
  std::string surname = trim_fill(field.substr(0, sep));
  std::string given = sep == std::string_view::npos ? "" : trim_fill(field.substr(sep + 2));
  return "surname=" + surname + ";given=" + given;
}

bool mrz_char(char ch) { return is_upper(ch) || is_ascii_digit(ch) || ch == '<'; }

// Matched for its end only, on the rare "<" + line break + MRZ character that joins the
// first line (padded with '<') to the next: the first line starts up to 44 bytes back.
std::size_t find_start(std::string_view b, std::size_t to, unsigned) {
  std::size_t end1 = to - 2;  // the '\n'
  if (end1 > 0 && b[end1 - 1] == '\r') --end1;
  return run_start(b, end1, mrz_char, 45);
}

void handle(const Candidate& c, const HandlerContext& ctx) {
  // An MRZ line fills its line: the bytes around it must not continue it.
  if (c.from > 0 && mrz_char(c.buf[c.from - 1])) return;
  std::size_t end1 = c.to - 2;
  if (end1 > c.from && c.buf[end1 - 1] == '\r') --end1;
  const std::size_t width = end1 - c.from;
  if (width != 30 && width != 36 && width != 44) return;
  const std::size_t count = width == 30 ? 3 : 2;
  std::vector<std::string_view> lines;
  std::size_t p = c.from;
  for (std::size_t i = 0; i < count; ++i) {
    if (p + width > c.buf.size()) return;
    const std::string_view l = c.buf.substr(p, width);
    for (char ch : l)
      if (!mrz_char(ch)) return;
    lines.push_back(l);
    p += width;
    if (i + 1 < count) {
      if (p < c.buf.size() && c.buf[p] == '\r') ++p;
      if (p >= c.buf.size() || c.buf[p] != '\n') return;
      ++p;
    }
  }
  if (p < c.buf.size() && mrz_char(c.buf[p])) return;
  const std::size_t end = p;
  const unsigned format = width == 44 ? 0 : width == 36 ? 1 : 2;
  std::string fields;
  std::string value;
  for (auto l : lines) value += l;
  if (format == 0) {  // TD3
    const auto l1 = lines[0], l2 = lines[1];
    if (l1[0] != 'P' || !check(l2.substr(0, 9), l2[9]) || !check(l2.substr(13, 6), l2[19]) ||
        !check(l2.substr(21, 6), l2[27]) || !check_optional(l2.substr(28, 14), l2[42]))
      return;
    std::string comp = std::string(l2.substr(0, 10)) + std::string(l2.substr(13, 7)) + std::string(l2.substr(21, 22));
    if (!check(comp, l2[43])) return;
    fields = "format=td3;doc_type=" + trim_fill(l1.substr(0, 2)) + ";issuer=" + trim_fill(l1.substr(2, 3)) + ";" +
             names(l1.substr(5)) + ";number=" + trim_fill(l2.substr(0, 9)) + ";nationality=" +
             trim_fill(l2.substr(10, 3)) + ";birth=" + date6(l2.substr(13, 6), true) + ";sex=" +
             std::string(1, l2[20]) + ";expiry=" + date6(l2.substr(21, 6), false);
  } else if (format == 1) {  // TD2
    const auto l1 = lines[0], l2 = lines[1];
    if (!check(l2.substr(0, 9), l2[9]) || !check(l2.substr(13, 6), l2[19]) || !check(l2.substr(21, 6), l2[27]))
      return;
    std::string comp = std::string(l2.substr(0, 10)) + std::string(l2.substr(13, 7)) + std::string(l2.substr(21, 14));
    if (!check(comp, l2[35])) return;
    fields = "format=td2;doc_type=" + trim_fill(l1.substr(0, 2)) + ";issuer=" + trim_fill(l1.substr(2, 3)) + ";" +
             names(l1.substr(5)) + ";number=" + trim_fill(l2.substr(0, 9)) + ";nationality=" +
             trim_fill(l2.substr(10, 3)) + ";birth=" + date6(l2.substr(13, 6), true) + ";sex=" +
             std::string(1, l2[20]) + ";expiry=" + date6(l2.substr(21, 6), false);
  } else {  // TD1
    const auto l1 = lines[0], l2 = lines[1], l3 = lines[2];
    if (!check(l1.substr(5, 9), l1[14]) || !check(l2.substr(0, 6), l2[6]) || !check(l2.substr(8, 6), l2[14])) return;
    std::string comp = std::string(l1.substr(5, 25)) + std::string(l2.substr(0, 7)) + std::string(l2.substr(8, 7)) +
                       std::string(l2.substr(18, 11));
    if (!check(comp, l2[29])) return;
    fields = "format=td1;doc_type=" + trim_fill(l1.substr(0, 2)) + ";issuer=" + trim_fill(l1.substr(2, 3)) + ";" +
             names(l3) + ";number=" + trim_fill(l1.substr(5, 9)) + ";nationality=" + trim_fill(l2.substr(15, 3)) +
             ";birth=" + date6(l2.substr(0, 6), true) + ";sex=" + std::string(1, l2[7]) +
             ";expiry=" + date6(l2.substr(8, 6), false);
  }
  ctx.emit(c, c.from, end, "mrz", value, 1.0, fields);
}

}  // namespace

Feature mrz_feature() {
  return Feature{"mrz",
                 {"mrz"},
                 {R"(<\r?\n[A-Z0-9<])"},
                 handle, find_start};
}

}  // namespace corridor::extract

// Machine-readable zones of travel documents (ICAO 9303): TD3 passports (2 × 44),
// TD2 cards and visas (2 × 36), TD1 ID cards (3 × 30). Every check digit must hold for an
// "mrz": document number, birth date, expiry, optional data where it has one, and the
// composite. A zone of the right shape (document code, state codes, dates, sex) where one
// or two check digits fail is an "mrz_invalid" of confidence 0.5 instead, its detail
// naming the failed checks (failed=number,composite): a typing slip, or a forged number
// whose check digit was not recomputed, is what document checks look for.
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

bool code_char(char ch) { return is_upper(ch) || ch == '<'; }

// The parts of a zone that are not check digits, for zones whose check digits fail: a
// document code, state codes, two dates, a sex, digits where check digits go.
bool plausible(std::string_view doc, std::string_view issuer, std::string_view nationality, std::string_view birth,
               std::string_view expiry, char sex, std::string_view check_positions) {
  if (std::string_view("ACIPV").find(doc[0]) == std::string_view::npos || !code_char(doc[1])) return false;
  for (auto code : {issuer, nationality}) {
    if (!is_upper(code[0])) return false;
    for (char ch : code)
      if (!code_char(ch)) return false;
  }
  if (date6(birth, true).empty() || date6(expiry, false).empty()) return false;
  if (sex != 'M' && sex != 'F' && sex != 'X' && sex != '<') return false;
  for (char ch : check_positions)
    if (!is_ascii_digit(ch) && ch != '<') return false;
  return true;
}

struct Verdict {
  std::string failed;  // names of the failed checks, comma-separated
  int held = 0, total = 0;
  void add(const char* name, bool ok) {
    ++total;
    if (ok) ++held;
    else failed += std::string(failed.empty() ? "" : ",") + name;
  }
};

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
  Verdict v;
  bool shaped = false;
  if (format == 0) {  // TD3
    const auto l1 = lines[0], l2 = lines[1];
    if (l1[0] != 'P') return;
    v.add("number", check(l2.substr(0, 9), l2[9]));
    v.add("birth", check(l2.substr(13, 6), l2[19]));
    v.add("expiry", check(l2.substr(21, 6), l2[27]));
    v.add("optional", check_optional(l2.substr(28, 14), l2[42]));
    std::string comp = std::string(l2.substr(0, 10)) + std::string(l2.substr(13, 7)) + std::string(l2.substr(21, 22));
    v.add("composite", check(comp, l2[43]));
    shaped = plausible(l1.substr(0, 2), l1.substr(2, 3), l2.substr(10, 3), l2.substr(13, 6), l2.substr(21, 6), l2[20],
                       std::string{l2[9], l2[19], l2[27], l2[43]});
    fields = "format=td3;doc_type=" + trim_fill(l1.substr(0, 2)) + ";issuer=" + trim_fill(l1.substr(2, 3)) + ";" +
             names(l1.substr(5)) + ";number=" + trim_fill(l2.substr(0, 9)) + ";nationality=" +
             trim_fill(l2.substr(10, 3)) + ";birth=" + date6(l2.substr(13, 6), true) + ";sex=" +
             std::string(1, l2[20]) + ";expiry=" + date6(l2.substr(21, 6), false);
  } else if (format == 1) {  // TD2
    const auto l1 = lines[0], l2 = lines[1];
    v.add("number", check(l2.substr(0, 9), l2[9]));
    v.add("birth", check(l2.substr(13, 6), l2[19]));
    v.add("expiry", check(l2.substr(21, 6), l2[27]));
    std::string comp = std::string(l2.substr(0, 10)) + std::string(l2.substr(13, 7)) + std::string(l2.substr(21, 14));
    v.add("composite", check(comp, l2[35]));
    shaped = plausible(l1.substr(0, 2), l1.substr(2, 3), l2.substr(10, 3), l2.substr(13, 6), l2.substr(21, 6), l2[20],
                       std::string{l2[9], l2[19], l2[27], l2[35]});
    fields = "format=td2;doc_type=" + trim_fill(l1.substr(0, 2)) + ";issuer=" + trim_fill(l1.substr(2, 3)) + ";" +
             names(l1.substr(5)) + ";number=" + trim_fill(l2.substr(0, 9)) + ";nationality=" +
             trim_fill(l2.substr(10, 3)) + ";birth=" + date6(l2.substr(13, 6), true) + ";sex=" +
             std::string(1, l2[20]) + ";expiry=" + date6(l2.substr(21, 6), false);
  } else {  // TD1
    const auto l1 = lines[0], l2 = lines[1], l3 = lines[2];
    v.add("number", check(l1.substr(5, 9), l1[14]));
    v.add("birth", check(l2.substr(0, 6), l2[6]));
    v.add("expiry", check(l2.substr(8, 6), l2[14]));
    std::string comp = std::string(l1.substr(5, 25)) + std::string(l2.substr(0, 7)) + std::string(l2.substr(8, 7)) +
                       std::string(l2.substr(18, 11));
    v.add("composite", check(comp, l2[29]));
    shaped = plausible(l1.substr(0, 2), l1.substr(2, 3), l2.substr(15, 3), l2.substr(0, 6), l2.substr(8, 6), l2[7],
                       std::string{l2[6], l2[14], l2[29]});
    fields = "format=td1;doc_type=" + trim_fill(l1.substr(0, 2)) + ";issuer=" + trim_fill(l1.substr(2, 3)) + ";" +
             names(l3) + ";number=" + trim_fill(l1.substr(5, 9)) + ";nationality=" + trim_fill(l2.substr(15, 3)) +
             ";birth=" + date6(l2.substr(0, 6), true) + ";sex=" + std::string(1, l2[7]) +
             ";expiry=" + date6(l2.substr(8, 6), false);
  }
  if (v.failed.empty()) {
    ctx.emit(c, c.from, end, "mrz", value, 1.0, fields);
    return;
  }
  // One or two slips in a zone of the right shape; more, and it is not an MRZ at all.
  if (!shaped || v.total - v.held > 2) return;
  ctx.emit(c, c.from, end, "mrz_invalid", value, 0.5, fields + ";failed=" + v.failed);
}

}  // namespace

Feature mrz_feature() {
  return Feature{"mrz",
                 {"mrz", "mrz_invalid"},
                 {R"(<\r?\n[A-Z0-9<])"},
                 handle, find_start};
}

}  // namespace corridor::extract

#include "ingest/whatsapp_line.hpp"

#include <unicode/uchar.h>

#include <vector>

#include "core/unicode.hpp"

namespace corridor::ingest {

namespace {

// The line with digits folded to ASCII, invisible marks removed and exotic spaces made
// plain, plus where each byte of it came from in the original.
struct Folded {
  std::string text;
  std::vector<std::size_t> from;
};

Folded fold(std::string_view line, std::size_t limit) {
  Folded f;
  for (std::size_t pos = 0; pos < line.size() && f.text.size() < limit;) {
    const std::size_t start = pos;
    const char32_t cp = unicode::next_code_point(line, pos);
    const auto ucp = static_cast<UChar32>(cp);
    if (cp < 0x80) {
      f.text.push_back(line[start]);
      f.from.push_back(start);
    } else if (cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007) {
      f.text.push_back(' ');
      f.from.push_back(start);
    } else if (u_charType(ucp) == U_FORMAT_CHAR) {
      continue;
    } else if (u_charType(ucp) == U_DECIMAL_DIGIT_NUMBER) {
      f.text.push_back(static_cast<char>('0' + u_charDigitValue(ucp)));
      f.from.push_back(start);
    } else if (cp == 0x060C) {  // Arabic comma between date and time
      f.text.push_back(',');
      f.from.push_back(start);
    } else {
      for (std::size_t i = start; i < pos; ++i) {
        f.text.push_back(line[i]);
        f.from.push_back(start);
      }
    }
  }
  f.from.push_back(line.size());
  return f;
}

bool number(const std::string& s, std::size_t& p, std::size_t min, std::size_t max, int& out, std::size_t& width) {
  std::size_t n = 0;
  out = 0;
  while (p < s.size() && n < max && s[p] >= '0' && s[p] <= '9') {
    out = out * 10 + (s[p++] - '0');
    ++n;
  }
  width = n;
  return n >= min && !(p < s.size() && s[p] >= '0' && s[p] <= '9');
}

void spaces(const std::string& s, std::size_t& p) {
  while (p < s.size() && s[p] == ' ') ++p;
}

// "AM", "pm", "a.m.", "p. m.", Arabic ص / م.
bool am_pm(const std::string& s, std::size_t& p, bool& pm) {
  std::size_t q = p;
  if (s.compare(q, 2, "\xD8\xB5") == 0 || s.compare(q, 2, "\xD9\x85") == 0) {
    pm = s[q + 1] == '\x85';
    p = q + 2;
    return true;
  }
  if (q >= s.size()) return false;
  const char c = static_cast<char>(s[q] | 0x20);
  if (c != 'a' && c != 'p') return false;
  ++q;
  if (q < s.size() && s[q] == '.') ++q;
  spaces(s, q);
  if (q >= s.size() || (s[q] | 0x20) != 'm') return false;
  ++q;
  if (q < s.size() && s[q] == '.') ++q;
  pm = c == 'p';
  p = q;
  return true;
}

}  // namespace

std::optional<WaStamp> parse_wa_stamp(std::string_view line) {
  const Folded f = fold(line, 128);
  const std::string& s = f.text;
  WaStamp st;
  std::size_t p = 0, w = 0;
  if (p < s.size() && s[p] == '[') {
    st.ios = true;
    ++p;
  }
  const std::size_t date_begin = p;
  if (!number(s, p, 1, 4, st.a, w)) return std::nullopt;
  st.year_first = w == 4;
  if (p >= s.size() || (s[p] != '/' && s[p] != '.' && s[p] != '-')) return std::nullopt;
  const char sep = s[p++];
  if (!number(s, p, 1, 2, st.b, w) || p >= s.size() || s[p] != sep) return std::nullopt;
  ++p;
  if (!number(s, p, st.year_first ? 1 : 2, st.year_first ? 2 : 4, st.c, w) || (!st.year_first && w == 3))
    return std::nullopt;
  if (p < s.size() && s[p] == '.') ++p;  // "31.12.21."
  const std::size_t after_date = p;
  if (p < s.size() && s[p] == ',') ++p;
  spaces(s, p);
  if (p == after_date) return std::nullopt;
  if (!number(s, p, 1, 2, st.hour, w) || p >= s.size() || s[p] != ':') return std::nullopt;
  ++p;
  if (!number(s, p, 2, 2, st.minute, w)) return std::nullopt;
  if (p < s.size() && s[p] == ':') {
    ++p;
    if (!number(s, p, 2, 2, st.second, w)) return std::nullopt;
  }
  std::size_t q = p;
  spaces(s, q);
  if (am_pm(s, q, st.pm)) {
    st.twelve_hour = true;
    p = q;
  }
  const std::size_t stamp_end = p;
  if (st.ios) {
    if (p >= s.size() || s[p] != ']') return std::nullopt;
    ++p;
    spaces(s, p);
  } else {
    spaces(s, p);
    if (p >= s.size() || s[p] != '-') return std::nullopt;
    ++p;
    if (p < s.size() && s[p] == ' ') ++p;
  }
  st.rest = f.from[p];
  st.written = std::string(line.substr(f.from[date_begin], f.from[stamp_end] - f.from[date_begin]));
  if (st.twelve_hour) {
    if (st.hour < 1 || st.hour > 12) return std::nullopt;
    st.hour = st.hour % 12 + (st.pm ? 12 : 0);
  }
  return st;
}

std::optional<CivilDate> wa_date(const WaStamp& s, DateOrder order) {
  CivilDate d{};
  if (s.year_first) {
    d = {s.a, s.b, s.c};
  } else {
    d.year = s.c < 100 ? 2000 + s.c : s.c;
    d.day = order == DateOrder::MonthFirst ? s.b : s.a;
    d.month = order == DateOrder::MonthFirst ? s.a : s.b;
  }
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
  return d;
}

}  // namespace corridor::ingest

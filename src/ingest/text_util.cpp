#include "ingest/text_util.hpp"

#include "core/time.hpp"
#include "core/unicode.hpp"
#include "extract/phone_util.hpp"

namespace corridor::ingest {

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    const char32_t cp = unicode::next_code_point(s, pos);
    if (cp < 0x80) {
      out.push_back(s[start]);
    } else if (cp == U'\uFFFD' && !(pos - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD")) {
      unicode::append_utf8(out, cp);
    } else {
      out.append(s.substr(start, pos - start));
    }
  }
  return out;
}

std::string quoted_value(std::string_view s) {
  std::string out = "'";
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    const char32_t cp = unicode::next_code_point(s, pos);
    const bool ill = cp == U'\uFFFD' && !(pos - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD");
    if (cp < 0x20 || cp == 0x7F || ill) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      const auto b = static_cast<unsigned char>(s[start]);
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 15];
      pos = start + 1;
    } else {
      out.append(s.substr(start, pos - start));
    }
  }
  return out + "'";
}

std::string_view trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string o(s);
  for (char& c : o)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return o;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && lower_ascii(s.substr(0, prefix.size())) == lower_ascii(prefix);
}

std::string phone_e164(std::string_view raw, const std::string& region) {
  const std::string folded = unicode::fold_for_match(raw);
  std::string digits;
  bool plus = false;
  for (char c : folded) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' && c != '/') {
      return {};  // letters: a name, not a number
    }
  }
  if (digits.size() < 6 || digits.size() > 17) return {};
  if (!plus && digits.rfind("00", 0) == 0) {
    plus = true;
    digits.erase(0, 2);
  }
  if (plus) return extract::e164(digits, true);
  if (region.empty()) return {};
  return extract::e164(digits, false, region);
}

std::optional<std::int64_t> civil_to_utc_ms(int y, int mo, int d, int h, int mi, int s,
                                            std::optional<int> off) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1970 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || h < 0 || h > 23 ||
      mi < 0 || mi > 59 || s < 0 || s > 60)
    return std::nullopt;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (mo == 2 && d == 29 && !leap) return std::nullopt;
  const std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  const std::int64_t secs = days * 86400 + h * 3600 + mi * 60 + s - static_cast<std::int64_t>(off.value_or(0)) * 60;
  return secs * 1000;
}

namespace {
bool is_group(std::string_view s, std::size_t at) {
  for (std::size_t i = at; i < at + 3; ++i)
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  return at + 3 == s.size() || s[at + 3] == '.' || s[at + 3] == ',';
}
}  // namespace

std::string decimal_amount(std::string_view raw) {
  raw = trim(raw);
  std::string out;
  bool dot = false, digit = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c >= '0' && c <= '9') {
      out += c;
      digit = true;
    } else if (c == '.' && !dot) {
      out += c;
      dot = true;
    } else if (c == ',' && !dot && digit && i + 3 < raw.size() + 1 && is_group(raw, i + 1)) {
      continue;  // thousands separator: exactly three digits follow
    } else if (c == '-' && i == 0) {
      out += c;
    } else {
      return {};
    }
  }
  if (!digit || out.back() == '.') return {};
  return out;
}

std::string where(const std::string& name, std::string_view unit, std::uint64_t n) {
  return name + ": " + std::string(unit) + " " + std::to_string(n);
}

}  // namespace corridor::ingest

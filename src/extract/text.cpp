#include "extract/text.hpp"

#include "core/unicode.hpp"

namespace corridor::extract {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_upper(c);
  return out;
}

int digit_at(std::string_view b, std::size_t pos, std::size_t* len) {
  auto at = [&](std::size_t i) { return i < b.size() ? static_cast<std::uint8_t>(b[i]) : 0u; };
  const unsigned c0 = at(pos);
  auto set = [&](std::size_t n, int v) {
    if (len) *len = n;
    return v;
  };
  if (c0 >= '0' && c0 <= '9') return set(1, static_cast<int>(c0 - '0'));
  const unsigned c1 = at(pos + 1);
  if (c0 == 0xD9 && c1 >= 0xA0 && c1 <= 0xA9) return set(2, static_cast<int>(c1 - 0xA0));
  if (c0 == 0xDB && c1 >= 0xB0 && c1 <= 0xB9) return set(2, static_cast<int>(c1 - 0xB0));
  const unsigned c2 = at(pos + 2);
  if (c0 == 0xE0 && c1 == 0xA5 && c2 >= 0xA6 && c2 <= 0xAF) return set(3, static_cast<int>(c2 - 0xA6));
  if (c0 == 0xEF && c1 == 0xBC && c2 >= 0x90 && c2 <= 0x99) return set(3, static_cast<int>(c2 - 0x90));
  return -1;
}

int digit_before(std::string_view b, std::size_t pos) {
  for (std::size_t n = 1; n <= 3 && n <= pos; ++n) {
    std::size_t len = 0;
    const int v = digit_at(b, pos - n, &len);
    if (v >= 0 && len == n) return v;
  }
  return -1;
}

bool glued_before(std::string_view b, std::size_t pos) {
  if (pos == 0) return false;
  return is_ascii_alnum(b[pos - 1]) || digit_before(b, pos) >= 0;
}

bool glued_after(std::string_view b, std::size_t pos) {
  if (pos >= b.size()) return false;
  return is_ascii_alnum(b[pos]) || digit_at(b, pos) >= 0;
}

std::string digits_only(std::string_view span) {
  std::string out;
  for (std::size_t i = 0; i < span.size();) {
    std::size_t len = 1;
    const int v = digit_at(span, i, &len);
    if (v >= 0) {
      out.push_back(static_cast<char>('0' + v));
      i += len;
    } else {
      ++i;
    }
  }
  return out;
}

std::string fold(std::string_view span) { return unicode::fold_for_match(span); }

bool contains_ci(std::string_view hay, std::string_view needle) {
  if (needle.empty() || hay.size() < needle.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && to_lower(hay[i + k]) == to_lower(needle[k])) ++k;
    if (k == needle.size()) return true;
  }
  return false;
}

namespace {

bool texty(std::string_view w, bool cut_left) {
  std::size_t i = 0;
  if (cut_left) {  // the window may start inside a character
    while (i < w.size() && i < 3 && (static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) ++i;
  }
  while (i < w.size()) {
    const auto b = static_cast<unsigned char>(w[i]);
    if (b < 0x80) {
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) return false;
      ++i;
      continue;
    }
    const std::size_t need = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
    if (need == 0) return false;
    if (i + need > w.size()) return true;  // cut at the right edge of the window
    std::size_t pos = i;
    if (unicode::next_code_point(w, pos) == U'\uFFFD' || pos != i + need) return false;
    i = pos;
  }
  return true;
}

}  // namespace

bool texty_around(std::string_view buf, std::size_t from, std::size_t to, std::size_t n) {
  const std::size_t lo = from > n ? from - n : 0;
  return texty(buf.substr(lo, from - lo), lo > 0) && texty(buf.substr(to, n), false);
}

long parse_fixed(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  long v = 0;
  for (char c : s) {
    if (!is_ascii_digit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace corridor::extract

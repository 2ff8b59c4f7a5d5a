#include "core/escape.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "core/unicode.hpp"

namespace corridor {

namespace {

// One step over `s` at `pos`: a code point (cp >= 0) and its length, or, for bytes that
// start no well-formed sequence, cp < 0 and the length of the ill-formed part (>= 1).
struct Step {
  std::int32_t cp;
  std::size_t length;
};
Step step(std::string_view s, std::size_t pos) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data() + pos);
  const auto len = static_cast<std::int32_t>(std::min<std::size_t>(s.size() - pos, 4));
  std::int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(p, i, len, c);
  return {c, static_cast<std::size_t>(i)};
}

void append_hex(std::string& out, unsigned value, int digits) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int d = digits - 1; d >= 0; --d) out += kHex[(value >> (4 * d)) & 0xF];
}

// Code points written as \uHHHH: they are valid UTF-8 but move the cursor, reorder or
// break lines on a terminal, or are not allowed in XML.
bool escaped_code_point(std::int32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0xFFFE || cp == 0xFFFF;
}

void escape_ascii(std::string& out, char c) {
  switch (c) {
    case '\\': out += "\\\\"; return;
    case '\t': out += "\\t"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    default: break;
  }
  const auto b = static_cast<unsigned char>(c);
  if (b < 0x20 || b == 0x7F) {
    out += "\\x";
    append_hex(out, b, 2);
  } else {
    out += c;
  }
}

std::optional<unsigned> hex_value(std::string_view s) {
  unsigned v = 0;
  for (char c : s) {
    v <<= 4;
    if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
    else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
    else return std::nullopt;
  }
  return v;
}

}  // namespace

std::string escape_name(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t pos = 0; pos < bytes.size();) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      escape_ascii(out, bytes[pos++]);
      continue;
    }
    const Step s = step(bytes, pos);
    if (s.cp < 0) {
      // Each byte of the ill-formed part on its own: lossless whatever follows.
      for (std::size_t i = 0; i < s.length; ++i) {
        out += "\\x";
        append_hex(out, static_cast<unsigned char>(bytes[pos + i]), 2);
      }
    } else if (escaped_code_point(s.cp)) {
      out += "\\u";
      append_hex(out, static_cast<unsigned>(s.cp), 4);
    } else {
      out.append(bytes.substr(pos, s.length));
    }
    pos += s.length;
  }
  return out;
}

std::optional<std::string> unescape_name(std::string_view escaped) {
  std::string out;
  out.reserve(escaped.size());
  for (std::size_t pos = 0; pos < escaped.size();) {
    const char c = escaped[pos];
    if (c != '\\') {
      out += c;
      ++pos;
      continue;
    }
    if (pos + 1 >= escaped.size()) return std::nullopt;
    const char kind = escaped[pos + 1];
    if (kind == '\\' || kind == 't' || kind == 'n' || kind == 'r') {
      out += kind == '\\' ? '\\' : kind == 't' ? '\t' : kind == 'n' ? '\n' : '\r';
      pos += 2;
    } else if (kind == 'x' || kind == 'u') {
      const std::size_t digits = kind == 'x' ? 2 : 4;
      if (pos + 2 + digits > escaped.size()) return std::nullopt;
      const auto v = hex_value(escaped.substr(pos + 2, digits));
      if (!v) return std::nullopt;
      if (kind == 'x') out += static_cast<char>(*v);
      else unicode::append_utf8(out, static_cast<char32_t>(*v));
      pos += 2 + digits;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

bool is_utf8(std::string_view bytes) {
  for (std::size_t pos = 0; pos < bytes.size();) {
    const Step s = step(bytes, pos);
    if (s.cp < 0) return false;
    pos += s.length;
  }
  return true;
}

}  // namespace corridor

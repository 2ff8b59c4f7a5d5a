#include "core/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "core/error.hpp"

namespace corridor::unicode {

char32_t next_code_point(std::string_view s, std::size_t& pos) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto len = static_cast<std::int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
  auto i = static_cast<std::int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(p, i, len, c);
  pos = static_cast<std::size_t>(i);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string nfkc(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err)) throw Error("unicode", "ICU NFKC data unavailable");
  // fromUTF8 replaces ill-formed sequences with U+FFFD, so hostile bytes cannot fail here.
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(std::min<std::size_t>(utf8.size(), INT32_MAX))));
  icu::UnicodeString out = n->normalize(in, err);
  if (U_FAILURE(err)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string fold_digits(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(utf8, pos);
    if (cp < 0x80) {
      out.push_back(utf8[start]);
      continue;
    }
    if (u_charType(static_cast<UChar32>(cp)) == U_DECIMAL_DIGIT_NUMBER) {
      out.push_back(static_cast<char>('0' + u_charDigitValue(static_cast<UChar32>(cp))));
    } else {
      append_utf8(out, cp);
    }
  }
  return out;
}

std::string strip_format(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(utf8, pos);
    if (cp < 0x80) {
      out.push_back(utf8[start]);
    } else if (u_charType(static_cast<UChar32>(cp)) != U_FORMAT_CHAR) {
      append_utf8(out, cp);
    }
  }
  return out;
}

std::string fold_for_match(std::string_view utf8) { return fold_digits(nfkc(strip_format(utf8))); }

std::string_view utf8_prefix(std::string_view utf8, std::size_t max_bytes) {
  if (utf8.size() <= max_bytes) return utf8;
  std::size_t end = max_bytes;
  // Back over continuation bytes (10xxxxxx) to the lead byte of the cut code point.
  while (end > 0 && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) --end;
  return utf8.substr(0, end);
}

}  // namespace corridor::unicode

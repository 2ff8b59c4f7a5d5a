#include "detect/offer_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/error.hpp"
#include "core/unicode.hpp"

namespace corridor::detect {
namespace {

char32_t unify_arabic(char32_t c) {
  switch (c) {
    case 0x064A: case 0x0649: return 0x06CC;                   // ي ى → ی
    case 0x0643: return 0x06A9;                                // ك → ک
    case 0x0629: case 0x06C0: case 0x06BE: case 0x06C1:
    case 0x06C3: case 0x06D5: return 0x0647;                   // ة ۀ ھ ہ ۃ ە → ه
    case 0x0671: return 0x0627;                                // ٱ → ا
    default: return c;
  }
}

void append_folded(std::string& out, char32_t c) {
  const auto u = static_cast<UChar32>(c);
  const auto type = u_charType(u);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return;
  if (c == 0x0640) return;  // tatweel
  if (type == U_DECIMAL_DIGIT_NUMBER) {
    out.push_back(static_cast<char>('0' + u_charDigitValue(u)));
    return;
  }
  const auto folded = static_cast<char32_t>(u_foldCase(u, U_FOLD_CASE_DEFAULT));
  unicode::append_utf8(out, unify_arabic(folded));
}

}  // namespace

FoldedText fold_text(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(err);
  if (U_FAILURE(err)) throw Error("offer detector", "ICU NFKD data unavailable");
  FoldedText f;
  f.text.reserve(s.size());
  f.begin.reserve(s.size());
  f.end.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    const char32_t cp = unicode::next_code_point(s, pos);
    const std::size_t before = f.text.size();
    if (cp < 0x80) {
      char ch = static_cast<char>(cp);
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      f.text.push_back(ch);
    } else {
      icu::UnicodeString decomposed;
      if (!nfkd->getDecomposition(static_cast<UChar32>(cp), decomposed)) {
        append_folded(f.text, cp);
      } else {
        for (std::int32_t i = 0; i < decomposed.length();) {
          const UChar32 d = decomposed.char32At(i);
          append_folded(f.text, static_cast<char32_t>(d));
          i += U16_LENGTH(d);
        }
      }
    }
    f.begin.resize(f.text.size(), static_cast<std::uint32_t>(start));
    f.end.resize(f.text.size(), static_cast<std::uint32_t>(pos));
    (void)before;
  }
  return f;
}

std::vector<Token> tokenize(const std::string& t) {
  std::vector<Token> out;
  auto is_word = [](char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '_';
    const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
    return (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
  };
  auto is_symbol = [](char32_t c) {
    if (c == '$' || c == '+') return c == '$';
    if (c < 0x80) return false;
    return (U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_S_MASK) != 0;
  };
  std::size_t pos = 0;
  while (pos < t.size()) {
    const std::size_t start = pos;
    const char32_t c = unicode::next_code_point(t, pos);
    if (is_symbol(c)) {
      out.push_back({start, pos, std::string_view(t).substr(start, pos - start), false});
      continue;
    }
    if (!is_word(c)) continue;
    std::size_t end = pos;
    bool all_digits = c >= '0' && c <= '9';
    while (end < t.size()) {
      std::size_t next = end;
      const char32_t d = unicode::next_code_point(t, next);
      if (is_word(d)) {
        all_digits = all_digits && d >= '0' && d <= '9';
        end = next;
        continue;
      }
      // 3.500 and 1,200 stay one number
      if (all_digits && (d == '.' || d == ',') && next < t.size() && t[next] >= '0' && t[next] <= '9') {
        end = next;
        continue;
      }
      break;
    }
    out.push_back({start, end, std::string_view(t).substr(start, end - start), all_digits});
    pos = end;
  }
  return out;
}

}  // namespace corridor::detect

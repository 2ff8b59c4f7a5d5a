#include "resolve/name_keys.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include "core/error.hpp"
#include "core/unicode.hpp"

namespace corridor::resolve {

namespace {

// Transliterator objects keep no state between calls but ICU does not promise that
// concurrent use of one instance is safe, so every thread builds its own.
const icu::Transliterator& to_latin_ascii() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, err));
    if (U_FAILURE(err) || !made) throw Error("resolve", "ICU transliterator Any-Latin unavailable");
    return made;
  }();
  return *t;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Keeps [a-z0-9], turns everything else into one space, trims.
std::string squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool gap = false;
  for (char ch : s) {
    char c = ch;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!keep) {
      gap = !out.empty();
      continue;
    }
    if (gap) out.push_back(' ');
    gap = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string latin_fold(std::string_view utf8) {
  bool ascii = true;
  for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return squeeze(utf8);  // most records: skip ICU entirely
  const std::string cleaned = unicode::strip_format(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(cleaned.data(), static_cast<std::int32_t>(cleaned.size())));
  to_latin_ascii().transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return squeeze(out);
}

std::string consonant_skeleton(std::string_view folded) {
  std::string out;
  char previous = 0;  // the previous letter of the input, so "mm" collapses but "m-a-m" does not
  for (char c : folded) {
    const bool doubled = c == previous;
    previous = c;
    if (c == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if (is_vowel(c) || doubled) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string soundex(std::string_view folded) {
  static constexpr char kCode[26] = {'0', '1', '2', '3', '0', '1', '2', '0', '0', '2', '2', '4', '5',
                                     '5', '0', '1', '2', '6', '2', '3', '0', '1', '0', '2', '0', '2'};
  std::string out;
  char last = 0;
  for (char c : folded) {
    if (c < 'a' || c > 'z') continue;
    const char code = kCode[c - 'a'];
    if (out.empty()) {
      out.push_back(static_cast<char>(c - 'a' + 'A'));
      last = code;
      continue;
    }
    if (c == 'h' || c == 'w') continue;  // do not separate equal codes
    if (code != '0' && code != last) out.push_back(code);
    last = code;
    if (out.size() == 4) break;
  }
  if (out.empty()) return out;
  out.resize(4, '0');
  return out;
}

}  // namespace corridor::resolve

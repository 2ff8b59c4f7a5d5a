#include "core/search_fold.hpp"

#include "core/number_spellings.hpp"
#include "core/unicode.hpp"

namespace corridor::search {

namespace {

// Arabic-script letters written in several ways for one word, mapped to one; 0 drops
// the mark (vowel signs, shadda, sukun, superscript alef, tatweel).
char32_t arabic_fold(char32_t c) {
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) return 0;
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // alef with madda/hamza, wasla
    case 0x0649: case 0x06CC: case 0x06D2: return 0x064A;  // alef maksura, Farsi yeh, yeh barree
    case 0x06A9: case 0x06AA: return 0x0643;  // keheh, swash kaf
    case 0x0629: case 0x06C0: case 0x06D5: return 0x0647;  // teh marbuta, heh with yeh, ae
    case 0x0624: return 0x0648;  // waw with hamza
    case 0x0626: return 0x064A;  // yeh with hamza
    default: return c;
  }
}

}  // namespace

std::string fold(std::string_view utf8) {
  const std::string base = unicode::fold_for_match(utf8);
  std::string out;
  out.reserve(base.size());
  for (std::size_t pos = 0; pos < base.size();) {
    if (const char32_t c = arabic_fold(unicode::next_code_point(base, pos))) unicode::append_utf8(out, c);
  }
  return out;
}

std::vector<std::string> number_words(std::string_view folded) {
  std::vector<std::string> out;
  for (const auto& run : number_runs(folded)) {
    const std::string key = number_key(folded.substr(run.offset, run.length));
    for (std::size_t len = key.size(); len >= 8 && !key.empty(); --len) out.push_back(key.substr(key.size() - len));
  }
  return out;
}

}  // namespace corridor::search

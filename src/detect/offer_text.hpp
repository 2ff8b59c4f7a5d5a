#pragma once
// Text folding and tokenisation for the offer detector. Folding keeps, for every folded
// byte, the byte range of the original code point it came from, so that a match in the
// folded text is reported at its exact place in the original.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace corridor::detect {

struct FoldedText {
  std::string text;                 // folded UTF-8
  std::vector<std::uint32_t> begin; // per folded byte: original offset of its code point
  std::vector<std::uint32_t> end;   // per folded byte: original end of its code point

  // Original byte range [first, last) of folded bytes [b, e); e > b.
  std::pair<std::size_t, std::size_t> original(std::size_t b, std::size_t e) const {
    return {begin[b], end[e - 1]};
  }
};

// Format characters removed, NFKD, combining marks removed, case folded, decimal digits of
// every script to ASCII, Arabic-script letter variants unified (ي ى→ی, ك→ک, ة ۀ ھ ہ ۃ ە→ه),
// tatweel removed. The same function folds lexicon terms, so they match as authors wrote them.
FoldedText fold_text(std::string_view original);
inline std::string fold_term(std::string_view s) { return fold_text(s).text; }

struct Token {
  std::size_t begin = 0;  // folded byte range
  std::size_t end = 0;
  std::string_view text;  // view into the folded text
  bool number = false;    // digits, with . or , between digit groups
};

// Letters, marks and digits make words; apostrophes, spaces and punctuation split; each
// symbol (currency sign, arrow, emoji) is a token of its own.
std::vector<Token> tokenize(const std::string& folded);

enum class Script { Latin, Arabic, Other };

}  // namespace corridor::detect

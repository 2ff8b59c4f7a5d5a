#pragma once
// The one spelling text is indexed and searched under, so that a query finds what was
// written otherwise: Arabic and Persian with or without vowel marks, alef with or without
// hamza, Persian yeh and keheh for Arabic yeh and kaf, tatweel stretching a word, digits
// of any script, fullwidth forms, invisible bidi marks between digits. Case and Latin
// accents are folded later by the index's tokenizer (SQLite FTS5 unicode61).
#include <string>
#include <string_view>
#include <vector>

namespace corridor::search {

// strip_format, NFKC, fold_digits, then the Arabic-script folding above.
std::string fold(std::string_view utf8);

// The extra words a text is indexed under for each phone-like number in it: the number's
// key (its digits without a leading 00 or trunk 0) and the key's tails of 8 digits and
// more, so "07400 123456" finds "+44 7400 123456" and the other way round.
std::vector<std::string> number_words(std::string_view folded);

}  // namespace corridor::search

#pragma once
// Unicode folding for matching identifiers written to evade or simply in another script:
// Arabic-Indic and Persian digits, fullwidth forms, and the bidi and zero-width marks
// that are slipped between digits so that naive searches miss a number.
// All functions take UTF-8 (ill-formed sequences become U+FFFD) and return UTF-8.
#include <string>
#include <string_view>

namespace corridor::unicode {

// NFKC: fullwidth "＋２１８" becomes "+218", ligatures and compatibility forms unfold.
std::string nfkc(std::string_view utf8);

// Every Unicode decimal digit (general category Nd, any script) becomes its ASCII digit.
std::string fold_digits(std::string_view utf8);

// Removes format characters (category Cf: LRM/RLM, bidi embeddings and isolates,
// zero-width space/joiners, BOM) that render invisibly.
std::string strip_format(std::string_view utf8);

// strip_format, then NFKC, then fold_digits: the form validators compare.
std::string fold_for_match(std::string_view utf8);

// Decodes one code point at `pos`; returns U+FFFD and advances one byte when ill-formed.
char32_t next_code_point(std::string_view utf8, std::size_t& pos);

// Appends the UTF-8 encoding of `cp` (U+FFFD for surrogates and values above U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

// At most `max_bytes` of `utf8`, cut before a code point rather than inside one (a
// shortened Arabic text must stay valid UTF-8).
std::string_view utf8_prefix(std::string_view utf8, std::size_t max_bytes);

}  // namespace corridor::unicode

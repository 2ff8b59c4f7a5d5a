#pragma once
// Byte-level helpers shared by the feature handlers: the digit forms the patterns accept
// (ASCII, Arabic-Indic, Persian, Devanagari, fullwidth), boundaries, and folding.
#include <cstdint>
#include <string>
#include <string_view>

namespace corridor::extract {

// Regex fragments (Vectorscan syntax, byte oriented) shared by several patterns.
// One decimal digit in any of the scripts of the routes, as UTF-8 bytes.
inline constexpr const char* kDigit =
    R"((?:[0-9]|\xD9[\xA0-\xA9]|\xDB[\xB0-\xB9]|\xE0\xA5[\xA6-\xAF]|\xEF\xBC[\x90-\x99]))";
// Invisible or spacing characters slipped between digits: bidi marks, zero-width
// characters, no-break and thin spaces, BOM, Arabic letter mark.
inline constexpr const char* kHidden =
    R"((?:\xE2\x80[\x89\x8B-\x8F\xAA-\xAF]|\xE2\x81[\xA0-\xA4\xA6-\xA9]|\xEF\xBB\xBF|\xC2\xA0|\xD8\x9C))";

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_alnum(char c) { return is_ascii_digit(c) || is_ascii_alpha(c); }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
inline char to_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
std::string lower(std::string_view s);
std::string upper(std::string_view s);

// Value 0-9 when a digit (in any accepted script) starts at `pos`, with its byte length.
int digit_at(std::string_view buf, std::size_t pos, std::size_t* len = nullptr);
// Value 0-9 when a digit ends just before `pos`.
int digit_before(std::string_view buf, std::size_t pos);

// True when the character before `pos` continues a word or number (ASCII letter or digit
// in any script), so a match starting at `pos` would be a piece of something longer.
bool glued_before(std::string_view buf, std::size_t pos);
bool glued_after(std::string_view buf, std::size_t pos);

// The ASCII digits of a span, every script folded, all else dropped.
std::string digits_only(std::string_view span);

// Unicode folding (bidi/zero-width stripped, NFKC, digits to ASCII) of a span.
std::string fold(std::string_view span);

// Case-insensitive ASCII search of `needle` within [from, to) of `buf`.
bool contains_ci(std::string_view hay, std::string_view needle);

// Start of the run of bytes satisfying `ok` that ends at `to`, looking back at most `max`.
template <class Pred>
std::size_t run_start(std::string_view b, std::size_t to, Pred ok, std::size_t max) {
  std::size_t pos = to;
  while (pos > 0 && to - pos < max && ok(b[pos - 1])) --pos;
  return pos;
}

// True when the few bytes on each side of [from, to) read as text (well-formed UTF-8,
// no control bytes but tab and line breaks). Weak features (prices, handles, bare domains,
// dates...) need it: inside binary noise they would otherwise appear by chance.
bool texty_around(std::string_view buf, std::size_t from, std::size_t to, std::size_t n = 6);

// Parses a decimal field "0".."99999999" of fixed width; -1 when not all digits.
long parse_fixed(std::string_view s);

}  // namespace corridor::extract

#pragma once
// Names (file names, archive members, captions, values) come from evidence and may hold
// any byte: bytes that are not UTF-8, line breaks, terminal escape sequences. Every output
// (tables, messages, JSON, XML, CSV) writes them through escape_name, so what is printed
// is valid UTF-8 without control characters, and still names the exact original bytes
// (docs/security.md, "Names and output"):
//   \            -> \\                       (so the escaping stays lossless)
//   TAB LF CR    -> \t \n \r
//   other C0 controls and DEL (0x00-0x1F, 0x7F) -> \xHH
//   a byte that is not part of well-formed UTF-8 -> \xHH (0x80-0xFF)
//   C1 controls U+0080-U+009F, the bidi embeddings, overrides and isolates
//   (U+202A-U+202E, U+2066-U+2069), the line and paragraph separators (U+2028, U+2029)
//   and the non-characters U+FFFE, U+FFFF -> \uHHHH
//   everything else is copied as it is.
// HH and HHHH are upper-case hexadecimal. The database keeps the original bytes.
#include <optional>
#include <string>
#include <string_view>

namespace corridor {

std::string escape_name(std::string_view bytes);

// The original bytes of an escape_name output; nullopt for a text escape_name cannot
// have written (a lone or unknown backslash sequence).
std::optional<std::string> unescape_name(std::string_view escaped);

// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or values above
// U+10FFFF).
bool is_utf8(std::string_view bytes);

}  // namespace corridor

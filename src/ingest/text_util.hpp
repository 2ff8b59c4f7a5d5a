#pragma once
// Small text helpers shared by the readers.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace corridor::ingest {

// Ill-formed UTF-8 sequences become U+FFFD, so a statement never carries broken text
// (exports in a legacy code page, truncated files).
std::string valid_utf8(std::string_view s);
// A value from the file as shown inside an error message: between quotes, with control
// bytes (NUL included, which would end the message wherever it is printed as a C string)
// and ill-formed UTF-8 bytes written as \xNN, so the message is whole and one line.
std::string quoted_value(std::string_view value);
std::string_view trim(std::string_view s);  // ASCII blanks and CR/LF
std::string lower_ascii(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);

// A phone number written in international form ("+49 151 2345-6789", "0049…", with any
// script's digits and invisible marks) as E.164; with `region` also the national form.
// Empty when it is not a valid number.
std::string phone_e164(std::string_view raw, const std::string& region = {});

// Millisecond instant of a civil date and time written without a zone, shifted by the
// user's --tz (minutes east of UTC); nullopt when the fields are out of range.
std::optional<std::int64_t> civil_to_utc_ms(int y, int mo, int d, int h, int mi, int s,
                                            std::optional<int> utc_offset_minutes);

// A decimal amount as written ("3697.34", "1,250.00" with thousands commas) in plain
// form ("1250.00"); empty when it is not a number.
std::string decimal_amount(std::string_view raw);

// The byte position as "<file>: byte N" etc. for Error's `where`.
std::string where(const std::string& name, std::string_view unit, std::uint64_t n);

}  // namespace corridor::ingest

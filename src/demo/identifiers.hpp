#pragma once
// Identifiers as they appear in real evidence: phone numbers that validate for their
// country, written in many scripts and spacings; IBANs and Tron wallets with correct check
// digits; MRZ check digits. A demo whose identifiers fail validation would test nothing.
#include <string>
#include <string_view>

#include "demo/rng.hpp"

namespace corridor::demo {

// A mobile number of `country` (LY SD IT TN TR EG NE AF IR PK ER NG ES MA) in E.164.
std::string mobile_e164(Rng& rng, std::string_view country);

enum class DigitScript { kAscii, kArabicIndic, kPersian };
// ASCII digits of `text` rewritten in `script` (U+0660.. or U+06F0..); other bytes kept.
std::string to_script(std::string_view text, DigitScript script);

// The number as a person types it: international or national form, "+" or "00", grouped
// with spaces, dots or dashes, sometimes in Arabic-Indic or Persian digits.
std::string spoken_phone(Rng& rng, std::string_view e164, DigitScript script);
// The national form a person of that country writes ("091 234 5678").
std::string national_phone(std::string_view e164);

// IBAN with valid ISO 13616 check digits (and the Italian CIN letter for IT).
std::string make_iban(Rng& rng, std::string_view country);
// IBAN in groups of four, as printed.
std::string group_iban(std::string_view iban);
// Tron (USDT TRC-20) address: base58check of 0x41 and 20 random bytes.
std::string make_tron_address(Rng& rng);

// ICAO 9303 check digit (weights 7, 3, 1; A-Z = 10..35; '<' = 0).
char mrz_check_digit(std::string_view field);

}  // namespace corridor::demo

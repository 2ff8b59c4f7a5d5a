#pragma once
// Check-digit and checksum algorithms of the identifiers: ISO 7064 mod 97-10 (IBAN),
// Luhn (cards), ICAO 9303 7-3-1 (MRZ), Base58Check and Bech32/Bech32m (Bitcoin, TRON),
// Keccak-256 (Ethereum's EIP-55 mixed-case checksum).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corridor::extract {

// Remainder of the IBAN rearranged (first four characters moved to the end, letters as
// 10..35) modulo 97; a valid IBAN gives 1. -1 for characters outside [0-9A-Z].
int iban_mod97(std::string_view compact);

bool luhn_ok(std::string_view digits);

// ICAO 9303 check digit of a field ('<' counts 0, A-Z count 10-35); -1 on other characters.
int mrz_check(std::string_view field);

// Decoded bytes of a Base58 string, or nullopt on a character outside the alphabet.
std::optional<std::vector<std::uint8_t>> base58_decode(std::string_view s);
// Payload of a Base58Check string (version byte included) when the 4-byte checksum holds.
std::optional<std::vector<std::uint8_t>> base58check_decode(std::string_view s);

struct Bech32 {
  std::string hrp;
  int witness_version = -1;
  std::vector<std::uint8_t> program;
  bool bech32m = false;
};
// A segwit address decoded per BIP-173/350, checksum variant matching the witness version.
std::optional<Bech32> segwit_decode(std::string_view addr);

std::array<std::uint8_t, 32> keccak256(std::string_view data);

}  // namespace corridor::extract

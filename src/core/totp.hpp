#pragma once
// One-time codes of a second factor (RFC 6238 TOTP over RFC 4226 HOTP, HMAC-SHA-1, 30 s
// steps, 6 digits: what authenticator apps compute), and the base-32 text (RFC 4648) their
// secrets are shown in.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace corridor {

// The code for the time step holding `unix_seconds`.
std::string totp_code(std::span<const std::uint8_t> secret, std::int64_t unix_seconds, int digits = 6, int step = 30);
// The time step a code matches, looking one step either side of `unix_seconds` (clock
// skew); nullopt when none does. Compared in constant time.
std::optional<std::int64_t> totp_step(std::span<const std::uint8_t> secret, std::string_view code, std::int64_t unix_seconds);

std::string base32_encode(std::span<const std::uint8_t> bytes);
std::optional<std::vector<std::uint8_t>> base32_decode(std::string_view text);  // ignores '=' and case

}  // namespace corridor

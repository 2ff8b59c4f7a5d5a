#pragma once
// libphonenumber behind one small function, shared by phone.cpp and the messaging links
// that carry a number (wa.me, viber, signal.me).
#include <string>
#include <string_view>

namespace corridor::extract {

// E.164 ("+218912345678") when `digits` (ASCII digits only) is a valid number: with
// `international` the digits start with the country code; otherwise they are read in
// national form for `region`. Empty when libphonenumber rejects it.
std::string e164(std::string_view digits, bool international, const std::string& region = "ZZ");

// Region code ("LY") of a valid E.164 number, "" otherwise.
std::string region_of(const std::string& e164_number);

}  // namespace corridor::extract

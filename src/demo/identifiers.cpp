// Identifier generation: numbering plans follow libphonenumber's mobile patterns for each
// country, so the extractor can validate every number it is meant to find.
#include "demo/identifiers.hpp"

#include <cstdint>
#include <vector>

#include "core/sha256.hpp"
#include "core/unicode.hpp"

namespace corridor::demo {

namespace {

struct Plan {
  std::string_view country, cc;
  std::vector<std::string_view> prefixes;  // mobile prefixes after the country code
  int subscriber_digits;                   // digits after the prefix
};

const std::vector<Plan>& plans() {
  static const std::vector<Plan> p = {
      {"LY", "218", {"91", "92", "94", "95"}, 7},
      {"SD", "249", {"91", "92", "90", "99", "12"}, 7},
      {"IT", "39", {"320", "327", "328", "333", "338", "340", "347", "351", "366", "388", "392"}, 7},
      {"TN", "216", {"2", "5", "9"}, 7},
      {"TR", "90", {"532", "535", "541", "542", "553", "555"}, 7},
      {"EG", "20", {"10", "11", "12", "15"}, 8},
      {"NE", "227", {"90", "91", "96", "98"}, 6},
      {"AF", "93", {"70", "72", "77", "78", "79"}, 7},
      {"IR", "98", {"912", "915", "919", "935", "936"}, 7},
      {"PK", "92", {"300", "301", "312", "321", "333", "345"}, 7},
      {"ER", "291", {"7"}, 6},
      {"NG", "234", {"803", "806", "813", "816", "703", "706"}, 7},
      {"ES", "34", {"6"}, 8},
      {"MA", "212", {"61", "66", "70"}, 7},
  };
  return p;
}

const Plan* plan_for_e164(std::string_view e164) {
  const Plan* best = nullptr;
  for (const auto& p : plans())
    if (e164.substr(1, p.cc.size()) == p.cc && (!best || p.cc.size() > best->cc.size())) best = &p;
  return best;
}

std::string digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.below(10));
  return s;
}

// Splits `s` into groups of the given sizes (the last group takes the rest).
std::string grouped(std::string_view s, const std::vector<int>& sizes, std::string_view sep) {
  std::string out;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < sizes.size() && pos < s.size(); ++i) {
    if (!out.empty()) out += sep;
    const std::size_t n = i + 1 == sizes.size() ? s.size() - pos : static_cast<std::size_t>(sizes[i]);
    out += s.substr(pos, n);
    pos += n;
  }
  if (pos < s.size()) out += std::string(sep) + std::string(s.substr(pos));
  return out;
}

int mod97(std::string_view digits_and_letters) {
  int r = 0;
  for (char c : digits_and_letters) {
    if (c >= '0' && c <= '9') {
      r = (r * 10 + (c - '0')) % 97;
    } else {
      const int v = c - 'A' + 10;
      r = (r * 100 + v) % 97;
    }
  }
  return r;
}

// The Italian CIN: odd and even positions weighted by two tables, sum mod 26.
char italian_cin(std::string_view bban_without_cin) {
  static const int odd[26] = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
  int sum = 0;
  for (std::size_t i = 0; i < bban_without_cin.size(); ++i) {
    const char c = bban_without_cin[i];
    const int v = c >= '0' && c <= '9' ? c - '0' : c - 'A';
    sum += i % 2 == 0 ? odd[v] : v;
  }
  return static_cast<char>('A' + sum % 26);
}

std::string base58(const std::vector<std::uint8_t>& bytes) {
  static const char* alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  std::vector<std::uint8_t> num(bytes);
  std::string out;
  std::size_t start = 0;
  while (start < num.size() && num[start] == 0) ++start;
  const std::size_t zeros = start;
  while (start < num.size()) {
    int rem = 0;
    for (std::size_t i = start; i < num.size(); ++i) {
      const int acc = rem * 256 + num[i];
      num[i] = static_cast<std::uint8_t>(acc / 58);
      rem = acc % 58;
    }
    out += alphabet[rem];
    while (start < num.size() && num[start] == 0) ++start;
  }
  out.append(zeros, '1');
  return {out.rbegin(), out.rend()};
}

}  // namespace

std::string mobile_e164(Rng& rng, std::string_view country) {
  for (const auto& p : plans())
    if (p.country == country) return "+" + std::string(p.cc) + std::string(rng.pick(p.prefixes)) + digits(rng, p.subscriber_digits);
  return "+218" + std::string("91") + digits(rng, 7);
}

std::string to_script(std::string_view text, DigitScript script) {
  if (script == DigitScript::kAscii) return std::string(text);
  const char32_t zero = script == DigitScript::kArabicIndic ? 0x0660 : 0x06F0;
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') unicode::append_utf8(out, zero + static_cast<char32_t>(c - '0'));
    else out += c;
  }
  return out;
}

std::string national_phone(std::string_view e164) {
  const Plan* p = plan_for_e164(e164);
  if (!p) return std::string(e164);
  const std::string nsn(e164.substr(1 + p->cc.size()));
  // Italy, Spain, Tunisia and Niger dial mobiles without a trunk zero; the others prefix 0.
  const std::string trunk = p->country == "IT" || p->country == "TN" || p->country == "NE" || p->country == "ES" ? "" : "0";
  return trunk + grouped(nsn, {static_cast<int>(p->prefixes[0].size()), 3, 4}, " ");
}

std::string spoken_phone(Rng& rng, std::string_view e164, DigitScript script) {
  const Plan* p = plan_for_e164(e164);
  if (!p) return to_script(e164, script);
  const std::string cc(p->cc), nsn(e164.substr(1 + p->cc.size()));
  static const std::vector<std::string_view> seps = {" ", " ", "", "-", ".", "  "};
  const std::string_view sep = rng.pick(seps);
  std::string out;
  switch (rng.below(5)) {
    case 0: out = "+" + cc + nsn; break;
    case 1: out = "+" + cc + std::string(sep) + grouped(nsn, {2, 3, 2, 2}, sep); break;
    case 2: out = "00" + cc + std::string(sep) + grouped(nsn, {3, 3, 4}, sep); break;
    case 3: out = "+" + cc + " " + grouped(nsn, {static_cast<int>(p->prefixes[0].size()), 3, 4}, sep); break;
    default: out = national_phone(e164); break;
  }
  return to_script(out, script);
}

std::string make_iban(Rng& rng, std::string_view country) {
  std::string bban;
  if (country == "IT") {
    const std::string rest = digits(rng, 5) + digits(rng, 5) + digits(rng, 12);
    bban = std::string(1, italian_cin(rest)) + rest;
  } else if (country == "LY") {
    bban = digits(rng, 3) + digits(rng, 3) + digits(rng, 15);
  } else if (country == "TN") {
    bban = digits(rng, 20);
  } else {  // TR
    bban = digits(rng, 5) + "0" + digits(rng, 16);
  }
  const std::string rearranged = bban + std::string(country) + "00";
  const int check = 98 - mod97(rearranged);
  std::string out(country);
  out += static_cast<char>('0' + check / 10);
  out += static_cast<char>('0' + check % 10);
  return out + bban;
}

std::string group_iban(std::string_view iban) {
  std::string out;
  for (std::size_t i = 0; i < iban.size(); ++i) {
    if (i && i % 4 == 0) out += ' ';
    out += iban[i];
  }
  return out;
}

std::string make_tron_address(Rng& rng) {
  std::vector<std::uint8_t> payload = {0x41};
  for (int i = 0; i < 20; ++i) payload.push_back(static_cast<std::uint8_t>(rng.below(256)));
  const std::string_view raw(reinterpret_cast<const char*>(payload.data()), payload.size());
  const Digest h1 = sha256(raw);
  const Digest h2 = sha256(std::string_view(reinterpret_cast<const char*>(h1.data()), h1.size()));
  payload.insert(payload.end(), h2.begin(), h2.begin() + 4);
  return base58(payload);
}

char mrz_check_digit(std::string_view field) {
  static const int weights[3] = {7, 3, 1};
  int sum = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    int v = 0;
    if (c >= '0' && c <= '9') v = c - '0';
    else if (c >= 'A' && c <= 'Z') v = c - 'A' + 10;
    sum += v * weights[i % 3];
  }
  return static_cast<char>('0' + sum % 10);
}

}  // namespace corridor::demo

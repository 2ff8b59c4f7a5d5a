// IBAN (ISO 13616): country, two check digits, the national account; written compact or
// in groups of four. Valid when the length matches the country and mod 97 gives 1.
#include <array>

#include "extract/checks.hpp"
#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

struct Len {
  const char cc[3];
  int len;
};

// SWIFT IBAN registry lengths, plus Iran (IR), whose banks issue IBANs outside it.
constexpr std::array<Len, 84> kLengths{{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IR", 26}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26},
}};
constexpr std::array<Len, 5> kMore{{{"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30}}};

int length_for(std::string_view cc) {
  for (const auto& l : kLengths)
    if (cc == l.cc) return l.len;
  for (const auto& l : kMore)
    if (cc == l.cc) return l.len;
  return 0;
}

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (glued_before(c.buf, c.from)) return;
  const std::string_view t = c.text();
  const int want = length_for(t.substr(0, 2));
  if (want == 0) return;
  std::string compact;
  std::size_t end = c.from;
  for (std::size_t i = 0; i < t.size() && compact.size() < static_cast<std::size_t>(want); ++i) {
    if (t[i] == ' ') continue;
    compact.push_back(t[i]);
    end = c.from + i + 1;
  }
  if (compact.size() != static_cast<std::size_t>(want) || glued_after(c.buf, end)) return;
  if (iban_mod97(compact) != 1) return;
  ctx.emit(c, c.from, end, "iban", compact, 1.0, "country=" + compact.substr(0, 2));
}

}  // namespace

Feature iban_feature() {
  return Feature{"iban", {"iban"}, {R"([A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30})"}, handle};
}

}  // namespace corridor::extract

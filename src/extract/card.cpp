// Payment card numbers (PAN): 12-19 digits, compact or grouped by spaces or dashes,
// Luhn-valid and inside an issuer's range (ISO/IEC 7812 IINs of the major schemes).
// Value: the digits; detail: the scheme.
#include "extract/checks.hpp"
#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

const char* scheme(std::string_view d) {
  const auto n = d.size();
  auto pre = [&](std::size_t k) { return static_cast<int>(parse_fixed(d.substr(0, k))); };
  if (d[0] == '4' && (n == 13 || n == 16 || n == 19)) return "visa";
  if (n == 16 && ((pre(2) >= 51 && pre(2) <= 55) || (pre(4) >= 2221 && pre(4) <= 2720))) return "mastercard";
  if (n == 15 && (pre(2) == 34 || pre(2) == 37)) return "amex";
  if (n == 16 && pre(4) >= 2200 && pre(4) <= 2204) return "mir";
  if (n >= 16 && n <= 19 && (pre(4) == 6011 || pre(2) == 65 || (pre(3) >= 644 && pre(3) <= 649))) return "discover";
  if (n >= 16 && n <= 19 && pre(4) >= 3528 && pre(4) <= 3589) return "jcb";
  if (n >= 16 && n <= 19 && pre(2) == 62) return "unionpay";
  if (n >= 14 && n <= 19 && (pre(2) == 36 || (pre(3) >= 300 && pre(3) <= 305) || pre(2) == 38 || pre(2) == 39))
    return "diners";
  if (n >= 12 && n <= 19 && (pre(2) == 50 || (pre(2) >= 56 && pre(2) <= 69))) return "maestro";
  return nullptr;
}

// "TR74 4224 8323 ..." is an account number (a valid or mistyped IBAN), not a card.
bool after_iban_prefix(std::string_view b, std::size_t from) {
  std::size_t p = from;
  if (p > 0 && b[p - 1] == ' ') --p;
  if (p < 4) return false;
  const std::string_view t = b.substr(p - 4, 4);
  return is_upper(t[0]) && is_upper(t[1]) && is_ascii_digit(t[2]) && is_ascii_digit(t[3]) &&
         (p == 4 || !is_ascii_alnum(b[p - 5]));
}

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (glued_before(c.buf, c.from) || after_iban_prefix(c.buf, c.from)) return;
  const std::string_view t = c.text();
  // Group ends, longest first: a card followed by another number still stands alone.
  char sep = 0;
  std::string digits;
  std::vector<std::pair<std::size_t, std::size_t>> ends;  // (digit count, byte end)
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (is_ascii_digit(t[i])) {
      digits.push_back(t[i]);
      if (i + 1 == t.size() || !is_ascii_digit(t[i + 1])) ends.emplace_back(digits.size(), c.from + i + 1);
    } else if (!sep) {
      sep = t[i];
    } else if (t[i] != sep) {
      break;  // mixed separators: a different thing
    }
  }
  for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
    const auto [n, end] = *it;
    if (n < 12) break;
    if (n > 19 || glued_after(c.buf, end)) continue;
    const std::string_view d = std::string_view(digits).substr(0, n);
    const char* s = scheme(d);
    if (s && luhn_ok(d)) {
      ctx.emit(c, c.from, end, "card", std::string(d), 1.0, std::string("scheme=") + s);
      return;
    }
  }
}

}  // namespace

Feature card_feature() { return Feature{"card", {"card"}, {R"([0-9](?:[ \-]?[0-9]){11,18})"}, handle}; }

}  // namespace corridor::extract

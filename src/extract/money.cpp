// Prices as smugglers write them: amount (any digits, thousands separators, decimals),
// an optional multiplier word ("آلاف", "mil", "لاکھ", "k") and a currency word or sign in
// the languages of the routes, or a sign/code before the amount ("€2500", "USD 1500").
// Value: "<amount> <ISO 4217>" ("4000 EUR"); USDT kept as "USDT". A number without a
// currency is not a price.
#include <array>
#include <cmath>
#include <cstdio>

#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

struct Word {
  std::string_view text;  // lower case as written
  const char* code;
  long double factor;  // Toman = 10 rials
};

// Longest spellings first where one is the prefix of another.
constexpr std::array kCurrencies{
    Word{"\u20ac", "EUR", 1}, Word{"euros", "EUR", 1}, Word{"euro", "EUR", 1}, Word{"eur", "EUR", 1},
    Word{"\u0627\u0644\u064a\u0648\u0631\u0648", "EUR", 1}, Word{"\u064a\u0648\u0631\u0648", "EUR", 1},
    Word{"\u06cc\u0648\u0631\u0648", "EUR", 1},
    Word{"usdt", "USDT", 1}, Word{"tether", "USDT", 1},
    Word{"$", "USD", 1}, Word{"usd", "USD", 1}, Word{"dollars", "USD", 1}, Word{"dollar", "USD", 1},
    Word{"d\u00f3lares", "USD", 1}, Word{"dolares", "USD", 1}, Word{"dollari", "USD", 1}, Word{"dolar", "USD", 1},
    Word{"\u062f\u0648\u0644\u0627\u0631\u0627\u062a", "USD", 1}, Word{"\u062f\u0648\u0644\u0627\u0631", "USD", 1},
    Word{"\u062f\u0644\u0627\u0631", "USD", 1},
    Word{"\u00a3", "GBP", 1}, Word{"gbp", "GBP", 1}, Word{"pounds", "GBP", 1}, Word{"pound", "GBP", 1},
    Word{"fcfa", "XOF", 1}, Word{"cfa", "XOF", 1}, Word{"xof", "XOF", 1},
    Word{"\u062f\u064a\u0646\u0627\u0631 \u0644\u064a\u0628\u064a", "LYD", 1}, Word{"lyd", "LYD", 1},
    Word{"dinars libyens", "LYD", 1}, Word{"dinar libyen", "LYD", 1},
    Word{"\u062f\u064a\u0646\u0627\u0631 \u062a\u0648\u0646\u0633\u064a", "TND", 1}, Word{"tnd", "TND", 1},
    Word{"\u062f\u064a\u0646\u0627\u0631 \u0639\u0631\u0627\u0642\u064a", "IQD", 1}, Word{"iqd", "IQD", 1},
    Word{"\u062f\u064a\u0646\u0627\u0631 \u062c\u0632\u0627\u0626\u0631\u064a", "DZD", 1}, Word{"dzd", "DZD", 1},
    Word{"\u062f\u0631\u0647\u0645", "MAD", 1}, Word{"dirhams", "MAD", 1}, Word{"dirham", "MAD", 1}, Word{"mad", "MAD", 1},
    Word{"\u062c\u0646\u064a\u0647 \u0645\u0635\u0631\u064a", "EGP", 1}, Word{"egp", "EGP", 1},
    Word{"\u20ba", "TRY", 1}, Word{"try", "TRY", 1}, Word{"tl", "TRY", 1}, Word{"lira", "TRY", 1},
    Word{"\u0644\u064a\u0631\u0629 \u062a\u0631\u0643\u064a\u0629", "TRY", 1}, Word{"\u0644\u06cc\u0631", "TRY", 1},
    Word{"\u0631\u0648\u067e\u06d2", "PKR", 1}, Word{"\u0631\u0648\u067e\u06cc\u06c1", "PKR", 1}, Word{"pkr", "PKR", 1},
    Word{"rupees", "PKR", 1},
    Word{"\u062a\u0648\u0645\u0627\u0646", "IRR", 10}, Word{"toman", "IRR", 10}, Word{"\u0631\u06cc\u0627\u0644", "IRR", 1},
    Word{"irr", "IRR", 1}, Word{"\u0627\u0641\u063a\u0627\u0646\u06cc", "AFN", 1}, Word{"afghanis", "AFN", 1},
    Word{"afn", "AFN", 1},
};

constexpr std::array kMultipliers{
    Word{"k", "", 1e3L}, Word{"mille", "", 1e3L}, Word{"mil", "", 1e3L}, Word{"bin", "", 1e3L},
    Word{"\u0622\u0644\u0627\u0641", "", 1e3L}, Word{"\u0627\u0644\u0627\u0641", "", 1e3L},
    Word{"\u0623\u0644\u0641", "", 1e3L}, Word{"\u0627\u0644\u0641", "", 1e3L}, Word{"\u0647\u0632\u0627\u0631", "", 1e3L},
    Word{"\u0644\u0627\u06a9\u06be", "", 1e5L}, Word{"lakhs", "", 1e5L}, Word{"lakh", "", 1e5L},
    Word{"crore", "", 1e7L}, Word{"millions", "", 1e6L}, Word{"million", "", 1e6L}, Word{"milyon", "", 1e6L},
    Word{"\u0645\u0644\u064a\u0648\u0646", "", 1e6L}, Word{"\u0645\u06cc\u0644\u06cc\u0648\u0646", "", 1e6L},
};

template <class Table>
const Word* word_at(std::string_view s, const Table& table) {
  const Word* best = nullptr;
  for (const auto& w : table) {
    if (s.size() < w.text.size() || (best && best->text.size() >= w.text.size())) continue;
    bool eq = true;
    for (std::size_t i = 0; i < w.text.size() && eq; ++i) eq = to_lower(s[i]) == w.text[i];
    if (eq) best = &w;
  }
  return best;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  for (;;) {
    if (i < s.size() && s[i] == ' ') {
      ++i;
    } else if (s.substr(i, 2) == "\xC2\xA0") {
      i += 2;
    } else if (s.substr(i, 3) == "\xE2\x80\xAF") {
      i += 3;
    } else {
      return i;
    }
  }
}

struct Amount {
  long double value = 0;
  std::size_t end = 0;  // bytes consumed
  bool ok = false;
};

// Digits with separators; the last '.', ',' or U+066B followed by one or two digits is the
// decimal mark, every other separator groups thousands.
Amount parse_amount(std::string_view s, std::size_t i) {
  std::string digits;
  std::size_t decimals_at = std::string::npos, last_sep_digits = 0;
  char last_sep = 0;
  Amount a;
  while (i < s.size()) {
    std::size_t len = 0;
    const int v = digit_at(s, i, &len);
    if (v >= 0) {
      digits.push_back(static_cast<char>('0' + v));
      ++last_sep_digits;
      i += len;
      a.end = i;
      continue;
    }
    std::size_t sep = 0;
    char kind = 0;
    if (s[i] == ',' || s[i] == '.' || s[i] == '\'') {
      sep = 1;
      kind = s[i];
    } else if (s[i] == ' ') {
      sep = 1;
      kind = ' ';
    } else if (s.substr(i, 2) == "\xD9\xAB") {
      sep = 2;
      kind = '.';
    } else if (s.substr(i, 2) == "\xD9\xAC" || s.substr(i, 2) == "\xC2\xA0") {
      sep = 2;
      kind = ' ';
    }
    if (!sep || digit_at(s, i + sep) < 0) break;
    if (last_sep) last_sep_digits = 0;
    last_sep = kind;
    last_sep_digits = 0;
    decimals_at = digits.size();
    i += sep;
  }
  if (digits.empty() || digits.size() > 15) return a;
  std::string whole = digits, frac;
  if (last_sep && (last_sep == '.' || last_sep == ',') && last_sep_digits >= 1 && last_sep_digits <= 2 &&
      decimals_at == digits.size() - last_sep_digits) {
    whole = digits.substr(0, decimals_at);
    frac = digits.substr(decimals_at);
  }
  a.value = std::strtold(whole.c_str(), nullptr);
  if (!frac.empty()) a.value += std::strtold(frac.c_str(), nullptr) / (frac.size() == 1 ? 10 : 100);
  a.ok = true;
  return a;
}

std::string format(long double v, const char* code) {
  char buf[64];
  const long double r = std::round(v * 100) / 100;
  if (r == std::floor(r)) {
    std::snprintf(buf, sizeof buf, "%.0Lf %s", r, code);
  } else {
    std::snprintf(buf, sizeof buf, "%.2Lf %s", r, code);
    std::string s = buf;
    const auto sp = s.find(' ');
    if (s[sp - 1] == '0') s.erase(sp - 1, 1);
    return s;
  }
  return buf;
}

bool is_sign(std::string_view w) { return w == "$" || w == "\u20ac" || w == "\u00a3" || w == "\u20ba"; }

bool word_glued(std::string_view buf, std::size_t pos) {
  // A Latin currency word must end the word ("2500 eurovision" is not a price).
  return pos < buf.size() && (is_ascii_alpha(buf[pos]));
}

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (!texty_around(c.buf, c.from, c.to)) return;
  if (glued_before(c.buf, c.from)) return;
  const std::string_view t = c.buf.substr(c.from);  // words may run past the match end
  if (c.pattern == 0) {
    const Amount a = parse_amount(t, 0);
    if (!a.ok) return;
    std::size_t i = skip_spaces(t, a.end);
    long double mult = 1;
    if (const Word* m = word_at(t.substr(i), kMultipliers)) {
      const std::size_t after = i + m->text.size();
      const std::size_t j = skip_spaces(t, after);
      if (!word_glued(t, after) && word_at(t.substr(j), kCurrencies)) {
        mult = m->factor;
        i = j;
      }
    }
    const Word* cur = word_at(t.substr(i), kCurrencies);
    if (!cur) return;
    const std::size_t end = c.from + i + cur->text.size();
    if (is_ascii_alpha(cur->text[0]) && word_glued(c.buf, end)) return;
    // A sign glued to a Latin letter or digit is not a price ("4$x", "7€3" in noise).
    if (is_sign(cur->text) && glued_after(c.buf, end)) return;
    ctx.emit(c, c.from, end, "money", format(a.value * mult * cur->factor, cur->code));
  } else {
    const Word* cur = word_at(t, kCurrencies);
    if (!cur) return;
    if (c.from > 0 && is_ascii_alpha(c.buf[c.from - 1])) return;
    const std::size_t i = skip_spaces(t, cur->text.size());
    const Amount a = parse_amount(t, i);
    if (!a.ok) return;
    std::size_t end = a.end;
    long double mult = 1;
    const std::size_t j = skip_spaces(t, end);
    if (const Word* m = word_at(t.substr(j), kMultipliers); m && !word_glued(t, j + m->text.size())) {
      mult = m->factor;
      end = j + m->text.size();
    }
    if (glued_after(c.buf, c.from + end)) return;
    ctx.emit(c, c.from, c.from + end, "money", format(a.value * mult * cur->factor, cur->code));
  }
}

}  // namespace

Feature money_feature() {
  const std::string d = kDigit;
  const std::string amount = d + R"((?:(?:[,.' ]|\xD9[\xAB\xAC]|\xC2\xA0)?)" + d + "){0,14}";
  const std::string sp = R"((?: |\xC2\xA0|\xE2\x80\xAF)?)";
  // Multiplier and currency words are checked by the handler; the pattern only needs their
  // first letters to anchor on, so it stays small.
  const std::string words =
      R"((?i:k|mil|bin|crore|lakh|eur|usd|gbp|dol|d\xC3\xB3l|pound|fcfa|cfa|xof|lyd|tnd|iqd|dzd|mad|dirham|dinar|egp|try|tl|lira|pkr|rupee|toman|irr|afn|afghani|tether))";
  const std::string arabic =
      R"((?:\xE2\x82\xAC|\$|\xC2\xA3|\xE2\x82\xBA|\xD8[\xA3\xA2\xA7\xAA\xAC\xAF\xB1]|\xD9[\x84\x85\x8A]|\xDB\x8C|\xD9\xBE|\xD9\x87))";
  return Feature{"money",
                 {"money"},
                 {amount + sp + "(?:" + words + "|" + arabic + ")",
                  R"((?:\xE2\x82\xAC|\$|\xC2\xA3|\xE2\x82\xBA|(?i:eur|usd|gbp|usdt|lyd|tnd|try|pkr)) ?)" + d},
                 handle};
}

}  // namespace corridor::extract

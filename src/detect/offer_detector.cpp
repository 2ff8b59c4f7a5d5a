#include "detect/offer_detector.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "core/error.hpp"
#include "core/unicode.hpp"

namespace corridor::detect {
namespace {

namespace fs = std::filesystem;

bool is_latin_lang(const std::string& l) { return l == "kmr" || l == "tr" || l == "fr" || l == "en" || l == "es"; }

struct Span {
  std::size_t begin = 0;  // folded
  std::size_t end = 0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_handle_char(char c) {
  return (c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '.';
}

// Phone-like digit runs, @handles and t.me / wa.me links in the folded text.
std::vector<Span> find_contacts(const std::string& t) {
  std::vector<Span> out;
  for (std::size_t i = 0; i < t.size();) {
    const bool plus = t[i] == '+' && i + 1 < t.size() && is_digit(t[i + 1]);
    if ((plus || is_digit(t[i])) && (i == 0 || !is_digit(t[i - 1]))) {
      std::size_t j = i + (plus ? 1 : 0);
      std::size_t last_digit = i;
      int digits = 0;
      int groups = 1;
      while (j < t.size()) {
        if (is_digit(t[j])) {
          ++digits;
          last_digit = j;
          ++j;
        } else if ((t[j] == ' ' || t[j] == '-' || t[j] == '.' || t[j] == '(' || t[j] == ')') && j + 1 < t.size() &&
                   (is_digit(t[j + 1]) || (t[j] == ' ' && t[j + 1] == '(') || (t[j] == ')' && t[j + 1] == ' '))) {
          ++groups;
          ++j;
        } else {
          break;
        }
      }
      const bool leading = plus || t[i] == '0';
      if (digits >= 9 && digits <= 15 && (leading || groups == 1)) out.push_back({i, last_digit + 1});
      i = last_digit + 1 > i ? last_digit + 1 : i + 1;
      continue;
    }
    if (t[i] == '@' && (i == 0 || !is_handle_char(t[i - 1]))) {
      std::size_t j = i + 1;
      while (j < t.size() && is_handle_char(t[j])) ++j;
      while (j > i + 1 && t[j - 1] == '.') --j;
      if (j - i >= 4) out.push_back({i, j});
      i = j;
      continue;
    }
    for (const std::string_view link : {"t.me/", "wa.me/", "telegram.me/"}) {
      if (t.compare(i, link.size(), link) == 0 && (i == 0 || !is_handle_char(t[i - 1]))) {
        std::size_t j = i + link.size();
        while (j < t.size() && (is_handle_char(t[j]) || t[j] == '/')) ++j;
        if (j > i + link.size() + 2) {
          out.push_back({i, j});
          i = j - 1;
        }
        break;
      }
    }
    ++i;
  }
  return out;
}

std::string slice(std::string_view text, std::size_t off, std::size_t len) {
  return std::string(text.substr(off, len));
}

}  // namespace

OfferDetector OfferDetector::load_lexicons(const std::string& data_dir) {
  OfferDetector d;
  const fs::path dir = fs::path(data_dir) / "lexicons";
  const std::string places = (dir / "places.tsv").string();
  for (const char* l : kOfferLanguages) {
    const std::string lang = l;
    Lang entry{Lexicon::load((dir / (lang + ".tsv")).string(), lang == "ar"),
               Lexicon::load(places, lang == "ar", true, lang)};
    d.langs_.emplace(lang, std::move(entry));
  }
  d.common_ = Lexicon::load((dir / "common.tsv").string());
  return d;
}

OfferDetector OfferDetector::load(const std::string& data_dir) {
  OfferDetector d = load_lexicons(data_dir);
  d.model_ = OfferModel::load((fs::path(data_dir) / "models" / "offer_model.tsv").string());
  return d;
}

std::string OfferDetector::detect_language(std::string_view text) const {
  int latin = 0;
  int arabic = 0;
  std::map<std::string, double> score;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = unicode::next_code_point(text, pos);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c < 0x250)) ++latin;
    if (c >= 0x0600 && c <= 0x06FF) ++arabic;
    switch (c) {
      case 0x067C: case 0x0689: case 0x0693: case 0x0696: case 0x069A: case 0x06AB: case 0x06BC:
      case 0x06CD: case 0x06D0: score["ps"] += 3; break;
      case 0x0695: case 0x06B5: case 0x06C6: case 0x06CE: case 0x06D5: score["ckb"] += 3; break;
      case 0x0679: case 0x0688: case 0x0691: case 0x06BA: case 0x06D2: case 0x06C1: case 0x06BE: score["ur"] += 3; break;
      case 0x067E: case 0x0686: case 0x0698: case 0x06AF: score["fa"] += 0.5; score["ur"] += 0.3; break;
      case 0x06CC: case 0x06A9: score["fa"] += 0.2; break;
      case 0x0629: case 0x0649: case 0x064A: case 0x0643: score["ar"] += 1; break;
      case 0x0131: case 0x011F: case 0x0130: score["tr"] += 2; break;
      case 0x015F: score["tr"] += 0.5; score["kmr"] += 0.5; break;
      case 0x00EA: case 0x00EE: case 0x00FB: score["kmr"] += 1.5; break;
      case 0x00E9: case 0x00E8: case 0x00E0: case 0x00F9: case 0x0153: score["fr"] += 1; break;
      case 0x00F1: case 0x00E1: case 0x00ED: case 0x00F3: case 0x00FA: case 0x00BF: case 0x00A1: score["es"] += 1; break;
      default: break;
    }
  }
  if (latin == 0 && arabic == 0) return "";
  const bool arabic_script = arabic >= latin;
  const FoldedText f = fold_text(text);
  const auto tokens = tokenize(f.text);
  std::string best;
  double best_score = -1;
  for (const auto& [lang, lex] : langs_) {
    if (is_latin_lang(lang) == arabic_script) continue;
    double s = score[lang];
    for (const auto& h : lex.terms.match(tokens)) s += h.category == "route" ? 1.0 : 2.0 * static_cast<double>(h.token_count);
    if (s > best_score) {
      best_score = s;
      best = lang;
    }
  }
  return best;
}

std::vector<OfferFeature> OfferDetector::features(std::string_view text, const std::string& lang) const {
  std::vector<OfferFeature> out;
  const auto it = langs_.find(lang);
  if (it == langs_.end()) throw Error("offer detector", "no lexicon for language '" + lang + "'");
  const FoldedText f = fold_text(text);
  const auto tokens = tokenize(f.text);
  auto reason = [&](const std::string& feature, std::size_t b, std::size_t e, std::string term = {}) {
    const auto [ob, oe] = f.original(b, e);
    if (term.empty()) term = slice(text, ob, oe - ob);
    return OfferReason{feature, std::move(term), 0, ob, oe - ob};
  };

  // Lexicon categories (language lexicon, then the common one for spans not yet taken).
  std::vector<LexiconHit> hits = it->second.terms.match(tokens);
  std::vector<bool> used(tokens.size(), false);
  for (const auto& h : hits)
    for (std::size_t k = 0; k < h.token_count; ++k) used[h.first_token + k] = true;
  for (const auto& h : common_.match(tokens))
    if (!used[h.first_token]) hits.push_back(h);
  std::map<std::string, OfferFeature> cats;
  for (const auto& h : hits) {
    auto& feat = cats["cat:" + h.category];
    feat.name = "cat:" + h.category;
    feat.evidence.push_back(reason(h.category, h.begin, h.end, h.term));
  }

  // Contact.
  const auto contacts = find_contacts(f.text);
  bool has_contact = !contacts.empty();
  if (has_contact) {
    OfferFeature feat{"f:contact", 1, {}};
    for (const auto& c : contacts) feat.evidence.push_back(reason("contact", c.begin, c.end));
    out.push_back(std::move(feat));
  }

  // Price: a number within two tokens of a currency or price word, and not inside a contact.
  std::vector<bool> is_price_word(tokens.size(), false);
  for (const auto& h : hits)
    if (h.category == "price_word")
      for (std::size_t k = 0; k < h.token_count; ++k) is_price_word[h.first_token + k] = true;
  auto in_contact = [&](const Token& t) {
    return std::any_of(contacts.begin(), contacts.end(), [&](const Span& s) { return t.begin >= s.begin && t.end <= s.end; });
  };
  OfferFeature price{"f:price", 1, {}};
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].number || in_contact(tokens[i])) continue;
    // the currency after the number first (3000 $), then before it ($3000, price 3000)
    for (const std::ptrdiff_t d : {1, 2, -1, -2}) {
      const std::ptrdiff_t jj = static_cast<std::ptrdiff_t>(i) + d;
      if (jj < 0 || jj >= static_cast<std::ptrdiff_t>(tokens.size())) continue;
      const auto j = static_cast<std::size_t>(jj);
      if (!is_price_word[j]) continue;
      const std::size_t b = std::min(tokens[i].begin, tokens[j].begin);
      const std::size_t e = std::max(tokens[i].end, tokens[j].end);
      price.evidence.push_back(reason("price", b, e));
      break;
    }
  }
  const bool has_price = !price.evidence.empty();
  if (has_price) out.push_back(std::move(price));

  // Route: two distinct places, or a route term.
  std::set<std::string> distinct;
  OfferFeature places{"f:places", 1, {}};
  for (const auto& h : it->second.places.match(tokens)) {
    distinct.insert(h.term);
    places.evidence.push_back(reason("place", h.begin, h.end, h.term));
  }
  const bool two_places = distinct.size() >= 2;
  const bool has_route = two_places || cats.count("cat:route") > 0;
  if (two_places) out.push_back(std::move(places));

  for (auto& [name, feat] : cats) out.push_back(std::move(feat));
  const bool offer_terms = cats.count("cat:guarantee") || cats.count("cat:pay_after_arrival") || cats.count("cat:escrow");
  auto combo = [&](bool on, const char* name) {
    if (on) out.push_back({std::string("f:") + name, 1, {OfferReason{name, name, 0, 0, 0}}});
  };
  combo(has_contact && has_price, "contact+price");
  combo(has_contact && has_route, "contact+route");
  combo(has_price && has_route, "price+route");
  combo(has_contact && has_price && has_route, "contact+price+route");
  combo(offer_terms && has_contact, "terms+contact");
  combo(cats.count("cat:counter") > 0 && !offer_terms, "counter_only");

  // Words: every folded non-number token once (the model keeps the frequent ones).
  std::set<std::string_view> seen;
  for (const auto& t : tokens) {
    if (t.number || t.text.size() < 2 || !seen.insert(t.text).second) continue;
    out.push_back({"w:" + std::string(t.text), 1, {reason("word", t.begin, t.end)}});
  }
  return out;
}

OfferScore OfferDetector::score(std::string_view text, std::string_view lang_hint) const {
  OfferScore s;
  s.language = lang_hint.empty() ? detect_language(text) : std::string(lang_hint);
  if (!langs_.count(s.language)) {
    if (!lang_hint.empty()) throw Error("offer detector", "no lexicon for language '" + s.language + "'");
    s.score = 1.0 / (1.0 + std::exp(-model_.bias));
    return s;
  }
  double z = model_.bias;
  for (auto& feat : features(text, s.language)) {
    const auto w = model_.weights.find(feat.name);
    if (w == model_.weights.end() || w->second == 0) continue;
    const double contribution = w->second * feat.value;
    z += contribution;
    // Split the contribution over its supporting spans (a category hit twice: half each).
    const double share = contribution / static_cast<double>(std::max<std::size_t>(1, feat.evidence.size()));
    for (auto& r : feat.evidence) {
      r.weight = share;
      s.reasons.push_back(std::move(r));
    }
  }
  s.score = 1.0 / (1.0 + std::exp(-z));
  std::stable_sort(s.reasons.begin(), s.reasons.end(),
                   [](const OfferReason& a, const OfferReason& b) { return std::abs(a.weight) > std::abs(b.weight); });
  return s;
}

}  // namespace corridor::detect

#include "detect/offer_lexicon.hpp"

#include <algorithm>
#include <fstream>

#include "core/error.hpp"

namespace corridor::detect {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

// Proclitics of Arabic (folded forms), longest first: وال بال فال لل ال و ف ب ل.
const std::vector<std::string>& arabic_proclitics() {
  static const std::vector<std::string> p = {"\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0641\u0627\u0644",
                                             "\u0644\u0644",       "\u0627\u0644",       "\u0648",
                                             "\u0641",             "\u0628",             "\u0644"};
  return p;
}

bool token_equals(std::string_view token, const std::string& want, bool prefix) {
  if (prefix) return token.size() >= want.size() && token.substr(0, want.size()) == want;
  return token == want;
}

}  // namespace

bool is_offer_category(const std::string& c) {
  return std::any_of(std::begin(kOfferCategories), std::end(kOfferCategories),
                     [&](const char* k) { return c == k; });
}

void Lexicon::add(const std::string& term, const std::string& category) {
  Entry e;
  e.category = category;
  std::string t = term;
  if (!t.empty() && t.back() == '*') {
    e.prefix_last = true;
    t.pop_back();
  }
  e.term = t;  // reported without the *
  const std::string folded = fold_term(t);
  for (const auto& tok : tokenize(folded)) e.tokens.emplace_back(tok.text);
  if (e.tokens.empty()) return;
  ++count_;
  if (e.prefix_last && e.tokens.size() == 1) {
    prefix_first_.push_back(std::move(e));
  } else {
    const std::string key = e.tokens.front();
    by_first_[key].push_back(std::move(e));
  }
}

Lexicon Lexicon::load(const std::string& path, bool arabic_clitics, bool language_column,
                      const std::string& lang) {
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot open lexicon");
  Lexicon lex;
  lex.arabic_clitics_ = arabic_clitics;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    const auto f = split_tabs(line);
    const std::string where = path + ":" + std::to_string(n);
    if (f.size() != 2 || f[0].empty() || f[1].empty())
      throw Error(where, "expected term<TAB>" + std::string(language_column ? "languages" : "category"));
    if (language_column) {
      bool wanted = f[1] == "*";
      for (std::size_t s = 0; !wanted && s <= f[1].size();) {
        const auto comma = std::min(f[1].find(',', s), f[1].size());
        wanted = f[1].substr(s, comma - s) == lang;
        s = comma + 1;
      }
      if (wanted) lex.add(f[0], "place");
    } else {
      if (!is_offer_category(f[1])) throw Error(where, "unknown category '" + f[1] + "'");
      lex.add(f[0], f[1]);
    }
  }
  return lex;
}

bool Lexicon::entry_matches(const Entry& e, const std::vector<Token>& tokens, std::size_t i,
                            std::string_view first) const {
  if (i + e.tokens.size() > tokens.size()) return false;
  for (std::size_t k = 0; k < e.tokens.size(); ++k) {
    const bool last = k + 1 == e.tokens.size();
    const std::string_view tok = k == 0 ? first : tokens[i + k].text;
    if (!token_equals(tok, e.tokens[k], last && e.prefix_last)) return false;
  }
  return true;
}

std::vector<LexiconHit> Lexicon::match(const std::vector<Token>& tokens) const {
  std::vector<LexiconHit> hits;
  for (std::size_t i = 0; i < tokens.size();) {
    std::vector<std::string_view> forms{tokens[i].text};
    if (arabic_clitics_) {
      for (const auto& p : arabic_proclitics()) {
        const auto& t = tokens[i].text;
        // keep at least two letters (four bytes) after the proclitic
        if (t.size() >= p.size() + 4 && t.substr(0, p.size()) == p) forms.push_back(t.substr(p.size()));
      }
    }
    const Entry* best = nullptr;
    for (const auto form : forms) {
      auto consider = [&](const Entry& e) {
        if (entry_matches(e, tokens, i, form) && (!best || e.tokens.size() > best->tokens.size())) best = &e;
      };
      if (auto it = by_first_.find(std::string(form)); it != by_first_.end())
        for (const auto& e : it->second) consider(e);
      for (const auto& e : prefix_first_) consider(e);
      if (best) break;  // the whole token before a stripped one
    }
    if (!best) {
      ++i;
      continue;
    }
    const std::size_t n = best->tokens.size();
    hits.push_back({best->term, best->category, i, n, tokens[i].begin, tokens[i + n - 1].end});
    i += n;
  }
  return hits;
}

}  // namespace corridor::detect

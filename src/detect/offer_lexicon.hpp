#pragma once
// Per-language term lists of the offer detector (data/lexicons/<lang>.tsv) and the
// gazetteer of places (data/lexicons/places.tsv), matched on folded tokens.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "detect/offer_text.hpp"

namespace corridor::detect {

// The categories a lexicon may use; anything else in a file is an error.
inline constexpr const char* kOfferCategories[] = {
    "service", "route", "vehicle", "guarantee", "pay_after_arrival", "escrow",
    "forged_document", "price_word", "contact_word", "counter"};
bool is_offer_category(const std::string& c);

struct LexiconHit {
  std::string term;      // as written in the lexicon
  std::string category;  // "guarantee", or "place" for the gazetteer
  std::size_t first_token = 0;
  std::size_t token_count = 0;
  std::size_t begin = 0;  // folded byte range
  std::size_t end = 0;
};

class Lexicon {
 public:
  // Reads `term<TAB>category` lines ('#' comments, blank lines skipped). With
  // `language_column`, the second column is a language list and `lang` filters it;
  // matches are reported with category "place". Errors name the file and line.
  static Lexicon load(const std::string& path, bool arabic_clitics = false,
                      bool language_column = false, const std::string& lang = "");

  void add(const std::string& term, const std::string& category);
  // Leftmost-longest matches over the tokens, each token used at most once.
  std::vector<LexiconHit> match(const std::vector<Token>& tokens) const;
  std::size_t size() const { return count_; }

 private:
  struct Entry {
    std::string term;
    std::string category;
    std::vector<std::string> tokens;  // folded
    bool prefix_last = false;
  };
  bool entry_matches(const Entry& e, const std::vector<Token>& tokens, std::size_t i,
                     std::string_view first) const;
  std::unordered_map<std::string, std::vector<Entry>> by_first_;
  std::vector<Entry> prefix_first_;  // single-token entries ending in *, tried on every token
  bool arabic_clitics_ = false;
  std::size_t count_ = 0;
};

}  // namespace corridor::detect

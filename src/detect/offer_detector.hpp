#pragma once
// Smuggling-service offers in posts and messages (issue 7): lexicon hits per language,
// contact / price / route features and their combinations, word features, and a logistic
// regression trained offline (bench/train_offers) and loaded from data/models/offer_model.tsv.
// The score is an assessment to be reviewed, never a fact about a person.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detect/offer_lexicon.hpp"

namespace corridor::detect {

// Languages with a lexicon, ISO 639: fa covers Dari and Farsi, ckb Sorani, kmr Kurmanji.
inline constexpr const char* kOfferLanguages[] = {"ar", "fa", "ps", "ckb", "kmr", "ur", "tr", "fr", "en", "es"};

struct OfferReason {
  std::string feature;  // lexicon category ("guarantee"), "place", "contact", "price",
                        // "contact+price+route"..., or "word"
  std::string term;     // lexicon term as written, or the text found (phone, price, word)
  double weight = 0;    // share of the model's log-odds this reason contributes
  std::size_t offset = 0;  // byte range in the original text (0/0 for combinations)
  std::size_t length = 0;
};

struct OfferScore {
  double score = 0;      // probability of an offer, 0..1
  std::string language;  // the hint, or detected
  std::vector<OfferReason> reasons;  // by decreasing |weight|
};

// One active feature of a text and the spans that support it.
struct OfferFeature {
  std::string name;  // "cat:guarantee", "f:contact", "w:<token>"
  double value = 1;
  std::vector<OfferReason> evidence;  // weight unset; offsets in the original text
};

// Weights of the linear model: log-odds = bias + Σ weight(feature) · value.
struct OfferModel {
  double bias = 0;
  std::map<std::string, double> weights;
  std::vector<std::string> comments;  // provenance lines written at the top of the file

  // Throws corridor::Error naming "<path>:<line>" for any malformed line.
  static OfferModel load(const std::string& path);
  void save(const std::string& path) const;
};

class OfferDetector {
 public:
  // Reads data_dir/lexicons/*.tsv and data_dir/models/offer_model.tsv.
  static OfferDetector load(const std::string& data_dir);
  // Lexicons only, for training (score() then uses an empty model).
  static OfferDetector load_lexicons(const std::string& data_dir);

  OfferScore score(std::string_view text, std::string_view lang_hint = {}) const;
  std::string detect_language(std::string_view text) const;
  std::vector<OfferFeature> features(std::string_view text, const std::string& lang) const;

  const OfferModel& model() const { return model_; }
  void set_model(OfferModel m) { model_ = std::move(m); }

 private:
  struct Lang {
    Lexicon terms;
    Lexicon places;
  };
  std::map<std::string, Lang> langs_;
  Lexicon common_;
  OfferModel model_;
};

}  // namespace corridor::detect

#pragma once
// Offline training and evaluation of the offer model on data/labelled/posts.tsv, with
// liblinear's L2-regularised logistic regression. Used by bench/train_offers and
// bench/bench_offers; never at run time.
#include <map>
#include <string>
#include <vector>

#include "detect/offer_detector.hpp"

namespace corridor::detect {

struct LabelledPost {
  std::string id, lang, label, kind, split, text;
  bool offer() const { return label == "offer"; }
};

// Columns id, lang, label (offer|other), kind, split (train|test), text; errors name file:line.
std::vector<LabelledPost> load_labelled_posts(const std::string& path);

struct OfferTrainingOptions {
  double C = 1.0;            // inverse regularisation strength
  int min_word_docs = 8;     // a word becomes a feature when this many training posts have it
  bool words = true;         // word features at all
};

// Trains on the posts whose split is "train".
OfferModel train_offer_model(const OfferDetector& lexicons, const std::vector<LabelledPost>& posts,
                             const OfferTrainingOptions& opt);

struct PrfCounts {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Scores the posts of `split` with the language given in the corpus (or detected when
// `detect` is set); threshold 0.5. Keys: languages and "all".
std::map<std::string, PrfCounts> evaluate_offers(const OfferDetector& detector, const std::vector<LabelledPost>& posts,
                                                 const std::string& split, bool detect = false);

}  // namespace corridor::detect

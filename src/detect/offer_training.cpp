#include "detect/offer_training.hpp"

#include <linear.h>

#include <cmath>

#include <fstream>
#include <memory>
#include <set>

#include "core/error.hpp"

namespace corridor::detect {
namespace {
void quiet(const char*) {}
}  // namespace

std::vector<LabelledPost> load_labelled_posts(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot open labelled posts");
  std::vector<LabelledPost> out;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> f;
    std::size_t start = 0;
    for (int k = 0; k < 5; ++k) {
      const auto tab = line.find('\t', start);
      if (tab == std::string::npos) throw Error(path + ":" + std::to_string(n), "expected 6 tab-separated columns");
      f.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    f.push_back(line.substr(start));
    if (n == 1 && f[0] == "id") continue;
    const std::string where = path + ":" + std::to_string(n);
    if (f[2] != "offer" && f[2] != "other") throw Error(where, "label must be offer or other");
    if (f[4] != "train" && f[4] != "test") throw Error(where, "split must be train or test");
    out.push_back({f[0], f[1], f[2], f[3], f[4], f[5]});
  }
  return out;
}

OfferModel train_offer_model(const OfferDetector& lexicons, const std::vector<LabelledPost>& posts,
                             const OfferTrainingOptions& opt) {
  std::vector<std::vector<OfferFeature>> feats;
  std::vector<double> y;
  std::map<std::string, int> word_docs;
  for (const auto& p : posts) {
    if (p.split != "train") continue;
    feats.push_back(lexicons.features(p.text, p.lang));
    y.push_back(p.offer() ? 1 : -1);
    for (const auto& f : feats.back())
      if (f.name.rfind("w:", 0) == 0) ++word_docs[f.name];
  }
  if (feats.empty()) throw Error("offer training", "no training posts");
  std::map<std::string, int> index;  // 1-based for liblinear
  std::vector<std::string> names;
  for (const auto& fs : feats)
    for (const auto& f : fs) {
      const bool word = f.name.rfind("w:", 0) == 0;
      if (word && (!opt.words || word_docs[f.name] < opt.min_word_docs)) continue;
      if (index.emplace(f.name, static_cast<int>(names.size()) + 1).second) names.push_back(f.name);
    }
  const int n = static_cast<int>(names.size());
  std::vector<std::vector<feature_node>> rows(feats.size());
  std::vector<feature_node*> xs;
  for (std::size_t i = 0; i < feats.size(); ++i) {
    std::map<int, double> r;
    for (const auto& f : feats[i])
      if (auto it = index.find(f.name); it != index.end()) r[it->second] = f.value;
    for (const auto& [k, v] : r) rows[i].push_back({k, v});
    rows[i].push_back({n + 1, 1.0});  // bias
    rows[i].push_back({-1, 0});
    xs.push_back(rows[i].data());
  }
  problem prob{};
  prob.l = static_cast<int>(rows.size());
  prob.n = n + 1;
  prob.y = y.data();
  prob.x = xs.data();
  prob.bias = 1.0;
  parameter param{};
  param.solver_type = L2R_LR;
  param.eps = 0.001;
  param.C = opt.C;
  set_print_string_function(quiet);
  if (const char* err = check_parameter(&prob, &param)) throw Error("offer training", err);
  model* m = train(&prob, &param);
  const double sign = m->label[0] == 1 ? 1.0 : -1.0;
  OfferModel out;
  for (int i = 0; i < n; ++i) {
    const double w = sign * m->w[i];
    if (std::abs(w) >= 1e-4) out.weights[names[static_cast<std::size_t>(i)]] = w;
  }
  out.bias = sign * m->w[n];
  free_and_destroy_model(&m);
  out.comments = {"Corridor offer model: logistic regression (liblinear L2R_LR, C=" + std::to_string(opt.C) +
                      ", words in >= " + std::to_string(opt.min_word_docs) + " posts)",
                  "trained on the train split of data/labelled/posts.tsv (" + std::to_string(prob.l) + " posts)",
                  "features: cat:<lexicon category> f:<contact|price|places|combination> w:<folded word>",
                  "log-odds = bias + sum of the weights of the features present; score = 1/(1+exp(-log-odds))"};
  return out;
}

std::map<std::string, PrfCounts> evaluate_offers(const OfferDetector& detector, const std::vector<LabelledPost>& posts,
                                                 const std::string& split, bool detect) {
  std::map<std::string, PrfCounts> out;
  for (const auto& p : posts) {
    if (p.split != split) continue;
    const bool predicted = detector.score(p.text, detect ? std::string_view{} : std::string_view(p.lang)).score >= 0.5;
    for (const std::string& key : {p.lang, std::string("all")}) {
      auto& c = out[key];
      if (predicted && p.offer()) ++c.tp;
      else if (predicted) ++c.fp;
      else if (p.offer()) ++c.fn;
      else ++c.tn;
    }
  }
  return out;
}

}  // namespace corridor::detect

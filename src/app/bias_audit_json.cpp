#include "app/bias_audit_json.hpp"

namespace corridor::app {

const char* const kBiasSelectedMeans =
    "A person is selected by a detector family when they are the subject of at least one open or confirmed "
    "indicator of that family scoring at least --min-score: directly, or as the sender of a message, the author "
    "of a post, the owner of an account or the holder of a document that is its subject. Dismissed indicators "
    "never count.";

namespace {

constexpr double kFourFifths = 0.8;

nlohmann::ordered_json opt(const std::optional<double>& v) { return v ? nlohmann::ordered_json(*v) : nullptr; }

nlohmann::ordered_json hit_json(const detect::ProtectedHit& h) {
  nlohmann::ordered_json j{{"where", h.where},
                           {"token", h.token},
                           {"category", detect::to_string(h.term.category)},
                           {"language", h.term.lang},
                           {"term", h.term.term}};
  if (!h.term.note.empty()) j["note"] = h.term.note;
  return j;
}

}  // namespace

nlohmann::ordered_json bias_audit_json(const std::string& case_name, const BiasAuditReport& r) {
  nlohmann::ordered_json j{{"case", case_name},
                           {"reference_date", r.reference_date.empty() ? nlohmann::ordered_json(nullptr)
                                                                       : nlohmann::ordered_json(r.reference_date)},
                           {"reference_source", r.reference_source},
                           {"min_score", r.min_score},
                           {"min_group", r.min_group},
                           {"four_fifths", kFourFifths},
                           {"selected_means", kBiasSelectedMeans},
                           {"persons", r.persons},
                           {"recorded", r.recorded}};
  auto& fams = j["families"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < r.selections.size(); ++i) {
    const auto& s = r.selections[i];
    const auto& a = r.audits[i];
    nlohmann::ordered_json f{{"family", s.family},
                             {"indicators", s.indicators},
                             {"dismissed", s.dismissed},
                             {"below_min_score", s.below_score},
                             {"subjects", s.subjects},
                             {"subjects_on_persons", s.subjects_on_persons},
                             {"other_subjects", s.other_subjects},
                             {"selected_persons", a.selected},
                             {"population", a.population}};
    auto& attrs = f["attributes"] = nlohmann::ordered_json::array();
    for (const auto& at : a.attributes) {
      auto groups = nlohmann::ordered_json::array();
      for (const auto& g : at.groups)
        groups.push_back({{"group", g.group},
                          {"population", g.population},
                          {"selected", g.selected},
                          {"rate", g.rate},
                          {"compared", g.compared()},
                          {"too_small", g.too_small},
                          {"excluded", g.excluded}});
      attrs.push_back({{"attribute", at.attribute},
                       {"groups", groups},
                       {"compared_groups", at.compared_groups},
                       {"parity_difference", opt(at.parity_difference)},
                       {"disparate_impact", opt(at.impact_ratio)},
                       {"highest", at.highest},
                       {"lowest", at.lowest},
                       {"four_fifths_flag", at.four_fifths_flag},
                       {"note", at.note}});
    }
    fams.push_back(std::move(f));
  }
  auto& ins = j["inputs"] = nlohmann::ordered_json::array();
  for (const auto& in : r.inputs) {
    nlohmann::ordered_json e{{"family", in.family},
                             {"protected_attributes_excluded", in.ok()},
                             {"cited", in.cited},
                             {"protected_cited", in.protected_cited},
                             {"carrying_protected_fields", in.carrying}};
    if (in.features) {
      auto refused = nlohmann::ordered_json::array(), review = nlohmann::ordered_json::array();
      for (const auto& h : in.features->refused) refused.push_back(hit_json(h));
      for (const auto& h : in.features->to_review) review.push_back(hit_json(h));
      e["features"] = {{"model", in.features->model},
                       {"model_features", in.features->features},
                       {"lexicons", in.features->lexicons.size()},
                       {"lexicon_terms", in.features->lexicon_terms},
                       {"refused", refused},
                       {"to_review", review}};
    }
    if (!in.feature_error.empty()) e["feature_error"] = in.feature_error;
    ins.push_back(std::move(e));
  }
  j["protected_properties"] = detect::protected_properties();
  return j;
}

std::string bias_audit_summary(const BiasAuditReport& r) {
  const std::size_t families = r.selections.empty() ? 0 : r.selections.size() - 1;  // without "any"
  return "bias audit: " + std::to_string(r.persons) + " persons, " + std::to_string(families) +
         " detector families, " + std::to_string(four_fifths_flags(r)) + " four-fifths flags";
}

}  // namespace corridor::app

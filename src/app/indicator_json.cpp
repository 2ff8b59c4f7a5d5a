#include "app/indicator_json.hpp"

#include "app/network_analysis.hpp"
#include "core/escape.hpp"

namespace corridor::app {

// Titles, reasons and statement values as shown: protected people under their pseudonyms.
Indicator shown_as(const Indicator& in, const Pseudonyms& shown) {
  Indicator ind = in;
  ind.title = shown.scrub(ind.title);
  for (auto& r : ind.reasons) r.text = shown.scrub(r.text);
  return ind;
}

namespace {

std::vector<StatementSource> sources(store::Db& db, const std::vector<std::int64_t>& ids, const Pseudonyms& shown) {
  auto out = statement_sources(db, ids);
  for (auto& s : out) s.value = shown.value(s.entity_id, s.property, s.value);
  return out;
}

}  // namespace

nlohmann::ordered_json indicator_json(store::Db& db, const Indicator& ind,
                                      const std::vector<store::IndicatorReview>& reviews, const Pseudonyms& shown) {
  // Titles, reasons and values quote evidence (names, captions): escaped (core/escape.hpp).
  std::vector<std::string> subjects;
  for (const auto& s : ind.subjects) subjects.push_back(escape_name(s));
  nlohmann::ordered_json j{{"id", ind.id},
                           {"detector", ind.detector},
                           {"title", escape_name(ind.title)},
                           {"score", ind.score},
                           {"review", to_string(ind.review)},
                           {"created_at", ind.created_at},
                           {"subjects", subjects},
                           // An indicator is an assessment, made by a detector (or the resolver).
                           {"kind", "assessment"},
                           {"made_by", ind.detector},
                           {"model", ind.model}};
  auto& rs = j["reasons"] = nlohmann::ordered_json::array();
  for (const auto& r : ind.reasons) {
    auto sts = nlohmann::ordered_json::array();
    for (const auto& s : sources(db, r.statement_ids, shown))
      sts.push_back({{"id", s.id},
                     {"entity", escape_name(s.entity_id)},
                     {"property", escape_name(s.property)},
                     {"value", escape_name(s.value)},
                     {"evidence_sha256", s.evidence_sha256},
                     {"locator", locator_text(s.locator)},
                     {"kind", s.assessment ? "assessment" : "fact"},
                     {"made_by", s.made_by}});
    rs.push_back({{"text", escape_name(r.text)}, {"weight", r.weight}, {"statements", sts}});
  }
  auto& rv = j["reviews"] = nlohmann::ordered_json::array();
  for (const auto& r : reviews)
    rv.push_back({{"decision", to_string(r.decision)},
                  {"actor", escape_name(r.actor)},
                  {"reason", escape_name(shown.scrub(r.reason))},
                  {"at", r.at}});
  return j;
}

}  // namespace corridor::app

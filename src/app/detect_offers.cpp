// Offers detector on a case: every post and message text scored by the offer model; the
// indicator is about the post or message and its author, each reason one term or feature
// of the text, citing the text's statement.
#include <cstdio>
#include <map>

#include "app/case_detectors.hpp"
#include "detect/offer_detector.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

namespace {

std::string reason_text(const detect::OfferReason& r) {
  if (r.term.empty() || r.term == r.feature) return r.feature;
  return r.feature + ": \"" + r.term + "\"";
}

std::string snippet(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return text.substr(0, cut) + "…";
}

// Who wrote each post or message: author (posts) or sender (messages).
std::map<std::string, std::string> authors(store::Db& db) {
  std::map<std::string, std::string> out;
  store::Stmt q(db,
                "SELECT n.id, s.value FROM statements s JOIN entities n ON n.rid = s.entity "
                "WHERE n.schema IN ('Post', 'Message') AND s.property IN ('author', 'sender')");
  while (q.step()) out.emplace(q.text(0), q.text(1));
  return out;
}

}  // namespace

std::vector<Indicator> detect_offers_in_case(store::CaseFolder& c, const DetectSettings& settings) {
  const auto detector = detect::OfferDetector::load(settings.data_dir);
  const auto by = authors(c.db());
  store::Stmt q(c.db(),
                "SELECT s.id, n.id, n.schema, s.value FROM statements s JOIN entities n ON n.rid = s.entity "
                "WHERE n.schema IN ('Post', 'Message') AND s.property = 'bodyText' AND s.value != '' ORDER BY s.id");
  std::vector<Indicator> out;
  while (q.step()) {
    const std::string text = q.text(3);
    const auto score = detector.score(text);
    if (score.score < settings.min_score) continue;
    Indicator ind;
    ind.detector = "offers";
    ind.title = std::string(q.text(2) == "Post" ? "post" : "message") + " offers smuggling services? \"" +
                snippet(text, 80) + "\"";
    ind.subjects.push_back(q.text(1));
    if (auto a = by.find(q.text(1)); a != by.end()) ind.subjects.push_back(a->second);
    ind.score = score.score;
    const std::int64_t statement = q.int64(0);
    char lang[64];
    std::snprintf(lang, sizeof lang, "language: %s", score.language.c_str());
    for (std::size_t i = 0; i < score.reasons.size() && i < 8; ++i) {
      if (score.reasons[i].weight <= 0) continue;  // only what speaks for an offer
      ind.reasons.push_back(Reason{reason_text(score.reasons[i]), score.reasons[i].weight, {statement}});
    }
    ind.reasons.push_back(Reason{lang, 0, {statement}});
    out.push_back(std::move(ind));
  }
  return out;
}

}  // namespace corridor::app

// documents.expired: a document that had expired on the date it was seen. The reference
// date is never the clock of the machine running the check, so a re-run gives the same
// answer: it is the date of the record the MRZ was read from (a message's date), else the
// acquisition date of the evidence, else the date of the latest dated record of the
// evidence item (the device was in use until then, so it was seized later), else — a
// weaker basis, below the default --min-score — the date the item was added to the case.
#include <cstdio>

#include "core/time.hpp"
#include "detect/document_checks.hpp"

namespace corridor::detect {

namespace {

std::int64_t day_number(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return 0;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string span(std::int64_t days) {
  if (days == 1) return "1 day";
  if (days < 60) return std::to_string(days) + " days";
  if (days < 730) return std::to_string(days / 30) + " months";
  return std::to_string(days / 365) + " years";
}

}  // namespace

std::vector<Indicator> expired_indicators(const std::vector<DocumentSighting>& seen) {
  std::vector<Indicator> out;
  for (const auto& group : group_by_mrz(seen)) {
    const TravelDocument& d = group.front()->doc;
    if (d.expiry.empty()) continue;
    // The sightings on a date after expiry; the earliest one says the most.
    std::vector<const DocumentSighting*> expired, others;
    const DocumentSighting* first = nullptr;
    for (const auto* s : group) {
      if (s->reference_date.size() != 10 || s->reference_date <= d.expiry) {
        others.push_back(s);
        continue;
      }
      expired.push_back(s);
      const bool better =
          !first || (first->reference_is_upper_bound && !s->reference_is_upper_bound) ||
          (first->reference_is_upper_bound == s->reference_is_upper_bound && s->reference_date < first->reference_date);
      if (better) first = s;
    }
    if (!first) continue;
    const std::int64_t days = day_number(first->reference_date) - day_number(d.expiry);
    Indicator ind;
    ind.detector = "documents.expired";
    ind.subjects = document_subjects(group);
    const double weight = first->reference_is_upper_bound ? 0.45 : 0.6;
    std::string text = "expired on " + d.expiry + ", " + span(days) + " before " + first->reference_date + ", " +
                       first->reference_basis;
    if (first->reference_is_upper_bound)
      text += "; it may still have been valid when the evidence was seized (record the acquisition date to decide)";
    ind.reasons.push_back(Reason{text, weight, cited(expired)});
    if (!others.empty())
      ind.reasons.push_back(
          Reason{"seen " + std::to_string(others.size()) + " more time(s) before it expired, or on no known date", 0,
                 cited(others)});
    ind.score = combine_weights(ind.reasons);
    ind.title = describe(d) + ", " + d.name() + ", had expired when seen: expiry " + d.expiry + ", seen " +
                (first->reference_is_upper_bound ? "by " : "") + first->reference_date;
    out.push_back(std::move(ind));
  }
  return out;
}

}  // namespace corridor::detect

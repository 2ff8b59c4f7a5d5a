// documents.check_digit: an MRZ whose check digits do not hold (ICAO 9303 Part 3, weights
// 7-3-1 modulo 10). Issuing systems compute them; a zone typed or edited by hand — a
// forged number whose check digit was not recomputed — or a misread one fails them. The
// weights say how much each failed check weighs; the reasons name which failed and which
// held, citing the statements that hold the MRZ.
#include <cstdio>

#include "detect/document_checks.hpp"

namespace corridor::detect {

namespace {

double weight_of(const std::string& field) {
  if (field == "document number") return 0.6;  // the number is what a forger changes
  if (field == "composite") return 0.4;        // over number, dates and optional data
  if (field == "optional data") return 0.35;
  return 0.45;  // birth date, expiry date
}

}  // namespace

std::vector<Indicator> check_digit_indicators(const std::vector<DocumentSighting>& seen) {
  std::vector<Indicator> out;
  for (const auto& group : group_by_mrz(seen)) {
    const TravelDocument& d = group.front()->doc;
    if (d.checks_hold()) continue;
    const auto statements = cited(group);
    Indicator ind;
    ind.detector = "documents.check_digit";
    ind.subjects = document_subjects(group);
    std::string failed, held;
    for (const auto& c : d.checks) {
      std::string& list = c.ok ? held : failed;
      list += (list.empty() ? "" : ", ") + c.field;
      if (c.ok) continue;
      ind.reasons.push_back(Reason{"the check digit of the " + c.field + " does not hold (ICAO 9303 Part 3)",
                                   weight_of(c.field), statements});
    }
    if (!held.empty()) ind.reasons.push_back(Reason{"the other check digits hold: " + held, 0, statements});
    if (group.size() > 1)
      ind.reasons.push_back(Reason{"the same MRZ was seen " + std::to_string(group.size()) + " times", 0, statements});
    ind.score = combine_weights(ind.reasons);
    ind.title = "MRZ check digits fail on " + describe(d) + ", " + d.name() + ": " + failed;
    out.push_back(std::move(ind));
  }
  return out;
}

}  // namespace corridor::detect

// documents.shared_number: one document number under two identities — different names,
// or the same name with another birth date. A state issues a number once; the same number
// on two holders is a forger reusing a genuine document's data, or a number series shared
// across states by chance, which is why two issuers weigh less than one, and short numbers
// less still. Names that differ by one character (a misread or mistyped letter) and MRZ
// given names cut short are the same name; a missing birth date agrees with any.
#include <algorithm>
#include <map>

#include "detect/document_checks.hpp"

namespace corridor::detect {

namespace {

constexpr double kSameIssuer = 0.85;
constexpr double kOtherIssuers = 0.6;
constexpr double kOtherIssuersShort = 0.35;  // numbers of fewer than 7 characters
constexpr std::size_t kShort = 7;

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

bool same_given(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  return a.rfind(b, 0) == 0 || b.rfind(a, 0) == 0;  // the MRZ cuts long names short
}

bool same_name(const TravelDocument& a, const TravelDocument& b) {
  if (a.surname == b.surname && same_given(a.given, b.given)) return true;
  const std::string x = a.name(), y = b.name();
  return std::max(x.size(), y.size()) >= 5 && edit_distance(x, y) <= 1;
}

bool same_holder(const TravelDocument& a, const TravelDocument& b) {
  if (!same_name(a, b)) return false;
  return a.birth.empty() || b.birth.empty() || a.birth == b.birth;
}

struct Identity {
  std::vector<const DocumentSighting*> seen;
  const TravelDocument& doc() const { return seen.front()->doc; }
};

std::string describe_identity(const Identity& id) {
  const TravelDocument& d = id.doc();
  std::string s = d.name() + " (" + d.kind() + " of " + (d.issuer.empty() ? "no issuer" : d.issuer);
  if (!d.birth.empty()) s += ", born " + d.birth;
  s += ")";
  if (id.seen.size() > 1) s += ", seen " + std::to_string(id.seen.size()) + " times";
  return s;
}

}  // namespace

std::vector<Indicator> shared_number_indicators(const std::vector<DocumentSighting>& seen) {
  std::map<std::string, std::vector<const DocumentSighting*>> by_number;
  std::vector<std::string> order;
  for (const auto& s : seen) {
    const std::string n = normalise_document_number(s.doc.number);
    if (n.empty()) continue;
    auto& v = by_number[n];
    if (v.empty()) order.push_back(n);
    v.push_back(&s);
  }
  std::vector<Indicator> out;
  for (const auto& number : order) {
    std::vector<Identity> ids;
    for (const auto* s : by_number[number]) {
      auto it = std::find_if(ids.begin(), ids.end(), [&](const Identity& i) { return same_holder(i.doc(), s->doc); });
      if (it == ids.end())
        ids.push_back(Identity{{s}});
      else
        it->seen.push_back(s);
    }
    if (ids.size() < 2) continue;

    // The strongest pair: two identities from one issuer, else from two.
    bool one_issuer = false;
    for (std::size_t i = 0; i < ids.size(); ++i)
      for (std::size_t j = i + 1; j < ids.size(); ++j)
        one_issuer = one_issuer || ids[i].doc().issuer == ids[j].doc().issuer;
    std::vector<const DocumentSighting*> all;
    for (const auto& id : ids) all.insert(all.end(), id.seen.begin(), id.seen.end());

    Indicator ind;
    ind.detector = "documents.shared_number";
    ind.subjects = document_subjects(all);
    const std::string what = "document number " + number + " is on " + std::to_string(ids.size()) +
                             " documents whose holders differ in name or birth date";
    if (one_issuer) {
      ind.reasons.push_back(Reason{what + ", two of them from one issuer", kSameIssuer, cited(all)});
    } else {
      const bool short_number = number.size() < kShort;
      ind.reasons.push_back(Reason{what + ", each from another issuer" +
                                       (short_number ? " (a short number, which states may share by chance)" : ""),
                                   short_number ? kOtherIssuersShort : kOtherIssuers, cited(all)});
    }
    std::string title;
    for (const auto& id : ids) {
      ind.reasons.push_back(Reason{"under " + describe_identity(id), 0, cited(id.seen)});
      title += (title.empty() ? "" : "; ") + id.doc().name() + " (" + id.doc().issuer + ")";
    }
    ind.score = combine_weights(ind.reasons);
    ind.title = "document number " + number + " under " + std::to_string(ids.size()) + " identities: " + title;
    out.push_back(std::move(ind));
  }
  return out;
}

}  // namespace corridor::detect

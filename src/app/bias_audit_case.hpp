#pragma once
// The bias audit of a case (issue 7, docs/bias_audit.md): the persons of the case with
// their protected attributes as the statements record them, who each detector family
// selected, the outcome audit of detect/bias_audit per family and attribute, and what
// each family's inputs are, checked against the protected properties and terms.
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "detect/bias_audit.hpp"
#include "detect/protected_attributes.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

struct BiasAuditSettings {
  double min_score = 0.5;      // an indicator selects its persons from this score up
  std::size_t min_group = 5;   // smaller groups are reported, not compared
  std::string reference_date;  // YYYY-MM-DD for age bands; empty: the case's latest statement date
  std::string data_dir;        // the offer model and lexicons; find_data_dir() when empty
};

// Which indicators of a family count, and the persons they reach.
struct FamilySelection {
  std::string family;           // detector name before '.', or "any" for all together
  std::size_t indicators = 0;   // open or confirmed, score >= min_score: these select
  std::size_t dismissed = 0;    // never select
  std::size_t below_score = 0;  // open or confirmed under min_score: do not select
  std::size_t subjects = 0;     // distinct subjects of the selecting indicators
  std::size_t subjects_on_persons = 0;  // of those, subjects that lead to a person
  std::map<std::string, std::size_t> other_subjects;  // schema -> subjects that lead to none
  std::set<std::string> persons;  // selected persons (canonical ids)
};

// What a family's indicators rest on.
struct FamilyInputs {
  std::string family;
  std::vector<std::string> cited;            // "Post.bodyText": properties of the statements its reasons cite
  std::vector<std::string> protected_cited;  // protected properties among them: must stay empty
  std::vector<std::string> carrying;         // cited properties holding protected fields (Passport.validation)
  std::optional<detect::FeatureCheck> features;  // a trained model and its lexicons (offers)
  std::string feature_error;                 // why the model could not be checked
  bool ok() const {
    return protected_cited.empty() && feature_error.empty() && (!features || features->refused.empty());
  }
};

struct BiasAuditReport {
  std::string reference_date;
  std::string reference_source;  // "--reference-date" or "latest statement"
  double min_score = 0.5;
  std::size_t min_group = 5;
  std::size_t persons = 0;
  std::map<std::string, std::size_t> recorded;  // attribute -> persons with a value
  std::vector<FamilySelection> selections;      // families with indicators, then "any"
  std::vector<detect::FamilyAudit> audits;      // same order
  std::vector<FamilyInputs> inputs;             // every known detector family and every family with indicators
};

// "YYYY-MM-DD", a day of the Gregorian calendar.
bool valid_reference_date(const std::string& date);

// The audited attributes: nationality (dual nationals in each group), sex, age band, and
// ethnicity and religion when a person of the case has them recorded.
// Throws corridor::Error for a malformed reference date.
BiasAuditReport audit_bias_in_case(store::CaseFolder& c, const BiasAuditSettings& settings);

// How many (family, attribute) audits raise the four-fifths flag.
std::size_t four_fifths_flags(const BiasAuditReport& r);

}  // namespace corridor::app

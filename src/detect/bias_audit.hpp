#pragma once
// The outcome side of the bias audit (docs/bias_audit.md): for each detector family and
// each protected attribute, how often the persons of each group are selected, the
// demographic-parity difference and the disparate-impact ratio with the four-fifths flag.
// Pure computation: the case side (app/bias_audit_case) finds the persons, their
// attributes and who was selected.
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace corridor::detect {

// Groups that are reported but never compared.
inline constexpr const char* kUnrecorded = "unrecorded";    // no value for the attribute
inline constexpr const char* kConflicting = "conflicting";  // several values, single-valued attribute

struct AuditAttribute {
  std::string name;           // "nationality", "sex", "age_band"
  bool multi_valued = false;  // a person with several values counts in each group (dual
                              // nationals); else such a person is "conflicting"
  std::vector<std::string> order;  // groups listed first, in this order (age bands); others by name
};

struct AuditPerson {
  std::string id;
  // attribute -> recorded values (normalised group names); missing or empty: unrecorded.
  std::map<std::string, std::set<std::string>> values;
};

struct BiasAuditInput {
  std::vector<AuditAttribute> attributes;
  std::vector<AuditPerson> population;
  // family -> ids of the selected persons (ids not in the population are ignored).
  std::map<std::string, std::set<std::string>> selected;
  std::size_t min_group = 5;        // smaller groups are reported but not compared
  double four_fifths = 0.8;         // ratio below which the flag is raised
};

struct GroupRate {
  std::string group;
  std::size_t population = 0;
  std::size_t selected = 0;
  double rate = 0;         // selected / population
  bool too_small = false;  // population < min_group: not compared
  bool excluded = false;   // unrecorded or conflicting: not compared
  bool compared() const { return !too_small && !excluded; }
};

struct AttributeAudit {
  std::string attribute;
  std::vector<GroupRate> groups;  // compared groups and too-small ones in `order`, then by name; excluded last
  std::size_t compared_groups = 0;
  // Over the compared groups, when there are at least two:
  std::optional<double> parity_difference;  // max rate - min rate
  std::optional<double> impact_ratio;       // min rate / max rate; none when max rate is 0
  std::string highest, lowest;              // groups with the max and min rate (first by order)
  bool four_fifths_flag = false;            // impact_ratio < four_fifths
  std::string note;                         // why no ratio, when there is none
};

struct FamilyAudit {
  std::string family;
  std::size_t selected = 0;  // selected persons in the population
  std::size_t population = 0;
  std::vector<AttributeAudit> attributes;  // in the input's order
};

// One FamilyAudit per entry of `selected`, in key order.
std::vector<FamilyAudit> audit_bias(const BiasAuditInput& input);

}  // namespace corridor::detect

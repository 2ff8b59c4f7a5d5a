#include "detect/bias_audit.hpp"

#include <algorithm>

namespace corridor::detect {

namespace {

// The groups a person falls in for one attribute.
std::vector<std::string> groups_of(const AuditPerson& p, const AuditAttribute& a) {
  const auto it = p.values.find(a.name);
  if (it == p.values.end() || it->second.empty()) return {kUnrecorded};
  if (it->second.size() > 1 && !a.multi_valued) return {kConflicting};
  return {it->second.begin(), it->second.end()};
}

std::size_t rank(const AuditAttribute& a, const GroupRate& g) {
  if (g.excluded) return a.order.size() + 1 + (g.group == kConflicting);
  const auto it = std::find(a.order.begin(), a.order.end(), g.group);
  return static_cast<std::size_t>(it - a.order.begin());  // order.size() when not listed
}

AttributeAudit audit_attribute(const BiasAuditInput& in, const AuditAttribute& a, const std::set<std::string>& chosen) {
  std::map<std::string, GroupRate> by_group;
  for (const auto& p : in.population) {
    const bool sel = chosen.count(p.id) > 0;
    for (const auto& g : groups_of(p, a)) {
      GroupRate& r = by_group[g];
      r.group = g;
      ++r.population;
      r.selected += sel;
    }
  }
  AttributeAudit out;
  out.attribute = a.name;
  for (auto& [name, r] : by_group) {
    r.rate = r.population ? static_cast<double>(r.selected) / static_cast<double>(r.population) : 0;
    r.excluded = name == kUnrecorded || name == kConflicting;
    r.too_small = !r.excluded && r.population < in.min_group;
    out.groups.push_back(r);
  }
  std::stable_sort(out.groups.begin(), out.groups.end(),
                   [&a](const GroupRate& x, const GroupRate& y) { return rank(a, x) < rank(a, y); });

  const GroupRate* hi = nullptr;
  const GroupRate* lo = nullptr;
  for (const auto& g : out.groups) {
    if (!g.compared()) continue;
    ++out.compared_groups;
    if (!hi || g.rate > hi->rate) hi = &g;
    if (!lo || g.rate < lo->rate) lo = &g;
  }
  if (out.compared_groups < 2) {
    out.note = out.compared_groups == 0 ? "no group with a recorded value has " + std::to_string(in.min_group) +
                                              " or more persons"
                                        : "only one group with a recorded value has " + std::to_string(in.min_group) +
                                              " or more persons";
    return out;
  }
  out.highest = hi->group;
  out.lowest = lo->group;
  out.parity_difference = hi->rate - lo->rate;
  if (hi->rate > 0) {
    out.impact_ratio = lo->rate / hi->rate;
    out.four_fifths_flag = *out.impact_ratio < in.four_fifths;
  } else {
    out.note = "no person of the compared groups is selected";
  }
  return out;
}

}  // namespace

std::vector<FamilyAudit> audit_bias(const BiasAuditInput& input) {
  std::vector<FamilyAudit> out;
  for (const auto& [family, chosen] : input.selected) {
    FamilyAudit f;
    f.family = family;
    f.population = input.population.size();
    for (const auto& p : input.population) f.selected += chosen.count(p.id);
    for (const auto& a : input.attributes) f.attributes.push_back(audit_attribute(input, a, chosen));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace corridor::detect

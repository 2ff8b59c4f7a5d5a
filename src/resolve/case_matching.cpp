#include "resolve/case_matching.hpp"

namespace corridor::resolve {

Comparison shared_value_comparison(std::string name, ListField field) {
  Comparison c;
  c.name = std::move(name);
  c.levels = {"shared", "none shared"};
  c.level = [=](const PreparedRecord& a, const PreparedRecord& b) {
    if ((a.*field).empty() || (b.*field).empty()) return -1;
    for (const auto& x : a.*field)
      for (const auto& y : b.*field)
        if (x == y) return 0;
    return 1;
  };
  return c;
}

std::vector<Comparison> case_person_comparisons() {
  auto out = person_comparisons();
  out.push_back(shared_value_comparison("account", &PreparedRecord::accounts));
  return out;
}

std::vector<BlockingRule> case_person_blocking_rules() {
  auto rules = person_blocking_rules();
  rules.push_back({"account", [](const PreparedRecord& r) { return r.accounts; }});
  rules.push_back({"one-word name skeleton", [](const PreparedRecord& r) {
                     if (!r.given.empty() || r.family_skeleton.empty()) return std::vector<std::string>{};
                     return std::vector<std::string>{r.family_skeleton};
                   }});
  return rules;
}

}  // namespace corridor::resolve

#include "resolve/hubs.hpp"

#include <algorithm>

namespace corridor::resolve {

std::vector<Hub> find_hubs(const std::string& kind, const std::unordered_map<std::string, std::size_t>& entities_per_value,
                           const HubPolicy& policy) {
  // The median is taken over values that link at least two entities: the ordinary
  // shared phone of a family, against which a hotline stands out.
  std::vector<std::size_t> shared;
  for (const auto& [value, n] : entities_per_value)
    if (n >= 2) shared.push_back(n);
  double median = 0;
  if (!shared.empty()) {
    std::nth_element(shared.begin(), shared.begin() + static_cast<std::ptrdiff_t>(shared.size() / 2), shared.end());
    median = static_cast<double>(shared[shared.size() / 2]);
  }
  std::vector<Hub> hubs;
  for (const auto& [value, n] : entities_per_value) {
    if (n < policy.min_entities) continue;
    std::string reason;
    if (n > policy.max_entities) {
      reason = "shared by " + std::to_string(n) + " entities, more than " + std::to_string(policy.max_entities);
    } else if (median > 0 && static_cast<double>(n) > policy.outlier_factor * median) {
      reason = "shared by " + std::to_string(n) + " entities, over " +
               std::to_string(static_cast<int>(policy.outlier_factor)) + " times the median of " +
               std::to_string(static_cast<int>(median));
    } else {
      continue;
    }
    hubs.push_back({kind, value, n, std::move(reason)});
  }
  std::sort(hubs.begin(), hubs.end(), [](const Hub& a, const Hub& b) { return a.value < b.value; });
  return hubs;
}

}  // namespace corridor::resolve

#pragma once
// Hub identifiers: a smuggler's hotline printed in ten thousand ads, a money-transfer
// agent's phone, a shared office address. Linking on them would glue unrelated people
// together, so they are flagged, said why, and kept out of blocking and comparison.
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace corridor::resolve {

struct HubPolicy {
  std::size_t max_entities = 25;  // shared by more entities than this: a hub whatever the rest do
  double outlier_factor = 20;     // or this many times the median of the shared values
  std::size_t min_entities = 5;   // never call a value shared by fewer entities a hub
};

struct Hub {
  std::string kind;   // "phone", "document number"
  std::string value;
  std::size_t entities = 0;
  std::string reason;
};

// `entities_per_value`: how many distinct entities carry each value. Sorted by value.
std::vector<Hub> find_hubs(const std::string& kind, const std::unordered_map<std::string, std::size_t>& entities_per_value,
                           const HubPolicy& policy);

}  // namespace corridor::resolve

#pragma once
// Shared by the extraction tests: one Scanner for the whole program (compiling the
// database is the slow part) and short ways to ask what a text yields.
#include <string>
#include <vector>

#include "extract/scanner.hpp"

namespace corridor::extract::testing {

inline const Scanner& scanner() {
  static const Scanner s;
  return s;
}

inline std::vector<Mention> scan_text(std::string_view text, ScanOptions opt = {}) {
  std::vector<Mention> out;
  scanner().scan(text, opt, [&](const Mention& m) { out.push_back(m); });
  return out;
}

// "type:value" of every mention, in order.
inline std::vector<std::string> values(std::string_view text, ScanOptions opt = {}) {
  std::vector<std::string> out;
  for (const auto& m : scan_text(text, opt)) out.push_back(m.type + ":" + m.value);
  return out;
}

// Values of one type only.
inline std::vector<std::string> of_type(std::string_view text, const std::string& type, ScanOptions opt = {}) {
  opt.types = {type};
  std::vector<std::string> out;
  for (const auto& m : scan_text(text, opt)) out.push_back(m.value);
  return out;
}

}  // namespace corridor::extract::testing

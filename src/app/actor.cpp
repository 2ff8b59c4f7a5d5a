#include "app/actor.hpp"

#include <cstdlib>

#include "corridor/version.hpp"

namespace corridor::app {

std::string resolve_actor(const std::string& option, store::CaseFolder& c) {
  if (!option.empty()) return option;
  if (const char* env = std::getenv("CORRIDOR_ACTOR"); env && *env) return env;
  std::string examiner = c.meta("examiner");
  return examiner.empty() ? "unknown" : examiner;
}

std::string tool_name() { return std::string(kToolName) + " " + kVersion; }

}  // namespace corridor::app

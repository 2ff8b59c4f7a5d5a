#pragma once
#include <string>

#include "store/case_folder.hpp"

namespace corridor::app {

// Writes one audit entry (and a signed checkpoint) in its own transaction: used by
// read-only commands, whose consultation the law still requires to be logged.
void record_access(store::CaseFolder& c, const std::string& actor, const std::string& action,
                   const std::string& object, const std::string& justification);

}  // namespace corridor::app

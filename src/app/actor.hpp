#pragma once
#include <string>

#include "store/case_folder.hpp"

namespace corridor::app {

// Who is acting, for custody and the audit ledger: the --actor option, else
// $CORRIDOR_ACTOR, else the case's examiner.
std::string resolve_actor(const std::string& option, store::CaseFolder& c);
// "corridor 0.1.0", recorded as the tool of every custody event.
std::string tool_name();

}  // namespace corridor::app

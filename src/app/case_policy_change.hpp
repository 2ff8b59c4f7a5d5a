#pragma once
// Use case: change the case policy (store/case_policy.hpp); each setting changed is a row
// under the ledger and the change is one alteration entry naming old and new values.
#include <string>
#include <utility>
#include <vector>

#include "store/case_folder.hpp"
#include "store/case_policy.hpp"

namespace corridor::app {

struct PolicySetting {
  std::string name;   // require_why, review_by, auto_merge_above
  std::string value;  // as stored: "export,person", "2027-06-30", "0.98" or "" (off)
};

// Checks every value (exit 2 naming the bad one) before writing any.
store::CasePolicy change_case_policy(store::CaseFolder& c, const std::vector<PolicySetting>& settings,
                                     const std::string& actor, const std::string& justification);

// True when the retention review date has passed (today, UTC, is after it).
bool retention_review_due(const store::CasePolicy& p, const std::string& today);

}  // namespace corridor::app

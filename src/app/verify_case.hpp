#pragma once
// Use case: re-hash every evidence item and check the audit ledger. A clean result is
// itself recorded (custody "verified" per item, one ledger entry); a failed one writes
// nothing, so a tampered case is not re-sealed by checking it.
#include <string>
#include <vector>

#include "store/case_folder.hpp"

namespace corridor::app {

struct VerifyReport {
  std::int64_t items_checked = 0;
  std::int64_t ledger_entries = 0;
  std::vector<std::string> problems;  // each names the item or entry
  std::vector<std::string> notes;     // harmless findings (leftovers of an interrupted add)
  bool ok() const { return problems.empty(); }
};

VerifyReport verify_case(store::CaseFolder& c, const std::string& actor, bool progress);

}  // namespace corridor::app

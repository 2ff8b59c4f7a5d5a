#pragma once
// The bias audit as JSON, for `corridor audit-bias --json` and the team server's auditor:
// aggregates only (group sizes, rates, flags, what each family's inputs are), no person.
#include <nlohmann/json.hpp>

#include "app/bias_audit_case.hpp"

namespace corridor::app {

// What "selected" means in the audit, in words (help text and the JSON's selected_means).
extern const char* const kBiasSelectedMeans;

// `case_name`: as the caller names the case (the CLI its folder, the server the case's name).
nlohmann::ordered_json bias_audit_json(const std::string& case_name, const BiasAuditReport& r);

// The ledger's line for a bias audit: "bias audit: 40 persons, 3 detector families, 0 four-fifths flags".
std::string bias_audit_summary(const BiasAuditReport& r);

}  // namespace corridor::app

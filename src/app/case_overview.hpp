#pragma once
// What a person first wants to see of a case: counts, the identifiers that tie the most
// evidence together, and the evidence list. Read-only queries over case.db.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

struct LinkedIdentifier {
  Entity entity;
  std::string value;            // the identifier itself (+218..., wallet, handle)
  std::int64_t records = 0;     // messages, posts, documents that mention or use it
  std::int64_t evidence_items = 0;
  std::vector<std::string> sample_locators;  // "result.json message:42", at most 3
};

struct CaseOverview {
  std::map<std::string, std::int64_t> entities_by_schema;
  std::int64_t statements = 0, evidence_items = 0, ais_positions = 0, audit_entries = 0;
  std::vector<Evidence> evidence;
  std::vector<LinkedIdentifier> top_identifiers;
};

// `top` identifiers (phones, accounts, wallets, bank accounts, e-mail) ranked by how many
// distinct records link to them.
CaseOverview case_overview(store::CaseFolder& c, int top);

}  // namespace corridor::app

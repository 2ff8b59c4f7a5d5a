#pragma once
// Use cases of LED Art. 16: erasing a person's data from a case, and restricting it.
//
// Erasure deletes, in one batch under the ledger, the statements of the entity's cluster
// (the entity and those merged into it), the statements of other entities that name it
// (a message's sender, a mention), the entities themselves, their subject categories and
// kept-apart pairs, the indicators about them (with their reviews), and the indicator
// reasons that only the erased statements support; a reason that other statements support
// too is kept, citing those, with the person's captions and identifiers in its text
// replaced by `[erased]`. Every deleted row leaves a tombstone (its row hash), so the
// ledger's commitments still verify; every ledger entry naming one of the erased ids is
// redacted (its content blanked, its digest kept). Evidence files are never altered: they
// are exhibits (docs/safeguards.md says how an exhibit itself is withdrawn). Nothing maps a
// pseudonym back to the person afterwards: pseudonyms are computed from the erased rows.
#include <cstdint>
#include <string>
#include <vector>

#include "store/case_folder.hpp"

namespace corridor::app {

struct ErasureReport {
  std::vector<std::string> entities;  // the cluster erased
  std::size_t statements = 0, references = 0, reasons = 0, reasons_kept = 0, indicators = 0, reviews = 0;
  std::size_t categories = 0, kept_apart = 0, changes = 0, redacted_entries = 0;
  std::int64_t entry = 0;  // the erasure's ledger entry
};

// Throws corridor::Error (exit 2) without a legal basis or a reason; exit 3 for an entity
// the case does not have. All or nothing: a failure leaves the case as it was.
ErasureReport erase_entity(store::CaseFolder& c, const std::string& entity, const std::string& legal_basis,
                           const std::string& actor, const std::string& why);

}  // namespace corridor::app

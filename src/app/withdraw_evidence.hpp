#pragma once
// Withdrawing an exhibit from a case: an item collected unlawfully, or one a court ordered
// excluded. In one batch under the ledger: the item and every item extracted from it get a
// `withdrawn` custody event; what Corridor derived from them goes (their statements, AIS
// rows, the indicator reasons only they support, indicators left without a reason or
// about a vessel whose positions went, and entities nothing else speaks of), each row
// tombstoned so the ledger still verifies; then the vault copies are removed. The evidence
// rows stay, with their custody, as the record that the exhibit existed and was
// withdrawn; `verify` accepts the absence of their bytes and fails if they are still there.
// The bytes can be handed over first (`hand_over`): copied out and checked against their
// SHA-256. Withdrawn bytes are refused if added again (store::EvidenceStore::insert_or_get).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

struct WithdrawalRequest {
  std::string item;  // evidence id, or its SHA-256
  std::string legal_basis, why, actor;
  std::filesystem::path hand_over;  // empty: the vault copies are removed without a copy
};

struct WithdrawalReport {
  std::vector<Evidence> items;  // the item, then those extracted from it
  std::size_t statements = 0, ais_rows = 0, entities = 0, indicators = 0, reviews = 0, reasons = 0,
              reasons_kept = 0;
  std::vector<std::filesystem::path> handed_over;
  std::vector<std::string> still_in_vault;  // copies that could not be removed (run it again)
  bool already = false;                      // withdrawn before: only left-over copies removed
  std::int64_t entry = 0;                    // the withdrawal's ledger entry
};

// Throws corridor::Error: exit 2 without a legal basis or reason, for an item withdrawn
// before with nothing left to remove, or a hand-over folder inside the case; 3 for an item
// the case does not have. All or nothing: a failure before the vault copies are removed
// leaves the case as it was.
WithdrawalReport withdraw_evidence(store::CaseFolder& c, const WithdrawalRequest& req);

}  // namespace corridor::app

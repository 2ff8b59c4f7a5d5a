#pragma once
// Use case: check a case the way a court or a supervisory authority would. Re-hashes every
// evidence item, runs SQLite's integrity check, checks the audit ledger (hash chain, signed
// checkpoints, genesis entry), recomputes every row commitment from the rows in the
// database, and checks file permissions. It never writes and never signs: checking a
// tampered case must not seal it, and a third party can verify without the signing key.
#include <optional>
#include <string>
#include <vector>

#include "store/audit_ledger.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

struct VerifyReport {
  std::int64_t items_checked = 0;
  std::int64_t ledger_entries = 0;
  std::int64_t signed_entries = 0;
  std::vector<std::int64_t> redacted;  // entries whose content was lawfully redacted
  std::vector<std::string> problems;  // each names the item, row or entry
  std::vector<std::string> notes;     // harmless findings
  bool ok() const { return problems.empty(); }
};

struct VerifyOptions {
  bool progress = false;
  std::optional<store::Checkpoint> against;  // a checkpoint kept outside the case
};

VerifyReport verify_case(store::CaseFolder& c, const VerifyOptions& opt);

// A checkpoint as `corridor log --checkpoint` prints it (JSON), for --against.
store::Checkpoint checkpoint_from_json(const std::string& text, const std::string& where);
std::string checkpoint_json(const store::Checkpoint& c, const std::string& case_id, const std::string& public_key);

}  // namespace corridor::app

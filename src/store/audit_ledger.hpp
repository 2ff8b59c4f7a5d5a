#pragma once
// The tamper-evident audit ledger (EU Law Enforcement Directive art. 25 logging):
// every collection, alteration, consultation, disclosure, combination and erasure is an
// entry. Entries are hash-chained and are the leaves of an RFC 9162 Merkle tree; the
// case signs checkpoints (tree size, root) with its Ed25519 key.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/sha256.hpp"
#include "model/types.hpp"
#include "store/case_keys.hpp"
#include "store/sqlite.hpp"

namespace corridor::store {

namespace audit_action {
inline constexpr const char* kGenesis = "genesis";
inline constexpr const char* kCollection = "collection";
inline constexpr const char* kAlteration = "alteration";
inline constexpr const char* kConsultation = "consultation";
inline constexpr const char* kDisclosure = "disclosure";
inline constexpr const char* kCombination = "combination";
inline constexpr const char* kErasure = "erasure";
}  // namespace audit_action

struct Checkpoint {
  std::int64_t id = 0;
  std::int64_t tree_size = 0;
  std::string root;  // hex
  std::string at;
  std::string signature;  // hex Ed25519 over message()
  std::string message() const;
};

struct InclusionProof {
  AuditEntry entry;
  std::string leaf_hash;
  std::int64_t tree_size = 0;
  std::string root;
  std::vector<std::string> path;  // hex, RFC 9162 order
  std::optional<Checkpoint> checkpoint;  // the signed checkpoint the proof is against
};

struct LedgerProblem {
  std::optional<std::int64_t> seq;  // the entry at fault, when one can be named
  std::string what;
};

// What one ledger entry records; the content fields (actor, os_user, object,
// justification) are the redactable part.
struct EntryContent {
  std::string actor;
  std::string action;
  std::string object;
  std::string justification;
  std::string rows;     // RowCommitment::text() of the batch, empty for a consultation
  std::string os_user;  // empty: the account running this process
};

// The operating-system account running this process ("uid N" when it has no name).
std::string operating_system_user();

// What verify learns of the ledger besides its problems.
struct LedgerFacts {
  std::int64_t entries = 0;
  std::int64_t signed_size = 0;  // entries covered by the newest valid signed checkpoint
  std::vector<std::int64_t> redacted;  // entries whose content was redacted
  std::vector<std::string> notes;
};

class AuditLedger {
 public:
  explicit AuditLedger(Db& db) : db_(db) {}

  // The caller holds a Transaction, so the entry commits or vanishes with its action.
  AuditEntry append(const EntryContent& content);
  AuditEntry append(const std::string& actor, const std::string& action, const std::string& object,
                    const std::string& justification) {
    return append(EntryContent{actor, action, object, justification, "", ""});
  }
  // The number the next appended entry will get.
  std::int64_t next_seq();
  // Erases the content of entry `seq` (actor, operating-system account, object,
  // justification and salt) for a lawful erasure; the entry keeps its content digest, so
  // the chain, the checkpoints and every proof still verify. `note` says when and why.
  void redact(std::int64_t seq, const std::string& note);
  // Signs the current (size, root) unless the last checkpoint already covers it.
  std::optional<Checkpoint> checkpoint(const CaseKeys& keys);

  std::int64_t size();
  // The newest entry that is not a consultation (seq -1 on an empty ledger): every change
  // to the case appends one, so an answer made at this mark is current while it stays. Its
  // chained hash tells a case apart from a restored copy that reached the same number.
  struct Mark {
    std::int64_t seq = -1;
    std::string hash;
  };
  Mark last_change();
  std::vector<AuditEntry> entries(std::int64_t from = 0, std::int64_t limit = -1);
  std::vector<Checkpoint> checkpoints();
  InclusionProof prove(std::int64_t seq);
  // Never writes: a check of a tampered case must not seal it. `facts` receives what was seen.
  std::vector<LedgerProblem> verify(const std::string& public_key_hex, LedgerFacts* facts = nullptr);
  // The latest checkpoint (none on an empty ledger).
  std::optional<Checkpoint> latest_checkpoint();
  // Problems unless the ledger extends `saved` (RFC 9162 consistency), naming what is missing.
  std::vector<LedgerProblem> verify_extends(const Checkpoint& saved, const std::string& public_key_hex);

 private:
  // The Merkle root over every entry and the tree's size, grown from what this process
  // last read of the same ledger.
  Digest current_root(std::int64_t& size);
  std::vector<Digest> stored_leaf_hashes();
  Db& db_;
};

}  // namespace corridor::store

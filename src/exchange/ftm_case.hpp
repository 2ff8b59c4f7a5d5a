#pragma once
// What the FtM mapping of one entity needs to know about the others, read from the case
// store before the entities are written one by one: every entity's schema and caption;
// the evidence items (their Document entity, name, acquisition date, the archive they
// came out of); the identifier an entity stands for (a phone's number goes onto the
// messages that mention it); who owns an account; which accounts pay, send or post (FtM's
// payer and sender are legal entities, so these accounts need one).
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/sqlite.hpp"

namespace corridor::exchange {

struct CaseEntity {
  std::string id, schema, caption;
};

struct EvidenceItem {
  std::string document;  // the id of the Document entity its ingest made
  std::string name, sha256;
  std::string retrieved_at;  // when it was acquired (else added), ISO 8601
  std::int64_t parent = 0;   // the evidence row of the archive it came out of, 0 if none
};

class FtmCase {
 public:
  explicit FtmCase(store::Db& db);

  // By entity row id; rows never used are empty (no id).
  const std::vector<CaseEntity>& entities() const { return entities_; }
  const CaseEntity* find(std::string_view id) const;
  const EvidenceItem* evidence(std::int64_t row) const;
  // A Phone's number, an Email's address, a BankAccount's IBAN, a UserAccount's user id,
  // a Passport's number; empty when none was stated.
  const std::string& identifier(std::string_view id) const { return lookup(identifiers_, id); }
  // The entity an account, address or passport is stated to belong to (an assessment);
  // empty when none is stated or it is not in the case.
  const std::string& owner(std::string_view id) const { return lookup(owners_, id); }
  // Named as payer, beneficiary, sender, recipient or author somewhere in the case.
  bool is_party(std::string_view id) const { return parties_.contains(std::string(id)); }
  // The extractors whose facts were read from the evidence item this Document stands for
  // ("phone@1 whatsapp@1"), written as the Document's processingAgent: an FtM reader sees
  // who made the facts whose proof it is (assessments are Similar entities of their own).
  const std::string& facts_made_by(std::string_view document) const { return lookup(makers_, document); }
  // An evidence item other items came out of (its Document becomes an FtM Package).
  bool is_package(std::string_view document) const { return packages_.contains(std::string(document)); }

 private:
  static const std::string& lookup(const std::unordered_map<std::string, std::string>& m, std::string_view id);
  std::vector<CaseEntity> entities_;
  std::unordered_map<std::string, std::size_t> row_of_;
  std::unordered_map<std::int64_t, EvidenceItem> evidence_;
  std::unordered_map<std::string, std::string> identifiers_, owners_, makers_;
  std::unordered_set<std::string> parties_, packages_;
};

// The value of `key` in a validator's "key=value;key=value" detail ("number" of a
// machine-readable zone); empty when absent.
std::string detail_value(std::string_view detail, std::string_view key);

}  // namespace corridor::exchange

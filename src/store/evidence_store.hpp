#pragma once
// Evidence rows and their chain of custody, in case.db.
#include <optional>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "store/sqlite.hpp"

namespace corridor::store {

class EvidenceStore {
 public:
  explicit EvidenceStore(Db& db) : db_(db) {}

  // Inserts the item, or returns the existing row for the same sha256 (first
  // acquisition and name are kept; later ones are custody events). Sets e.id. The bytes
  // of a withdrawn item are refused (exit 2): a withdrawn exhibit does not come back.
  bool insert_or_get(Evidence& e);
  void add_custody(const CustodyEvent& ev);

  std::vector<Evidence> list();
  std::optional<Evidence> by_sha256(const std::string& sha);
  std::optional<Evidence> by_id(std::int64_t id);
  std::vector<CustodyEvent> custody(const std::string& sha);
  std::vector<CustodyEvent> all_custody();
  // The custody event that withdrew the item from the case, if it was withdrawn.
  std::optional<CustodyEvent> withdrawal(std::int64_t evidence_id);

 private:
  Db& db_;
};

}  // namespace corridor::store

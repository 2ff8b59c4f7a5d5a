#pragma once
// One write batch under the audit ledger: everything a command writes in one transaction
// (an ingest of one item, a detector run, a review...) ends with one ledger entry that
// commits to the rows it inserted (store/row_commitments.hpp) and a signed checkpoint.
//
//   Transaction tx(db);
//   LedgerBatch batch(db);            // before the first write
//   ... insert, update, batch.tombstone(...) before deleting ...
//   batch.commit(ledger, content, keys);
//   tx.commit();
//
// While a batch is open, changes to changeable columns of rows of earlier batches are
// recorded in row_changes by temporary triggers of this connection; changes made outside
// a batch are not, and verify reports them.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "store/audit_ledger.hpp"
#include "store/case_keys.hpp"
#include "store/row_commitments.hpp"
#include "store/sqlite.hpp"

namespace corridor::store {

class LedgerBatch {
 public:
  // Call inside a Transaction, before the batch writes anything. kEveryRow commits every
  // row already there too (a case from before the ledger committed to rows).
  enum Scope { kNewRows, kEveryRow };
  explicit LedgerBatch(Db& db, Scope scope = kNewRows);
  ~LedgerBatch();
  LedgerBatch(const LedgerBatch&) = delete;
  LedgerBatch& operator=(const LedgerBatch&) = delete;

  std::int64_t seq() const { return seq_; }
  // Before deleting a row an earlier batch inserted: record its row hash (a row this
  // batch inserted needs none). Deleting an indicator also tombstones its reasons.
  void tombstone(std::string_view table, std::int64_t id);
  // This batch replaced, as a whole, the rows first..last of `table` that earlier batches
  // inserted (a re-ingest deleted them without tombstones). Call it after the deletion.
  void supersede(std::string_view table, std::int64_t first, std::int64_t last);
  // A stream a bulk writer hashes this batch's new rows of `table` into as it inserts them
  // (StatementWriter::hash_into). The writer must insert all of them, in id order, and
  // leave them unchanged; commit checks it covers exactly the new ids, else reads back.
  RowStream* stream(std::string_view table);
  // Appends the entry committing the batch's rows and signs a checkpoint over it.
  AuditEntry commit(AuditLedger& ledger, EntryContent content, const CaseKeys& keys);

 private:
  Db& db_;
  std::int64_t seq_ = 0;
  std::map<std::string, std::int64_t> before_;
  RowCommitment superseded_;
  std::map<std::string, RowStream> streams_;
  bool open_ = true;
};

// The same, for code in the store that deletes rows while some caller's batch is open
// (does nothing without one: verify then reports the row as missing).
void tombstone_in_batch(Db& db, std::string_view table, std::int64_t id);

}  // namespace corridor::store

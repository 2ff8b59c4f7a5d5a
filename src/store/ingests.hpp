#pragma once
// The ingests table — which evidence items were read — and replacing what an earlier read
// of an item wrote, for `ingest --again`.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite.hpp"

namespace corridor::store {

// Whether the item has been ingested. Decisive only inside the ingest's write transaction:
// a concurrent ingest of the same item has then either committed or not begun.
bool already_ingested(Db& db, std::int64_t evidence_id);

// The ids a replacement deleted from one table, first to last.
struct DeletedSpan {
  std::string table;
  std::int64_t first = 0, last = 0;
};

struct ReplacedIngest {
  std::vector<DeletedSpan> spans;  // per table, for the ledger (LedgerBatch::supersede)
  std::int64_t statements = 0;
  std::int64_t ais_rows = 0;    // positions and identity reports
  std::int64_t ingests = 0;     // rows of the item and of its nested files
  std::int64_t indicators = 0;  // open, never reviewed, citing a deleted statement
};

// The caller holds the write Transaction, opened inside a ReplacingIngest, and reads the
// item again in it. Deletes what the earlier ingests of the item and of the files nested
// in it (evidence.parent_id, at any depth) wrote: statements (except those whose extractor
// is `kept_extractor`, the assessments of another use case that cite the item), AIS rows
// and ingests rows, so the read adds one copy, not a second. Entities, evidence rows and
// custody stay: the read finds the same entity ids. Open indicators nobody reviewed that
// cite a deleted statement are deleted (the next detector run makes them again) and leave
// their tombstones under the caller's ledger batch; when a
// reviewed indicator cites one, throws corridor::Error before deleting anything.
ReplacedIngest replace_previous_ingest(Db& db, std::int64_t evidence_id, std::string_view kept_extractor);

// Opened before the Transaction of a re-ingest (SQLite changes the setting only outside
// one), when `replacing`: foreign keys unchecked while it lasts. Deleting a file's
// statements would otherwise scan reason_statements, which has no index by statement, once
// per statement (200,000 statements, 5,000 of them cited: 222 s instead of 0.7 s).
// replace_previous_ingest keeps the references whole itself and checks them.
class ReplacingIngest {
 public:
  ReplacingIngest(Db& db, bool replacing);
  ~ReplacingIngest();
  ReplacingIngest(const ReplacingIngest&) = delete;
  ReplacingIngest& operator=(const ReplacingIngest&) = delete;

 private:
  Db& db_;
  bool replacing_;
};

}  // namespace corridor::store

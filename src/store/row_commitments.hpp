#pragma once
// What the audit ledger commits to besides its own entries: every row that carries a fact,
// an assessment or a decision. A write batch (one ingest, one detector run, one review...)
// ends with a ledger entry whose `rows` field names, per table, the id range it inserted,
// the row count and a digest of those rows; `verify` recomputes the digests from the rows.
//
// Digest of a batch's rows of one table = SHA-256 over (id, SHA-256(row)) in id order, so
// that a row deleted later by a logged batch (an indicator re-run, an erasure) can stand in
// by its row hash alone (a tombstone in row_changes) without keeping its content.
// Columns that later batches may change (an entity's caption and canonical id, an
// indicator's review state) are committed as they were inserted; each later change is a
// row of row_changes (old and new value), itself committed by the batch that made it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/sha256.hpp"
#include "store/sqlite.hpp"

namespace corridor::store {

// One committed range: "statements 1001-7000 6000 <hex>".
struct RowRange {
  std::string table;
  std::int64_t first = 0, last = 0, count = 0;
  std::string digest;  // hex
  std::string text() const;
};

// The `rows` field of a ledger entry: ranges separated by ';', and tables whose rows of
// earlier batches this batch replaced as a whole (re-ingest): "~statements 1-7000".
struct RowCommitment {
  std::vector<RowRange> ranges;
  std::vector<RowRange> superseded;  // digest and count unused
  std::string text() const;
  static std::optional<RowCommitment> parse(std::string_view text);
  bool empty() const { return ranges.empty() && superseded.empty(); }
};

struct CoveredTable {
  std::string_view name;
  std::string_view id;       // the integer primary key
  std::string_view columns;  // the rest, in the order they are hashed
  std::vector<std::string_view> changeable;  // columns later batches may change
  std::string_view children;  // rows that belong to one parent (?1), hashed with it
};

// Every table under the ledger, in the order batches list them.
const std::vector<CoveredTable>& covered_tables();
const CoveredTable* covered_table(std::string_view name);

// The canonical bytes of one row as SQLite returns it: a type tag and the value per column.
void encode_value(std::string& out, sqlite3_stmt* s, int col);

// The canonical bytes of a row built from the values a writer binds: the same bytes
// encode_value gives when the row is read back, as long as the column's affinity keeps
// the bound type (integers in INTEGER columns, doubles in REAL ones, text in TEXT ones).
class RowEncoding {
 public:
  RowEncoding& null();
  RowEncoding& integer(std::int64_t v);
  RowEncoding& real(double v);
  RowEncoding& text(std::string_view v);
  void clear() { bytes_.clear(); }
  std::string& bytes() { return bytes_; }
  Digest hash() const;

 private:
  std::string bytes_;
};

// One table's new rows of a batch, hashed in id order into a RowRange: by commit_new_rows
// as it reads them back, or by a bulk writer as it inserts them (LedgerBatch::stream),
// which spares re-reading millions of rows at the end of an ingest.
class RowStream {
 public:
  explicit RowStream(std::string_view table);
  // Ids must increase; throws otherwise (the range would not be the one verify reads).
  void add(std::int64_t id, const Digest& row_hash);
  std::int64_t count() const { return range_.count; }
  std::int64_t first() const { return range_.first; }
  std::int64_t last() const { return range_.last; }
  // A row already hashed was changed afterwards: the batch reads the table back instead.
  void spoil();
  bool spoiled() const { return spoiled_; }
  // The range (digest filled in); the stream is spent afterwards.
  RowRange finish();

 private:
  void drain();
  RowRange range_;
  Sha256 digest_;
  std::string pending_;  // (id, row hash) pairs not yet fed to the digest
  bool spoiled_ = false;
};

// The largest id of every covered table (0 when empty): where a batch's new rows start.
std::map<std::string, std::int64_t> high_water(Db& db);

// Hashes the rows each table gained above `before` (as they are now) into ranges.
// Tables in `streamed` take the writer's range instead, once checked to cover exactly the
// ids above `before` (they are read back when it does not).
RowCommitment commit_new_rows(Db& db, const std::map<std::string, std::int64_t>& before,
                              std::map<std::string, RowStream>* streamed = nullptr);

// A change a batch made to a row an earlier batch inserted: a changeable column's old and
// new value (encoded as encode_value does), or, with column kDeleted, the row's deletion
// with its row hash (hex) in old_value, standing in for it in its batch's digest.
inline constexpr std::string_view kDeleted = "*";
struct RowChange {
  std::int64_t row = 0;
  std::string column;
  std::string old_value, new_value;
  std::int64_t batch = 0;
};
std::vector<RowChange> row_changes_of(Db& db, std::string_view table, std::optional<std::int64_t> row = {});

// The row hash of one stored row as it was inserted (children included): for a tombstone
// before deleting it.
Digest row_hash(Db& db, const CoveredTable& t, std::int64_t id);

// What verify finds: a row that differs, is missing, or was added outside a logged batch.
struct RowProblem {
  std::string table;
  std::optional<std::int64_t> row;    // when one row can be named
  std::optional<std::int64_t> batch;  // the ledger entry that committed it
  std::string what;
};
// Recomputes every committed range from the rows now in the database. `batches` are the
// ledger's entries with their row commitments, in ledger order.
std::vector<RowProblem> verify_rows(Db& db, const std::vector<std::pair<std::int64_t, RowCommitment>>& batches);

}  // namespace corridor::store

#include "store/ledger_batch.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace corridor::store {

namespace {

// The batch in progress on this connection, read by the triggers below.
constexpr const char* kBatchTable =
    "CREATE TEMP TABLE IF NOT EXISTS ledger_batch(seq INTEGER NOT NULL, entities_hw INTEGER NOT NULL, "
    "indicators_hw INTEGER NOT NULL)";

// One trigger per changeable column: a change to a row of an earlier batch leaves its old
// and new value in row_changes under the batch's entry.
std::string change_trigger(std::string_view table, std::string_view id, std::string_view column,
                           std::string_view high_water) {
  const std::string t(table), i(id), c(column), hw(high_water);
  return "CREATE TEMP TRIGGER IF NOT EXISTS ledger_" + t + "_" + c + " AFTER UPDATE OF " + c + " ON main." + t +
         " WHEN OLD." + c + " IS NOT NEW." + c + " AND OLD." + i + " <= (SELECT " + hw +
         " FROM ledger_batch) BEGIN INSERT INTO row_changes(batch, tbl, row_id, col, old, new) "
         "VALUES((SELECT seq FROM ledger_batch), '" + t + "', OLD." + i + ", '" + c + "', OLD." + c + ", NEW." +
         c + "); END";
}

}  // namespace

LedgerBatch::LedgerBatch(Db& db, Scope scope) : db_(db) {
  AuditLedger ledger(db_);
  seq_ = ledger.next_seq();
  before_ = high_water(db_);
  if (scope == kEveryRow)
    for (auto& [table, hw] : before_) hw = 0;
  db_.exec(kBatchTable);
  db_.exec("CREATE TEMP TABLE IF NOT EXISTS ledger_hw(tbl TEXT PRIMARY KEY, hw INTEGER NOT NULL)");
  db_.exec("DELETE FROM temp.ledger_batch; DELETE FROM temp.ledger_hw");
  Stmt put(db_, "INSERT INTO temp.ledger_batch(seq, entities_hw, indicators_hw) VALUES(?,?,?)");
  put.bind(1, seq_).bind(2, before_["entities"]).bind(3, before_["indicators"]).run();
  Stmt hw(db_, "INSERT INTO temp.ledger_hw(tbl, hw) VALUES(?,?)");
  for (const auto& [table, id] : before_) hw.bind(1, table).bind(2, id).run();
  for (const auto& t : covered_tables())
    for (auto column : t.changeable) db_.exec(change_trigger(t.name, t.id, column, t.name == "entities" ? "entities_hw" : "indicators_hw"));
}

LedgerBatch::~LedgerBatch() {
  // Outside the batch no change is recorded (the transaction may already be gone).
  sqlite3_exec(db_.handle(), "DELETE FROM temp.ledger_batch; DELETE FROM temp.ledger_hw", nullptr, nullptr, nullptr);
}

void LedgerBatch::tombstone(std::string_view table, std::int64_t id) { tombstone_in_batch(db_, table, id); }

void tombstone_in_batch(Db& db, std::string_view table, std::int64_t id) {
  const CoveredTable* t = covered_table(table);
  if (!t) throw Error(std::string(table), "not a table under the ledger");
  std::int64_t seq = 0, hw = 0;
  {
    Stmt exists(db, "SELECT 1 FROM sqlite_temp_master WHERE name = 'ledger_hw'");
    if (!exists.step()) return;  // no batch ever on this connection
  }
  {
    Stmt q(db, "SELECT b.seq, h.hw FROM temp.ledger_batch b, temp.ledger_hw h WHERE h.tbl = ?");
    q.bind(1, table);
    if (!q.step()) return;  // no batch: verify will report the deletion
    seq = q.int64(0);
    hw = q.int64(1);
  }
  if (id > hw) return;  // the batch's own row
  if (table == "indicators") {
    Stmt reasons(db, "SELECT id FROM indicator_reasons WHERE indicator = ?");
    reasons.bind(1, id);
    std::vector<std::int64_t> ids;
    while (reasons.step()) ids.push_back(reasons.int64(0));
    for (auto r : ids) tombstone_in_batch(db, "indicator_reasons", r);
  }
  const std::string hash = to_hex(row_hash(db, *t, id));
  Stmt put(db, "INSERT INTO row_changes(batch, tbl, row_id, col, old, new) VALUES(?,?,?,?,?,NULL)");
  put.bind(1, seq).bind(2, table).bind(3, id).bind(4, kDeleted).bind(5, hash).run();
}

void LedgerBatch::supersede(std::string_view table, std::int64_t first, std::int64_t last) {
  // Called after the rows are deleted. When they were the top of the table, SQLite gives
  // new rows their ids again: this batch's new rows start above what is left.
  const CoveredTable* t = covered_table(table);
  if (!t) throw Error(std::string(table), "not a table under the ledger");
  Stmt left(db_, "SELECT coalesce(max(" + std::string(t->id) + "), 0) FROM " + std::string(t->name));
  left.step();
  auto& hw = before_[std::string(table)];
  hw = std::min(hw, left.int64(0));
  Stmt mirror(db_, "UPDATE temp.ledger_hw SET hw = ? WHERE tbl = ?");
  mirror.bind(1, hw).bind(2, table).run();
  RowRange r;
  r.table = std::string(table);
  r.first = first;
  r.last = last;
  superseded_.superseded.push_back(r);
}

RowStream* LedgerBatch::stream(std::string_view table) {
  if (!covered_table(table)) throw Error(std::string(table), "not a table under the ledger");
  return &streams_.try_emplace(std::string(table), table).first->second;
}

AuditEntry LedgerBatch::commit(AuditLedger& ledger, EntryContent content, const CaseKeys& keys) {
  if (!open_) throw Error("ledger batch", "committed twice");
  RowCommitment rows = commit_new_rows(db_, before_, &streams_);
  rows.superseded = superseded_.superseded;
  content.rows = rows.text();
  if (ledger.next_seq() != seq_)
    throw Error("audit ledger", "an entry was appended inside the batch of entry " + std::to_string(seq_));
  AuditEntry e = ledger.append(content);
  ledger.checkpoint(keys);
  open_ = false;
  return e;
}

}  // namespace corridor::store

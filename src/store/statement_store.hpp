#pragma once
// Entities and statements: the FollowTheMoney statement model plus byte provenance.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/types.hpp"
#include "store/entity_row_ids.hpp"
#include "store/row_commitments.hpp"
#include "store/sqlite.hpp"

namespace corridor::store {

class LedgerBatch;

struct StoredStatement {
  std::int64_t id = 0;
  Statement statement;
};

// A statement as the bulk writer reads it: views of text kept alive by the caller until
// insert() returns (a write-behind batch packs thousands into one buffer instead of
// allocating each string).
struct StatementRow {
  std::string_view entity_id, schema, property, value, original_value;
  std::string_view evidence_sha256, record, extractor, observed_at;
  std::optional<std::uint64_t> offset, length;
  StatementKind kind = StatementKind::Fact;
  double confidence = 1.0;
  static StatementRow of(const Statement& s);
};

// The statement's row hash for the audit ledger (store/row_commitments.hpp), from the
// row as written: what verify recomputes from the stored row.
Digest statement_row_hash(RowEncoding& scratch, const StatementRow& s);

// Bulk writer for one transaction: caches entity and evidence row ids, so it must not
// outlive the transaction it writes in (a rollback would leave the caches stale).
class StatementWriter {
 public:
  explicit StatementWriter(Db& db);
  // Creates missing entities (canonical id = id). Returns the new statements' first id.
  // `row_hashes`, when given, are the rows' statement_row_hash (computed by the caller's
  // thread); otherwise the writer computes them when it hashes rows at all.
  std::int64_t insert(std::span<const StatementRow> rows, std::span<const Digest> row_hashes = {});
  std::int64_t insert(std::span<const Statement> batch);
  std::int64_t insert(const Statement& s) { return insert(std::span<const Statement>(&s, 1)); }
  // Ensures the entity exists; sets its caption when it has none.
  std::int64_t ensure_entity(std::string_view id, std::string_view schema, std::string_view caption = "");
  // Hashes every statement and entity it inserts into the ledger batch's streams for
  // those tables (LedgerBatch::stream), so that the batch need not read them back.
  void hash_into(RowStream* statements, RowStream* entities) {
    hashed_ = statements;
    hashed_entities_ = entities;
  }
  // The same with the batch's streams, which a caller writing other tables beside the
  // statements (AIS rows) then reaches through stream().
  void hash_into(LedgerBatch& batch);
  RowStream* stream(std::string_view table);
  bool hashes_rows() const { return hashed_ != nullptr; }

 private:
  // As the public one, with the id's EntityRowIds::hash already computed.
  std::int64_t ensure_entity(std::uint64_t hash, std::string_view id, std::string_view schema,
                             std::string_view caption);
  // The entity's row id, inserting it when the case has none (not cached).
  std::int64_t stored_entity(std::string_view id, std::string_view schema, std::string_view caption);
  std::int64_t evidence_rowid(std::string_view sha);
  // Looked up by string_view without making a string (C++20 heterogeneous lookup).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using IdMap = std::unordered_map<std::string, std::int64_t, Hash, std::equal_to<>>;
  Db& db_;
  Stmt insert_entity_, find_entity_, find_evidence_, insert_statement_, set_caption_;
  EntityRowIds entities_;
  IdMap evidence_;
  void insert_entity(std::string_view id, std::string_view schema, std::string_view caption);
  void set_caption(std::int64_t rid, std::string_view caption);
  RowStream* hashed_ = nullptr;
  RowStream* hashed_entities_ = nullptr;
  LedgerBatch* batch_ = nullptr;
  RowEncoding encoding_;
};

class StatementStore {
 public:
  explicit StatementStore(Db& db) : db_(db) {}

  std::optional<Entity> entity(const std::string& id);
  std::vector<StoredStatement> of_entity(const std::string& entity_id);
  // Entities that have an identifier statement (is_identifier_property) with this
  // exact normalised value: who else uses this phone, wallet, IBAN?
  std::vector<Entity> entities_by_value(const std::string& value);
  std::vector<StoredStatement> from_evidence(const std::string& sha256);
  std::int64_t count_statements();
  std::int64_t count_entities();

 private:
  std::vector<StoredStatement> query(const std::string& where, const std::string& arg);
  Db& db_;
};

}  // namespace corridor::store

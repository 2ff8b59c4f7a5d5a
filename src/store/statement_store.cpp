#include "store/statement_store.hpp"

#include "core/error.hpp"
#include "store/ledger_batch.hpp"

namespace corridor::store {

namespace {

// OR FAIL: a failing row stops the statement without undoing its earlier rows, so SQLite
// needs no statement journal (a copy of every page the statement touches); the caller's
// transaction is rolled back whole on any error anyway.
constexpr const char* kInsertHead =
    "INSERT OR FAIL INTO statements(entity, property, value, original_value, evidence, loc_offset, loc_length, loc_record, "
    "extractor, observed_at, kind, confidence, ident) VALUES";
constexpr int kColumns = 13;
// Rows per multi-row INSERT: one statement step per 64 rows instead of one per row
// (64 * 13 parameters, far below SQLite's limit).
constexpr std::size_t kRowsPerInsert = 64;

std::string multi_row_insert(std::size_t rows) {
  std::string sql(kInsertHead);
  for (std::size_t i = 0; i < rows; ++i) sql += i ? ",(?,?,?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?,?,?)";
  return sql;
}

void bind_values(Stmt& q, int p, const StatementRow& s, std::int64_t entity, std::int64_t evidence) {
  q.bind(p, entity).bind_static(p + 1, s.property).bind_static(p + 2, s.value).bind_static(p + 3, s.original_value);
  q.bind(p + 4, evidence);
  if (s.offset) q.bind(p + 5, static_cast<std::int64_t>(*s.offset)); else q.bind_null(p + 5);
  if (s.length) q.bind(p + 6, static_cast<std::int64_t>(*s.length)); else q.bind_null(p + 6);
  q.bind_static(p + 7, s.record).bind_static(p + 8, s.extractor).bind_static(p + 9, s.observed_at);
  q.bind(p + 10, static_cast<std::int64_t>(s.kind == StatementKind::Assessment)).bind(p + 11, s.confidence);
  q.bind(p + 12, static_cast<std::int64_t>(is_identifier_property(s.property)));
}

// Rows packed by a write-behind batch share one copy of repeated text: the same view
// is equal without comparing bytes.
bool same_text(std::string_view a, std::string_view b) {
  return (a.data() == b.data() && a.size() == b.size()) || a == b;
}

}  // namespace

Digest statement_row_hash(RowEncoding& e, const StatementRow& s) {
  e.clear();
  e.text(s.entity_id).text(s.property).text(s.value).text(s.original_value).text(s.evidence_sha256);
  if (s.offset) e.integer(static_cast<std::int64_t>(*s.offset)); else e.null();
  if (s.length) e.integer(static_cast<std::int64_t>(*s.length)); else e.null();
  e.text(s.record).text(s.extractor).text(s.observed_at);
  e.integer(s.kind == StatementKind::Assessment).real(s.confidence).integer(is_identifier_property(s.property));
  return e.hash();
}

StatementRow StatementRow::of(const Statement& s) {
  const Locator& loc = s.prov.locator;
  return {s.entity_id,          s.schema,     s.property,         s.value,           s.original_value,
          s.prov.evidence_sha256, loc.record, s.prov.extractor, s.prov.observed_at, loc.offset,
          loc.length,           s.kind,       s.confidence};
}

StatementWriter::StatementWriter(Db& db)
    : db_(db),
      // A new entity costs one INSERT, not a SELECT that misses and then an INSERT; an
      // entity that exists (from another file) is left alone and looked up below.
      insert_entity_(db, "INSERT INTO entities(id, schema, canonical_id, caption) VALUES(?,?,?,?) "
                         "ON CONFLICT(id) DO NOTHING"),
      find_entity_(db, "SELECT rid, caption FROM entities WHERE id = ?"),
      find_evidence_(db, "SELECT id FROM evidence WHERE sha256 = ?"),
      insert_statement_(db, std::string(kInsertHead) + "(?,?,?,?,?,?,?,?,?,?,?,?,?)"),
      set_caption_(db, "UPDATE entities SET caption = ? WHERE rid = ? AND caption = ''") {}

std::int64_t StatementWriter::ensure_entity(std::string_view id, std::string_view schema, std::string_view caption) {
  return ensure_entity(EntityRowIds::hash(id), id, schema, caption);
}

std::int64_t StatementWriter::ensure_entity(std::uint64_t hash, std::string_view id, std::string_view schema,
                                            std::string_view caption) {
  if (const std::int64_t rid = entities_.find(hash, id)) {
    if (!caption.empty()) set_caption(rid, caption);
    return rid;
  }
  const std::int64_t rid = stored_entity(id, schema, caption);
  entities_.insert(hash, id, rid);
  return rid;
}

std::int64_t StatementWriter::stored_entity(std::string_view id, std::string_view schema, std::string_view caption) {
  if (!schema.empty()) {
    insert_entity(id, schema, caption);
    if (db_.changes() == 1) return db_.last_insert_rowid();
  }
  find_entity_.bind(1, id);
  if (find_entity_.step()) {
    const std::int64_t rid = find_entity_.int64(0);
    const bool had_caption = !find_entity_.text(1).empty();
    find_entity_.reset();
    if (!had_caption && !caption.empty()) set_caption(rid, caption);
    return rid;
  }
  find_entity_.reset();
  if (schema.empty()) throw Error(std::string(id), "statement about a new entity names no schema");
  insert_entity(id, schema, caption);
  return db_.last_insert_rowid();
}

void StatementWriter::hash_into(LedgerBatch& batch) {
  hash_into(batch.stream("statements"), batch.stream("entities"));
  batch_ = &batch;
}

RowStream* StatementWriter::stream(std::string_view table) { return batch_ ? batch_->stream(table) : nullptr; }

void StatementWriter::insert_entity(std::string_view id, std::string_view schema, std::string_view caption) {
  insert_entity_.bind(1, id).bind(2, schema).bind(3, id).bind(4, caption).run();
  if (!hashed_entities_ || db_.changes() != 1) return;
  encoding_.clear();
  encoding_.text(id).text(schema).text(id).text(caption);
  hashed_entities_->add(db_.last_insert_rowid(), encoding_.hash());
}

void StatementWriter::set_caption(std::int64_t rid, std::string_view caption) {
  set_caption_.bind(1, caption).bind(2, rid).run();
  // A caption given to an entity this writer hashed already: its hash is stale.
  if (hashed_entities_ && db_.changes() == 1 && hashed_entities_->count() > 0 && rid >= hashed_entities_->first())
    hashed_entities_->spoil();
}

std::int64_t StatementWriter::evidence_rowid(std::string_view sha) {
  if (auto it = evidence_.find(sha); it != evidence_.end()) return it->second;
  find_evidence_.bind(1, sha);
  if (!find_evidence_.step()) {
    find_evidence_.reset();
    throw Error(std::string(sha), "statement cites evidence that is not in the case");
  }
  const std::int64_t id = find_evidence_.int64(0);
  find_evidence_.reset();
  evidence_.emplace(std::string(sha), id);
  return id;
}

std::int64_t StatementWriter::insert(std::span<const Statement> batch) {
  std::vector<StatementRow> rows;
  rows.reserve(batch.size());
  for (const auto& s : batch) rows.push_back(StatementRow::of(s));
  return insert(std::span<const StatementRow>(rows));
}

std::int64_t StatementWriter::insert(std::span<const StatementRow> batch, std::span<const Digest> row_hashes) {
  const bool given = row_hashes.size() == batch.size();
  auto hash_of = [&](std::size_t i) { return given ? row_hashes[i] : statement_row_hash(encoding_, batch[i]); };
  // Row ids of the entity and evidence, looked up in order (entities are created in the
  // same order as row by row); consecutive statements mostly share both, so the previous
  // row's ids are reused without hashing the ids again. Rows go in chunks of
  // kRowsPerInsert: the entity lookups of a chunk are hashed and prefetched first (slot,
  // then id), so their cache misses overlap instead of following one another.
  std::string_view last_entity, last_evidence;
  bool first_row = true;
  std::int64_t entity = 0, evidence = 0;
  std::uint64_t hashes[kRowsPerInsert];
  bool changed[kRowsPerInsert];
  auto prepare = [&](std::span<const StatementRow> chunk) {
    std::string_view previous = last_entity;
    bool none_yet = first_row;
    for (std::size_t r = 0; r < chunk.size(); ++r) {
      changed[r] = none_yet || !same_text(chunk[r].entity_id, previous);
      none_yet = false;
      previous = chunk[r].entity_id;
      if (!changed[r]) continue;
      hashes[r] = EntityRowIds::hash(chunk[r].entity_id);
      entities_.prefetch_slot(hashes[r]);
    }
    for (std::size_t r = 0; r < chunk.size(); ++r)
      if (changed[r]) entities_.prefetch_id(hashes[r]);
  };
  auto resolve = [&](const StatementRow& s, std::size_t r) {
    if (changed[r]) {
      entity = ensure_entity(hashes[r], s.entity_id, s.schema, {});
      last_entity = s.entity_id;
    }
    if (first_row || !same_text(last_evidence, s.evidence_sha256)) {
      evidence = evidence_rowid(s.evidence_sha256);
      last_evidence = s.evidence_sha256;
    }
    first_row = false;
  };
  std::int64_t first = 0;
  std::size_t i = 0;
  if (batch.size() >= kRowsPerInsert) {
    Stmt multi(db_, multi_row_insert(kRowsPerInsert));
    for (; i + kRowsPerInsert <= batch.size(); i += kRowsPerInsert) {
      prepare(batch.subspan(i, kRowsPerInsert));
      for (std::size_t r = 0; r < kRowsPerInsert; ++r) {
        const StatementRow& s = batch[i + r];
        resolve(s, r);
        bind_values(multi, 1 + static_cast<int>(r) * kColumns, s, entity, evidence);
      }
      multi.run();
      // One INSERT gives its rows consecutive ids; the last one is reported.
      const std::int64_t chunk_first = db_.last_insert_rowid() - static_cast<std::int64_t>(kRowsPerInsert) + 1;
      if (first == 0) first = chunk_first;
      if (hashed_)
        for (std::size_t r = 0; r < kRowsPerInsert; ++r) hashed_->add(chunk_first + static_cast<std::int64_t>(r), hash_of(i + r));
    }
  }
  if (i < batch.size()) prepare(batch.subspan(i));
  for (std::size_t r = 0; i < batch.size(); ++i, ++r) {
    resolve(batch[i], r);
    bind_values(insert_statement_, 1, batch[i], entity, evidence);
    insert_statement_.run();
    if (first == 0) first = db_.last_insert_rowid();
    if (hashed_) hashed_->add(db_.last_insert_rowid(), hash_of(i));
  }
  return first;
}

std::optional<Entity> StatementStore::entity(const std::string& id) {
  Stmt s(db_, "SELECT id, schema, canonical_id, caption FROM entities WHERE id = ?");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return Entity{s.text(0), s.text(1), s.text(2), s.text(3)};
}

std::vector<StoredStatement> StatementStore::query(const std::string& where, const std::string& arg) {
  Stmt s(db_,
         "SELECT s.id, n.id, n.schema, s.property, s.value, s.original_value, e.sha256, s.loc_offset, s.loc_length, "
         "s.loc_record, s.extractor, s.observed_at, s.kind, s.confidence "
         "FROM statements s JOIN entities n ON n.rid = s.entity JOIN evidence e ON e.id = s.evidence " +
             where + " ORDER BY s.id");
  s.bind(1, arg);
  std::vector<StoredStatement> out;
  while (s.step()) {
    StoredStatement r;
    r.id = s.int64(0);
    Statement& st = r.statement;
    st.entity_id = s.text(1);
    st.schema = s.text(2);
    st.property = s.text(3);
    st.value = s.text(4);
    st.original_value = s.text(5);
    st.prov.evidence_sha256 = s.text(6);
    if (!s.is_null(7)) st.prov.locator.offset = static_cast<std::uint64_t>(s.int64(7));
    if (!s.is_null(8)) st.prov.locator.length = static_cast<std::uint64_t>(s.int64(8));
    st.prov.locator.record = s.text(9);
    st.prov.extractor = s.text(10);
    st.prov.observed_at = s.text(11);
    st.kind = s.int64(12) ? StatementKind::Assessment : StatementKind::Fact;
    st.confidence = s.real(13);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<StoredStatement> StatementStore::of_entity(const std::string& entity_id) {
  return query("WHERE n.id = ?", entity_id);
}

std::vector<StoredStatement> StatementStore::from_evidence(const std::string& sha256) {
  return query("WHERE e.sha256 = ?", sha256);
}

std::vector<Entity> StatementStore::entities_by_value(const std::string& value) {
  Stmt s(db_,
         "SELECT DISTINCT n.id, n.schema, n.canonical_id, n.caption FROM statements s "
         "JOIN entities n ON n.rid = s.entity WHERE s.ident = 1 AND s.value = ? ORDER BY n.id");
  s.bind(1, value);
  std::vector<Entity> out;
  while (s.step()) out.push_back(Entity{s.text(0), s.text(1), s.text(2), s.text(3)});
  return out;
}

std::int64_t StatementStore::count_statements() {
  Stmt s(db_, "SELECT count(*) FROM statements");
  s.step();
  return s.int64(0);
}

std::int64_t StatementStore::count_entities() {
  Stmt s(db_, "SELECT count(*) FROM entities");
  s.step();
  return s.int64(0);
}

}  // namespace corridor::store

#include "store/schema.hpp"

#include <array>
#include <string>

#include "core/error.hpp"

namespace corridor::store {

namespace {

// Migration i takes a database from user_version i to i+1. Append, never edit.
constexpr std::array kMigrations = {
    // 1: evidence, custody, entities, statements, audit ledger, checkpoints.
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE evidence(
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  original_name TEXT NOT NULL,
  added_at TEXT NOT NULL,
  parent_id INTEGER REFERENCES evidence(id),
  acquired_by TEXT NOT NULL DEFAULT '',
  acquired_at TEXT NOT NULL DEFAULT '',
  method TEXT NOT NULL DEFAULT '',
  legal_basis TEXT NOT NULL DEFAULT '',
  tool TEXT NOT NULL DEFAULT '');
CREATE TABLE custody(
  id INTEGER PRIMARY KEY,
  evidence_id INTEGER NOT NULL REFERENCES evidence(id),
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  method TEXT NOT NULL DEFAULT '',
  tool TEXT NOT NULL DEFAULT '',
  legal_basis TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '');
CREATE INDEX custody_evidence ON custody(evidence_id);
CREATE TABLE entities(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  schema TEXT NOT NULL,
  canonical_id TEXT NOT NULL,
  caption TEXT NOT NULL DEFAULT '');
CREATE TABLE statements(
  id INTEGER PRIMARY KEY,
  entity INTEGER NOT NULL,
  property TEXT NOT NULL,
  value TEXT NOT NULL,
  original_value TEXT NOT NULL DEFAULT '',
  evidence INTEGER NOT NULL,
  loc_offset INTEGER,
  loc_length INTEGER,
  loc_record TEXT NOT NULL DEFAULT '',
  extractor TEXT NOT NULL,
  observed_at TEXT NOT NULL,
  kind INTEGER NOT NULL,
  confidence REAL NOT NULL,
  ident INTEGER NOT NULL DEFAULT 0);
CREATE INDEX statements_entity ON statements(entity);
-- Only identifier values (phone numbers, IBANs, wallets...) are looked up by value;
-- indexing message texts and dates too would triple the cost of every insert.
CREATE INDEX statements_identifier ON statements(value) WHERE ident = 1;
CREATE INDEX statements_evidence ON statements(evidence);
CREATE TABLE audit(
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  justification TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  leaf_hash TEXT NOT NULL);
CREATE TABLE checkpoints(
  id INTEGER PRIMARY KEY,
  tree_size INTEGER NOT NULL,
  root TEXT NOT NULL,
  at TEXT NOT NULL,
  signature TEXT NOT NULL);
)sql",
    // 2: which evidence items were ingested, by which reader, with what result.
    R"sql(
CREATE TABLE ingests(
  id INTEGER PRIMARY KEY,
  evidence_id INTEGER NOT NULL REFERENCES evidence(id),
  reader TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  statements INTEGER NOT NULL,
  units INTEGER NOT NULL,
  mentions INTEGER NOT NULL);
CREATE INDEX ingests_evidence ON ingests(evidence_id);
)sql",
    // 3: AIS records. Millions of positions are rows, not statements; each keeps the
    // lines and bytes of the sentences it was decoded from.
    R"sql(
CREATE TABLE ais_positions(
  id INTEGER PRIMARY KEY,
  evidence INTEGER NOT NULL REFERENCES evidence(id),
  mmsi INTEGER NOT NULL,
  msg_type INTEGER NOT NULL,
  t INTEGER,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  sog REAL,
  cog REAL,
  heading INTEGER,
  status INTEGER,
  line INTEGER NOT NULL,
  last_line INTEGER NOT NULL,
  loc_offset INTEGER NOT NULL,
  loc_length INTEGER NOT NULL);
CREATE INDEX ais_positions_mmsi ON ais_positions(mmsi, t);
CREATE TABLE ais_identities(
  id INTEGER PRIMARY KEY,
  evidence INTEGER NOT NULL REFERENCES evidence(id),
  mmsi INTEGER NOT NULL,
  msg_type INTEGER NOT NULL,
  part INTEGER NOT NULL,
  t INTEGER,
  shipname TEXT NOT NULL,
  callsign TEXT NOT NULL,
  destination TEXT NOT NULL,
  imo INTEGER,
  mothership_mmsi INTEGER,
  shiptype INTEGER,
  to_bow INTEGER, to_stern INTEGER, to_port INTEGER, to_starboard INTEGER,
  draught REAL,
  line INTEGER NOT NULL,
  last_line INTEGER NOT NULL,
  loc_offset INTEGER NOT NULL,
  loc_length INTEGER NOT NULL);
CREATE INDEX ais_identities_mmsi ON ais_identities(mmsi, t);
)sql",
    // 4: indicators (assessments of detectors), their subjects, reasons, the statements
    // behind each reason, and the reviews a person made of them.
    R"sql(
CREATE TABLE indicators(
  id INTEGER PRIMARY KEY,
  detector TEXT NOT NULL,
  title TEXT NOT NULL,
  score REAL NOT NULL,
  created_at TEXT NOT NULL,
  review TEXT NOT NULL DEFAULT 'open');
CREATE INDEX indicators_detector ON indicators(detector, review);
CREATE TABLE indicator_subjects(
  indicator INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  entity TEXT NOT NULL,
  PRIMARY KEY(indicator, entity)) WITHOUT ROWID;
CREATE INDEX indicator_subjects_entity ON indicator_subjects(entity);
CREATE TABLE indicator_reasons(
  id INTEGER PRIMARY KEY,
  indicator INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  weight REAL NOT NULL);
CREATE INDEX indicator_reasons_indicator ON indicator_reasons(indicator);
CREATE TABLE reason_statements(
  reason INTEGER NOT NULL REFERENCES indicator_reasons(id) ON DELETE CASCADE,
  statement INTEGER NOT NULL REFERENCES statements(id),
  PRIMARY KEY(reason, statement)) WITHOUT ROWID;
CREATE TABLE indicator_reviews(
  id INTEGER PRIMARY KEY,
  indicator INTEGER NOT NULL REFERENCES indicators(id),
  decision TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE INDEX indicator_reviews_indicator ON indicator_reviews(indicator);
)sql",
    // 5: pairs of entities a person has kept apart (an undone merge), so resolution never
    // joins them again; canonical ids live in entities.canonical_id since migration 1.
    R"sql(
CREATE TABLE kept_apart(
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY(a, b)) WITHOUT ROWID;
CREATE INDEX kept_apart_b ON kept_apart(b);
-- Only merged entities are indexed: every entity starts with canonical_id = id, and
-- indexing all of them would cost each new entity of an ingest a second random-key insert.
CREATE INDEX entities_merged ON entities(canonical_id) WHERE canonical_id <> id;
)sql",
    // 6: the ledger commits to every row (store/row_commitments.hpp). Entries keep their
    // redactable content beside a salted digest of it; row_changes records later changes
    // of changeable columns and deletions; kept_apart gets an id; indicators and their
    // reasons never reuse a deleted id (a re-run deletes open ones).
    R"sql(
ALTER TABLE audit ADD COLUMN v INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit ADD COLUMN os_user TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN rows TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN salt TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN content_digest TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN redacted TEXT NOT NULL DEFAULT '';
CREATE TABLE row_changes(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  batch INTEGER NOT NULL,
  tbl TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  col TEXT NOT NULL,
  old,
  new);
CREATE INDEX row_changes_row ON row_changes(tbl, row_id);
CREATE TABLE kept_apart_v6(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  UNIQUE(a, b));
INSERT INTO kept_apart_v6(a, b, actor, reason, at) SELECT a, b, actor, reason, at FROM kept_apart ORDER BY a, b;
DROP TABLE kept_apart;
ALTER TABLE kept_apart_v6 RENAME TO kept_apart;
CREATE INDEX kept_apart_b ON kept_apart(b);
CREATE TABLE indicators_v6(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  detector TEXT NOT NULL,
  title TEXT NOT NULL,
  score REAL NOT NULL,
  created_at TEXT NOT NULL,
  review TEXT NOT NULL DEFAULT 'open',
  model TEXT NOT NULL DEFAULT '');
INSERT INTO indicators_v6(id, detector, title, score, created_at, review)
  SELECT id, detector, title, score, created_at, review FROM indicators;
DROP TABLE indicators;
ALTER TABLE indicators_v6 RENAME TO indicators;
CREATE INDEX indicators_detector ON indicators(detector, review);
CREATE TABLE indicator_reasons_v6(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  indicator INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  weight REAL NOT NULL);
INSERT INTO indicator_reasons_v6(id, indicator, position, text, weight)
  SELECT id, indicator, position, text, weight FROM indicator_reasons;
DROP TABLE indicator_reasons;
ALTER TABLE indicator_reasons_v6 RENAME TO indicator_reasons;
CREATE INDEX indicator_reasons_indicator ON indicator_reasons(indicator);
-- The case policy (store/case_policy.hpp): each setting as it was set, the latest wins.
CREATE TABLE policy(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE INDEX policy_name ON policy(name, id);
-- Data-subject categories (LED Art. 6): each an assessment by a named person, the latest
-- of an entity's cluster in force (store/subject_categories.hpp).
CREATE TABLE subject_categories(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  category TEXT NOT NULL,
  actor TEXT NOT NULL,
  why TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE INDEX subject_categories_entity ON subject_categories(entity, id);
)sql",
    // 7: erasure and restriction (app/erase_entity.hpp, store/restrictions.hpp). An erased
    // statement's or entity's id is never given again, so the ranges the ledger committed
    // stay apart from later batches' (AUTOINCREMENT); restrictions are rows under the ledger.
    R"sql(
CREATE TABLE entities_v7(
  rid INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  schema TEXT NOT NULL,
  canonical_id TEXT NOT NULL,
  caption TEXT NOT NULL DEFAULT '');
INSERT INTO entities_v7(rid, id, schema, canonical_id, caption)
  SELECT rid, id, schema, canonical_id, caption FROM entities ORDER BY rid;
DROP TABLE entities;
ALTER TABLE entities_v7 RENAME TO entities;
CREATE INDEX entities_merged ON entities(canonical_id) WHERE canonical_id <> id;
CREATE TABLE statements_v7(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity INTEGER NOT NULL,
  property TEXT NOT NULL,
  value TEXT NOT NULL,
  original_value TEXT NOT NULL DEFAULT '',
  evidence INTEGER NOT NULL,
  loc_offset INTEGER,
  loc_length INTEGER,
  loc_record TEXT NOT NULL DEFAULT '',
  extractor TEXT NOT NULL,
  observed_at TEXT NOT NULL,
  kind INTEGER NOT NULL,
  confidence REAL NOT NULL,
  ident INTEGER NOT NULL DEFAULT 0);
INSERT INTO statements_v7 SELECT id, entity, property, value, original_value, evidence, loc_offset, loc_length,
  loc_record, extractor, observed_at, kind, confidence, ident FROM statements ORDER BY id;
DROP TABLE statements;
ALTER TABLE statements_v7 RENAME TO statements;
CREATE INDEX statements_entity ON statements(entity);
CREATE INDEX statements_identifier ON statements(value) WHERE ident = 1;
CREATE INDEX statements_evidence ON statements(evidence);
-- Restriction of processing (LED Art. 16(3)): each restriction and each lifting of one is
-- a row; the latest row of an entity's cluster is in force.
CREATE TABLE restrictions(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  restricted INTEGER NOT NULL,
  actor TEXT NOT NULL,
  why TEXT NOT NULL,
  at TEXT NOT NULL);
CREATE INDEX restrictions_entity ON restrictions(entity, id);
)sql",
    // 8: the withdrawal of an exhibit (app/withdraw_evidence.hpp) deletes its AIS rows, and
    // an erasure an indicator's reviews: their ids are never given again either.
    R"sql(
CREATE TABLE ais_positions_v8(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  evidence INTEGER NOT NULL REFERENCES evidence(id),
  mmsi INTEGER NOT NULL,
  msg_type INTEGER NOT NULL,
  t INTEGER,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  sog REAL,
  cog REAL,
  heading INTEGER,
  status INTEGER,
  line INTEGER NOT NULL,
  last_line INTEGER NOT NULL,
  loc_offset INTEGER NOT NULL,
  loc_length INTEGER NOT NULL);
INSERT INTO ais_positions_v8 SELECT * FROM ais_positions ORDER BY id;
DROP TABLE ais_positions;
ALTER TABLE ais_positions_v8 RENAME TO ais_positions;
CREATE INDEX ais_positions_mmsi ON ais_positions(mmsi, t);
CREATE INDEX ais_positions_evidence ON ais_positions(evidence);
CREATE TABLE ais_identities_v8(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  evidence INTEGER NOT NULL REFERENCES evidence(id),
  mmsi INTEGER NOT NULL,
  msg_type INTEGER NOT NULL,
  part INTEGER NOT NULL,
  t INTEGER,
  shipname TEXT NOT NULL,
  callsign TEXT NOT NULL,
  destination TEXT NOT NULL,
  imo INTEGER,
  mothership_mmsi INTEGER,
  shiptype INTEGER,
  to_bow INTEGER, to_stern INTEGER, to_port INTEGER, to_starboard INTEGER,
  draught REAL,
  line INTEGER NOT NULL,
  last_line INTEGER NOT NULL,
  loc_offset INTEGER NOT NULL,
  loc_length INTEGER NOT NULL);
INSERT INTO ais_identities_v8 SELECT * FROM ais_identities ORDER BY id;
DROP TABLE ais_identities;
ALTER TABLE ais_identities_v8 RENAME TO ais_identities;
CREATE INDEX ais_identities_mmsi ON ais_identities(mmsi, t);
CREATE INDEX ais_identities_evidence ON ais_identities(evidence);
CREATE TABLE indicator_reviews_v8(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  indicator INTEGER NOT NULL REFERENCES indicators(id),
  decision TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  at TEXT NOT NULL);
INSERT INTO indicator_reviews_v8 SELECT * FROM indicator_reviews ORDER BY id;
DROP TABLE indicator_reviews;
ALTER TABLE indicator_reviews_v8 RENAME TO indicator_reviews;
CREATE INDEX indicator_reviews_indicator ON indicator_reviews(indicator);
)sql",
    // 8 -> 9: statements naming an entity, found by the entity named (an entity page's
    // "named by") without a full scan.
    "CREATE INDEX statements_reference ON statements(value) WHERE value GLOB " CORRIDOR_ENTITY_ID_GLOB ";",
    // 9 -> 10: the newest entry that changed the case (anything but a consultation) found
    // without reading the consultations after it (AuditLedger::last_change).
    "CREATE INDEX audit_changes ON audit(seq) WHERE action <> 'consultation';",
};

int user_version(Db& db) {
  Stmt s(db, "PRAGMA user_version");
  s.step();
  return static_cast<int>(s.int64(0));
}

}  // namespace

int schema_version() { return static_cast<int>(kMigrations.size()); }

void migrate(Db& db) {
  int have = user_version(db);
  if (have > schema_version())
    throw Error(db.path(),
                "case database has schema version " + std::to_string(have) +
                    ", newer than this corridor understands (" + std::to_string(schema_version()) +
                    "); use a newer corridor",
                Error::kCase);
  if (have == schema_version()) return;
  // Rebuilding a table that others reference must not cascade its deletion to them;
  // SQLite only changes this setting outside a transaction.
  db.exec("PRAGMA foreign_keys=OFF");
  try {
    Transaction tx(db);
    have = user_version(db);  // another process may have migrated while we waited
    for (int v = have; v < schema_version(); ++v) {
      db.exec(kMigrations[static_cast<std::size_t>(v)]);
      db.exec("PRAGMA user_version=" + std::to_string(v + 1));
    }
    tx.commit();
  } catch (...) {
    db.exec("PRAGMA foreign_keys=ON");
    throw;
  }
  db.exec("PRAGMA foreign_keys=ON");
}

}  // namespace corridor::store

#include "store/row_commitments.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <climits>
#include <cstring>

#include "core/error.hpp"

namespace corridor::store {

namespace {

constexpr std::string_view kRowsTag = "corridor-rows-v1";

void put_u64(std::string& out, std::uint64_t v) {
  char b[8];
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(b, &v, 8);
  } else {
    for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  out.append(b, 8);
}

void put_real(std::string& out, double d) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &d, sizeof bits);
  out.push_back('r');
  put_u64(out, bits);
}

void put_bytes(std::string& out, char tag, const char* p, std::size_t n) {
  out.push_back(tag);
  put_u64(out, n);
  if (n) out.append(p, n);
}

std::optional<std::int64_t> to_int(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    const auto p = s.find(sep);
    out.push_back(s.substr(0, p));
    if (p == std::string_view::npos) return out;
    s.remove_prefix(p + 1);
  }
}

// "first-last" into the range.
bool parse_span(std::string_view s, RowRange& r) {
  const auto dash = s.find('-');
  if (dash == std::string_view::npos) return false;
  auto a = to_int(s.substr(0, dash)), b = to_int(s.substr(dash + 1));
  if (!a || !b || *a > *b) return false;
  r.first = *a;
  r.last = *b;
  return true;
}

}  // namespace

std::string RowRange::text() const {
  return table + " " + std::to_string(first) + "-" + std::to_string(last) + " " + std::to_string(count) + " " + digest;
}

std::string RowCommitment::text() const {
  std::string out;
  for (const auto& r : superseded) out += (out.empty() ? "~" : ";~") + r.table + " " + std::to_string(r.first) + "-" + std::to_string(r.last);
  for (const auto& r : ranges) out += (out.empty() ? "" : ";") + r.text();
  return out;
}

std::optional<RowCommitment> RowCommitment::parse(std::string_view text) {
  RowCommitment c;
  if (text.empty()) return c;
  for (std::string_view part : split(text, ';')) {
    const bool sup = !part.empty() && part[0] == '~';
    if (sup) part.remove_prefix(1);
    const auto f = split(part, ' ');
    RowRange r;
    if (f.empty() || !covered_table(f[0])) return std::nullopt;
    r.table = std::string(f[0]);
    if (sup) {
      if (f.size() != 2 || !parse_span(f[1], r)) return std::nullopt;
      c.superseded.push_back(r);
      continue;
    }
    if (f.size() != 4 || !parse_span(f[1], r) || !is_sha256_hex(f[3])) return std::nullopt;
    auto n = to_int(f[2]);
    if (!n) return std::nullopt;
    r.count = *n;
    r.digest = std::string(f[3]);
    c.ranges.push_back(r);
  }
  return c;
}

const std::vector<CoveredTable>& covered_tables() {
  static const std::vector<CoveredTable> tables = {
      {"evidence", "id",
       "sha256, size, media_type, original_name, added_at, parent_id, acquired_by, acquired_at, method, legal_basis, tool",
       {}, ""},
      {"custody", "id", "evidence_id, action, actor, at, method, tool, legal_basis, note", {}, ""},
      {"ingests", "id", "evidence_id, reader, at, actor, statements, units, mentions", {}, ""},
      {"entities", "rid", "id, schema, canonical_id, caption", {"canonical_id", "caption"}, ""},
      // By the entity's and the evidence's own ids, not their row numbers: a bulk writer
      // hashes a statement from what it reads (store/statement_store.hpp) before the row
      // numbers exist, off the thread that inserts.
      {"statements", "id",
       "(SELECT id FROM entities WHERE rid = statements.entity), property, value, original_value, "
       "(SELECT sha256 FROM evidence WHERE id = statements.evidence), loc_offset, loc_length, loc_record, extractor, "
       "observed_at, kind, confidence, ident",
       {}, ""},
      {"ais_positions", "id",
       "evidence, mmsi, msg_type, t, lat, lon, sog, cog, heading, status, line, last_line, loc_offset, loc_length", {}, ""},
      {"ais_identities", "id",
       "evidence, mmsi, msg_type, part, t, shipname, callsign, destination, imo, mothership_mmsi, shiptype, to_bow, "
       "to_stern, to_port, to_starboard, draught, line, last_line, loc_offset, loc_length",
       {}, ""},
      {"indicators", "id", "detector, title, score, created_at, review, model", {"review"},
       "SELECT entity FROM indicator_subjects WHERE indicator = ?1 ORDER BY entity"},
      {"indicator_reasons", "id", "indicator, position, text, weight", {},
       "SELECT statement FROM reason_statements WHERE reason = ?1 ORDER BY statement"},
      {"indicator_reviews", "id", "indicator, decision, actor, reason, at", {}, ""},
      {"kept_apart", "id", "a, b, actor, reason, at", {}, ""},
      {"row_changes", "id", "batch, tbl, row_id, col, old, new", {}, ""},
      {"policy", "id", "name, value, actor, at", {}, ""},
      {"subject_categories", "id", "entity, category, actor, why, at", {}, ""},
      {"restrictions", "id", "entity, restricted, actor, why, at", {}, ""},
  };
  return tables;
}

const CoveredTable* covered_table(std::string_view name) {
  for (const auto& t : covered_tables())
    if (t.name == name) return &t;
  return nullptr;
}

void encode_value(std::string& out, sqlite3_stmt* s, int col) {
  switch (sqlite3_column_type(s, col)) {
    case SQLITE_NULL:
      out.push_back('\0');
      break;
    case SQLITE_INTEGER:
      out.push_back('i');
      put_u64(out, static_cast<std::uint64_t>(sqlite3_column_int64(s, col)));
      break;
    case SQLITE_FLOAT:
      put_real(out, sqlite3_column_double(s, col));
      break;
    default: {  // text and blob alike: their bytes
      const bool text = sqlite3_column_type(s, col) == SQLITE_TEXT;
      const auto* p = static_cast<const char*>(sqlite3_column_blob(s, col));
      put_bytes(out, text ? 't' : 'b', p, static_cast<std::size_t>(sqlite3_column_bytes(s, col)));
    }
  }
}

RowEncoding& RowEncoding::null() {
  bytes_.push_back('\0');
  return *this;
}

RowEncoding& RowEncoding::integer(std::int64_t v) {
  bytes_.push_back('i');
  put_u64(bytes_, static_cast<std::uint64_t>(v));
  return *this;
}

RowEncoding& RowEncoding::real(double v) {
  // A REAL column keeps an integral value as an integer on disk and reads it back as a
  // double: -0.0 returns as +0.0.
  // A NaN is stored as NULL.
  if (std::isnan(v)) return null();
  put_real(bytes_, v == 0.0 ? 0.0 : v);
  return *this;
}

RowEncoding& RowEncoding::text(std::string_view v) {
  put_bytes(bytes_, 't', v.data(), v.size());
  return *this;
}

Digest RowEncoding::hash() const { return sha256(bytes_); }

void RowStream::spoil() { spoiled_ = true; }

RowStream::RowStream(std::string_view table) {
  range_.table = std::string(table);
  digest_.update(kRowsTag).update(std::string_view("\0", 1)).update(table).update(std::string_view("\0", 1));
}

void RowStream::add(std::int64_t id, const Digest& row_hash) {
  if (range_.count > 0 && id <= range_.last)
    throw Error(range_.table + " row " + std::to_string(id), "hashed out of id order for the ledger");
  if (range_.count == 0) range_.first = id;
  range_.last = id;
  ++range_.count;
  put_u64(pending_, static_cast<std::uint64_t>(id));
  pending_.append(reinterpret_cast<const char*>(row_hash.data()), row_hash.size());
  if (pending_.size() >= 64 * 1024) drain();
}

void RowStream::drain() {
  digest_.update(pending_);
  pending_.clear();
}

RowRange RowStream::finish() {
  drain();
  range_.digest = to_hex(digest_.finish());
  return range_;
}

std::map<std::string, std::int64_t> high_water(Db& db) {
  std::map<std::string, std::int64_t> out;
  for (const auto& t : covered_tables()) {
    Stmt q(db, "SELECT coalesce(max(" + std::string(t.id) + "), 0) FROM " + std::string(t.name));
    q.step();
    out[std::string(t.name)] = q.int64(0);
  }
  return out;
}

namespace {

// A query whose columns are read generically (type tag and bytes as SQLite stores them),
// which the typed Stmt does not offer.
class RawQuery {
 public:
  RawQuery(Db& db, const std::string& sql) : db_(db) {
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &s_, nullptr) != SQLITE_OK)
      db.fail("cannot prepare '" + sql.substr(0, 60) + "'");
  }
  ~RawQuery() { sqlite3_finalize(s_); }
  RawQuery(const RawQuery&) = delete;
  RawQuery& operator=(const RawQuery&) = delete;
  RawQuery& bind(int i, std::int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  RawQuery& bind(int i, std::string_view v) {
    sqlite3_bind_text64(s_, i, v.data() ? v.data() : "", v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
  }
  bool step() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail("reading rows under the ledger");
  }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  sqlite3_stmt* handle() const { return s_; }
  std::int64_t int64(int col) const { return sqlite3_column_int64(s_, col); }
  std::string text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s_, col))) : std::string();
  }

 private:
  Db& db_;
  sqlite3_stmt* s_ = nullptr;
};

// Reads rows of one table in id order and hashes each with its children.
class RowReader {
 public:
  RowReader(Db& db, const CoveredTable& t, std::string_view where)
      : t_(t),
        rows_(db, "SELECT " + std::string(t.id) + ", " + std::string(t.columns) + " FROM " + std::string(t.name) + " " +
                      std::string(where) + " ORDER BY " + std::string(t.id)) {
    if (!t.children.empty()) children_.emplace(db, std::string(t.children));
    columns_ = sqlite3_column_count(rows_.handle());
  }
  RawQuery& rows() { return rows_; }
  std::int64_t id() const { return rows_.int64(0); }
  // `as_inserted` replaces changeable columns by the value they had when inserted.
  Digest hash(const std::map<std::string, std::string>* as_inserted = nullptr) {
    buf_.clear();
    for (int c = 1; c < columns_; ++c) {
      if (as_inserted) {
        const auto it = as_inserted->find(sqlite3_column_name(rows_.handle(), c));
        if (it != as_inserted->end()) {
          buf_ += it->second;
          continue;
        }
      }
      encode_value(buf_, rows_.handle(), c);
    }
    add_children();
    return sha256(buf_);
  }
  // The current encoded value of a column, by name ("" when the table has no such column).
  std::string current(std::string_view column) {
    std::string out;
    for (int c = 1; c < columns_; ++c)
      if (column == sqlite3_column_name(rows_.handle(), c)) encode_value(out, rows_.handle(), c);
    return out;
  }

 private:
  void add_children() {
    if (!children_) return;
    buf_.push_back('C');
    children_->bind(1, id());
    std::uint64_t n = 0;
    while (children_->step()) {
      for (int c = 0; c < sqlite3_column_count(children_->handle()); ++c) encode_value(buf_, children_->handle(), c);
      ++n;
    }
    children_->reset();
    put_u64(buf_, n);
  }
  const CoveredTable& t_;
  RawQuery rows_;
  std::optional<RawQuery> children_;
  int columns_ = 0;
  std::string buf_;
};

}  // namespace

namespace {

// True when the writer's stream holds every row of the table above `from` and no other:
// its ids increase, so first..last all hashed (count = span) and no row lies outside.
bool stream_covers(Db& db, const CoveredTable& t, std::int64_t from, const RowStream& s) {
  if (s.spoiled()) return false;
  // Two seeks (one query with both min and max would scan the whole range).
  const std::string id(t.id), table(t.name);
  Stmt lowest(db, "SELECT " + id + " FROM " + table + " WHERE " + id + " > ? ORDER BY " + id + " LIMIT 1");
  lowest.bind(1, from);
  if (!lowest.step()) return s.count() == 0;
  Stmt highest(db, "SELECT " + id + " FROM " + table + " ORDER BY " + id + " DESC LIMIT 1");
  highest.step();
  return lowest.int64(0) == s.first() && highest.int64(0) == s.last() && s.last() - s.first() + 1 == s.count();
}

}  // namespace

RowCommitment commit_new_rows(Db& db, const std::map<std::string, std::int64_t>& before,
                              std::map<std::string, RowStream>* streamed) {
  RowCommitment c;
  for (const auto& t : covered_tables()) {
    const auto it = before.find(std::string(t.name));
    const std::int64_t from = it == before.end() ? 0 : it->second;
    if (streamed) {
      const auto s = streamed->find(std::string(t.name));
      if (s != streamed->end() && stream_covers(db, t, from, s->second)) {
        if (s->second.count() > 0) c.ranges.push_back(s->second.finish());
        continue;
      }
    }
    RowReader reader(db, t, "WHERE " + std::string(t.id) + " > ?1");
    reader.rows().bind(1, from);
    RowStream stream(t.name);
    while (reader.rows().step()) stream.add(reader.id(), reader.hash());
    if (stream.count() > 0) c.ranges.push_back(stream.finish());
  }
  return c;
}

Digest row_hash(Db& db, const CoveredTable& t, std::int64_t id) {
  RowReader reader(db, t, "WHERE " + std::string(t.id) + " = ?1");
  reader.rows().bind(1, id);
  if (!reader.rows().step()) throw Error(std::string(t.name) + " " + std::to_string(id), "no such row");
  const auto changes = row_changes_of(db, t.name, id);
  std::map<std::string, std::string> first_values;
  for (const auto& ch : changes)
    if (ch.column != kDeleted) first_values.emplace(ch.column, ch.old_value);
  return reader.hash(&first_values);
}

std::vector<RowChange> row_changes_of(Db& db, std::string_view table, std::optional<std::int64_t> row) {
  RawQuery q(db, std::string("SELECT row_id, col, old, new, batch FROM row_changes WHERE tbl = ?1") +
                     (row ? " AND row_id = ?2" : "") + " ORDER BY id");
  q.bind(1, table);
  if (row) q.bind(2, *row);
  std::vector<RowChange> out;
  while (q.step()) {
    RowChange ch;
    ch.row = q.int64(0);
    ch.column = q.text(1);
    if (ch.column == kDeleted) ch.old_value = q.text(2);  // the row hash, hex
    else encode_value(ch.old_value, q.handle(), 2);
    encode_value(ch.new_value, q.handle(), 3);
    ch.batch = q.int64(4);
    out.push_back(std::move(ch));
  }
  return out;
}

}  // namespace corridor::store

namespace corridor::store {

namespace {

// The ranges of one table that still stand: a later batch's "~table a-b" retires the
// ranges of earlier batches inside a-b (a re-ingest replaced those rows).
struct ActiveRange {
  RowRange range;
  std::int64_t batch = 0;
  Sha256 digest;
  std::int64_t count = 0;
  std::vector<std::int64_t> seen_ids;  // kept only when a count differs (to name what is missing)
};

std::vector<ActiveRange> active_ranges(std::string_view table,
                                       const std::vector<std::pair<std::int64_t, RowCommitment>>& batches) {
  std::vector<ActiveRange> out;
  for (const auto& [seq, c] : batches) {
    for (const auto& s : c.superseded)
      if (s.table == table)
        std::erase_if(out, [&](const ActiveRange& a) { return a.range.first >= s.first && a.range.last <= s.last; });
    for (const auto& r : c.ranges)
      if (r.table == table) {
        ActiveRange a;
        a.range = r;
        a.batch = seq;
        out.push_back(std::move(a));
      }
  }
  std::sort(out.begin(), out.end(), [](const ActiveRange& a, const ActiveRange& b) { return a.range.first < b.range.first; });
  return out;
}

std::string row_label(std::string_view table, std::int64_t id) { return std::string(table) + " row " + std::to_string(id); }

}  // namespace

std::vector<RowProblem> verify_rows(Db& db, const std::vector<std::pair<std::int64_t, RowCommitment>>& batches) {
  std::vector<RowProblem> problems;
  constexpr std::size_t kMaxNamed = 50;  // per table and kind; then a count
  for (const auto& t : covered_tables()) {
    auto ranges = active_ranges(t.name, batches);
    for (std::size_t i = 1; i < ranges.size(); ++i)
      if (ranges[i].range.first <= ranges[i - 1].range.last)
        problems.push_back({std::string(t.name), std::nullopt, ranges[i].batch,
                            std::string(t.name) + " range " + std::to_string(ranges[i].range.first) + "-" +
                                std::to_string(ranges[i].range.last) + " overlaps the range of entry " +
                                std::to_string(ranges[i - 1].batch)});
    for (auto& a : ranges)
      a.digest.update(kRowsTag).update(std::string_view("\0", 1)).update(t.name).update(std::string_view("\0", 1));

    // Changes by later batches: first values (as inserted), last values (as now), deletions.
    std::map<std::int64_t, std::map<std::string, std::string>> first_values, last_values;
    std::map<std::int64_t, std::pair<std::string, std::int64_t>> deleted;  // id -> (row hash hex, batch)
    for (auto& ch : row_changes_of(db, t.name)) {
      if (ch.column == kDeleted) {
        deleted[ch.row] = {ch.old_value, ch.batch};
        continue;
      }
      first_values[ch.row].emplace(ch.column, ch.old_value);
      last_values[ch.row][ch.column] = ch.new_value;
    }

    std::size_t outside = 0, changed = 0;
    std::size_t at = 0;  // the range the current id may fall in
    auto feed = [&](std::int64_t id, const Digest& h) -> bool {
      while (at < ranges.size() && ranges[at].range.last < id) ++at;
      if (at == ranges.size() || ranges[at].range.first > id) return false;
      std::string pair;
      put_u64(pair, static_cast<std::uint64_t>(id));
      pair.append(reinterpret_cast<const char*>(h.data()), h.size());
      ranges[at].digest.update(pair);
      ++ranges[at].count;
      ranges[at].seen_ids.push_back(id);
      return true;
    };
    auto tomb = deleted.begin();
    auto feed_tombstones_before = [&](std::int64_t id) {
      for (; tomb != deleted.end() && tomb->first < id; ++tomb) {
        Digest h{};
        if (is_sha256_hex(tomb->second.first)) h = digest_from_hex(tomb->second.first);
        feed(tomb->first, h);
      }
    };
    RowReader reader(db, t, "");
    while (reader.rows().step()) {
      const std::int64_t id = reader.id();
      feed_tombstones_before(id);
      if (tomb != deleted.end() && tomb->first == id) {
        problems.push_back({std::string(t.name), id, tomb->second.second,
                            row_label(t.name, id) + " was deleted by entry " + std::to_string(tomb->second.second) +
                                " but is present again"});
        ++tomb;
      }
      const auto fv = first_values.find(id);
      const Digest h = reader.hash(fv == first_values.end() ? nullptr : &fv->second);
      if (const auto lv = last_values.find(id); lv != last_values.end())
        for (const auto& [column, value] : lv->second)
          if (reader.current(column) != value && changed++ < kMaxNamed)
            problems.push_back({std::string(t.name), id, std::nullopt,
                                row_label(t.name, id) + ": " + column + " differs from its last logged change"});
      if (!feed(id, h) && outside++ < kMaxNamed)
        problems.push_back({std::string(t.name), id, std::nullopt,
                            row_label(t.name, id) + " was added outside a logged batch"});
    }
    feed_tombstones_before(INT64_MAX);
    if (outside > kMaxNamed)
      problems.push_back({std::string(t.name), std::nullopt, std::nullopt,
                          std::string(t.name) + ": " + std::to_string(outside - kMaxNamed) +
                              " more rows added outside a logged batch"});

    for (auto& a : ranges) {
      const RowRange& r = a.range;
      const std::string span = std::to_string(r.first) + "-" + std::to_string(r.last);
      if (a.count < r.count) {
        std::string missing;
        std::size_t named = 0;
        if (r.count == r.last - r.first + 1) {  // the batch's ids were consecutive: name the gaps
          std::size_t k = 0;
          for (std::int64_t id = r.first; id <= r.last; ++id) {
            if (k < a.seen_ids.size() && a.seen_ids[k] == id) {
              ++k;
              continue;
            }
            if (named++ < kMaxNamed)
              problems.push_back({std::string(t.name), id, a.batch,
                                  row_label(t.name, id) + " is missing (committed by entry " + std::to_string(a.batch) + ")"});
          }
        }
        if (named == 0 || named > kMaxNamed)
          problems.push_back({std::string(t.name), std::nullopt, a.batch,
                              std::string(t.name) + ": " + std::to_string(r.count - a.count) + " rows of " + span +
                                  " are missing (committed by entry " +
                                  std::to_string(a.batch) + ")"});
        continue;
      }
      if (a.count > r.count) {
        problems.push_back({std::string(t.name), std::nullopt, a.batch,
                            std::string(t.name) + ": " + std::to_string(a.count - r.count) + " rows more than entry " +
                                std::to_string(a.batch) + " committed in " + span});
        continue;
      }
      if (to_hex(a.digest.finish()) != r.digest)
        problems.push_back({std::string(t.name), std::nullopt, a.batch,
                            std::string(t.name) + " rows " + span + " differ from what entry " +
                                std::to_string(a.batch) + " committed (a row's content was changed)"});
    }
  }
  return problems;
}

}  // namespace corridor::store

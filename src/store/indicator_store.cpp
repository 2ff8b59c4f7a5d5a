#include "store/indicator_store.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "store/ledger_batch.hpp"

namespace corridor::store {

namespace {

// "detector|subject|subject" with subjects sorted: the identity of an indicator across runs.
std::string identity(const std::string& detector, std::vector<std::string> subjects) {
  std::sort(subjects.begin(), subjects.end());
  std::string key = detector;
  for (const auto& s : subjects) key += '|' + s;
  return key;
}

std::string where_clause(const IndicatorFilter& f) {
  std::string w = " WHERE 1";
  if (!f.detector.empty()) w += " AND (i.detector = ?1 OR substr(i.detector, 1, length(?1) + 1) = ?1 || '.')";
  if (f.review) w += " AND i.review = ?2";
  if (!f.subject.empty()) w += " AND i.id IN (SELECT indicator FROM indicator_subjects WHERE entity = ?3)";
  w += " AND i.score >= ?4";
  return w;
}

void bind_filter(Stmt& q, const IndicatorFilter& f) {
  if (!f.detector.empty()) q.bind(1, f.detector);
  if (f.review) q.bind(2, to_string(*f.review));
  if (!f.subject.empty()) q.bind(3, f.subject);
  q.bind(4, f.min_score);
}

}  // namespace

std::size_t IndicatorStore::replace_open(const std::string& family, const std::vector<Indicator>& fresh,
                                         const std::string& created_at) {
  {
    // Each deleted indicator leaves its row hash under the caller's ledger batch.
    Stmt doomed(db_,
                "SELECT id FROM indicators WHERE review = 'open' AND (detector = ?1 OR substr(detector, 1, length(?1) + 1) = "
                "?1 || '.') AND id NOT IN (SELECT indicator FROM indicator_reviews)");
    doomed.bind(1, family);
    std::vector<std::int64_t> ids;
    while (doomed.step()) ids.push_back(doomed.int64(0));
    Stmt del(db_, "DELETE FROM indicators WHERE id = ?");
    for (const auto id : ids) {
      tombstone_in_batch(db_, "indicators", id);
      del.bind(1, id).run();
    }
  }

  std::set<std::string> reviewed;
  IndicatorFilter all_of_family;
  all_of_family.detector = family;
  for (const auto& ind : list(all_of_family)) reviewed.insert(identity(ind.detector, ind.subjects));

  std::size_t n = 0;
  for (const auto& ind : fresh) {
    if (reviewed.count(identity(ind.detector, ind.subjects))) continue;
    insert(ind, created_at);
    ++n;
  }
  return n;
}

std::int64_t IndicatorStore::insert(const Indicator& ind, const std::string& created_at) {
  Stmt head(db_, "INSERT INTO indicators(detector, title, score, created_at, model) VALUES(?,?,?,?,?)");
  head.bind(1, ind.detector).bind(2, ind.title).bind(3, std::clamp(ind.score, 0.0, 1.0)).bind(4, created_at);
  head.bind(5, ind.model).run();
  const std::int64_t id = db_.last_insert_rowid();

  Stmt subject(db_, "INSERT OR IGNORE INTO indicator_subjects(indicator, entity) VALUES(?,?)");
  for (const auto& s : ind.subjects) subject.bind(1, id).bind(2, s).run();

  Stmt reason(db_, "INSERT INTO indicator_reasons(indicator, position, text, weight) VALUES(?,?,?,?)");
  Stmt cites(db_, "INSERT OR IGNORE INTO reason_statements(reason, statement) VALUES(?,?)");
  Stmt exists(db_, "SELECT 1 FROM statements WHERE id = ?");
  for (std::size_t i = 0; i < ind.reasons.size(); ++i) {
    const Reason& r = ind.reasons[i];
    reason.bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, r.text).bind(4, r.weight).run();
    const std::int64_t rid = db_.last_insert_rowid();
    for (std::int64_t st : r.statement_ids) {
      exists.bind(1, st);
      const bool found = exists.step();
      exists.reset();
      if (!found)
        throw Error(db_.path(), "indicator '" + ind.title + "' (" + ind.detector + ") cites statement " +
                                    std::to_string(st) + ", which is not in the case");
      cites.bind(1, rid).bind(2, st).run();
    }
  }
  return id;
}

namespace {
constexpr const char* kIndicatorColumns =
    "SELECT i.id, i.detector, i.title, i.score, i.created_at, i.review, i.model FROM indicators i";

Indicator read_row(Stmt& q) {
  Indicator ind;
  ind.id = q.int64(0);
  ind.detector = q.text(1);
  ind.title = q.text(2);
  ind.score = q.real(3);
  ind.created_at = q.text(4);
  ind.review = review_state_from(q.text(5)).value_or(ReviewState::Open);
  ind.model = q.text(6);
  return ind;
}
}  // namespace

std::vector<Indicator> IndicatorStore::list(const IndicatorFilter& f) {
  std::string sql = kIndicatorColumns + where_clause(f) + " ORDER BY i.score DESC, i.id";
  if (f.limit >= 0) sql += " LIMIT " + std::to_string(f.limit);
  Stmt q(db_, sql);
  bind_filter(q, f);
  std::vector<Indicator> out;
  while (q.step()) out.push_back(read_row(q));
  for (auto& ind : out) load_details(ind);
  return out;
}

std::int64_t IndicatorStore::count(const IndicatorFilter& f) {
  Stmt q(db_, "SELECT count(*) FROM indicators i" + where_clause(f));
  bind_filter(q, f);
  q.step();
  return q.int64(0);
}

void IndicatorStore::load_details(Indicator& ind) {
  Stmt subjects(db_, "SELECT entity FROM indicator_subjects WHERE indicator = ? ORDER BY entity");
  subjects.bind(1, ind.id);
  while (subjects.step()) ind.subjects.push_back(subjects.text(0));
  Stmt reasons(db_, "SELECT id, text, weight FROM indicator_reasons WHERE indicator = ? ORDER BY position");
  Stmt cites(db_, "SELECT statement FROM reason_statements WHERE reason = ? ORDER BY statement");
  reasons.bind(1, ind.id);
  while (reasons.step()) {
    Reason r;
    r.text = reasons.text(1);
    r.weight = reasons.real(2);
    cites.bind(1, reasons.int64(0));
    while (cites.step()) r.statement_ids.push_back(cites.int64(0));
    cites.reset();
    ind.reasons.push_back(std::move(r));
  }
}

std::optional<Indicator> IndicatorStore::get(std::int64_t id) {
  Stmt q(db_, std::string(kIndicatorColumns) + " WHERE i.id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  Indicator ind = read_row(q);
  load_details(ind);
  return ind;
}

std::optional<std::string> IndicatorStore::detector_of(std::int64_t id) {
  Stmt q(db_, "SELECT detector FROM indicators WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return q.text(0);
}

IndicatorReview IndicatorStore::review(std::int64_t id, ReviewState decision, const std::string& actor,
                                       const std::string& reason, const std::string& at) {
  if (reason.empty()) throw Error("indicator " + std::to_string(id), "a review needs a reason");
  const auto detector = detector_of(id);
  if (!detector) throw Error("indicator " + std::to_string(id), "no such indicator in the case");
  Stmt set(db_, "UPDATE indicators SET review = ? WHERE id = ?");
  set.bind(1, to_string(decision)).bind(2, id).run();
  Stmt add(db_, "INSERT INTO indicator_reviews(indicator, decision, actor, reason, at) VALUES(?,?,?,?,?)");
  add.bind(1, id).bind(2, to_string(decision)).bind(3, actor).bind(4, reason).bind(5, at).run();
  return IndicatorReview{db_.last_insert_rowid(), id, decision, actor, reason, at, *detector};
}

std::vector<IndicatorReview> IndicatorStore::reviews(std::int64_t id) {
  Stmt q(db_,
         "SELECT r.id, r.decision, r.actor, r.reason, r.at, i.detector FROM indicator_reviews r "
         "JOIN indicators i ON i.id = r.indicator WHERE r.indicator = ? ORDER BY r.id");
  q.bind(1, id);
  std::vector<IndicatorReview> out;
  while (q.step())
    out.push_back({q.int64(0), id, review_state_from(q.text(1)).value_or(ReviewState::Open), q.text(2), q.text(3),
                   q.text(4), q.text(5)});
  return out;
}

}  // namespace corridor::store

#include "store/evidence_store.hpp"

#include "core/error.hpp"

namespace corridor::store {

namespace {

constexpr const char* kEvidenceColumns =
    "e.id, e.sha256, e.size, e.media_type, e.original_name, e.added_at, p.sha256, e.acquired_by, "
    "e.acquired_at, e.method, e.legal_basis, e.tool";

Evidence read_evidence(const Stmt& s) {
  Evidence e;
  e.id = s.int64(0);
  e.sha256 = s.text(1);
  e.size = static_cast<std::uint64_t>(s.int64(2));
  e.media_type = s.text(3);
  e.original_name = s.text(4);
  e.added_at = s.text(5);
  if (!s.is_null(6)) e.parent_sha256 = s.text(6);
  e.acquisition = {s.text(7), s.text(8), s.text(9), s.text(10), s.text(11)};
  return e;
}

std::vector<Evidence> query_evidence(Db& db, const std::string& where, auto&& bind) {
  Stmt s(db, std::string("SELECT ") + kEvidenceColumns +
                 " FROM evidence e LEFT JOIN evidence p ON p.id = e.parent_id " + where + " ORDER BY e.id");
  bind(s);
  std::vector<Evidence> out;
  while (s.step()) out.push_back(read_evidence(s));
  return out;
}

std::vector<CustodyEvent> query_custody(Db& db, const std::string& where, auto&& bind) {
  Stmt s(db,
         "SELECT c.id, e.sha256, c.action, c.actor, c.at, c.method, c.tool, c.legal_basis, c.note "
         "FROM custody c JOIN evidence e ON e.id = c.evidence_id " +
             where + " ORDER BY c.id");
  bind(s);
  std::vector<CustodyEvent> out;
  while (s.step()) {
    CustodyEvent ev;
    ev.id = s.int64(0);
    ev.evidence_sha256 = s.text(1);
    ev.action = custody_action_from(s.text(2)).value_or(CustodyAction::Added);
    ev.actor = s.text(3);
    ev.at = s.text(4);
    ev.method = s.text(5);
    ev.tool = s.text(6);
    ev.legal_basis = s.text(7);
    ev.note = s.text(8);
    out.push_back(std::move(ev));
  }
  return out;
}

}  // namespace

bool EvidenceStore::insert_or_get(Evidence& e) {
  if (auto existing = by_sha256(e.sha256)) {
    if (auto w = withdrawal(existing->id))
      throw Error(e.original_name,
                  "the same bytes are evidence " + std::to_string(existing->id) + ", withdrawn from the case on " + w->at +
                      " (" + w->legal_basis + "): a withdrawn exhibit is not added again",
                  2);
    e = *existing;
    return false;
  }
  std::optional<std::int64_t> parent;
  if (e.parent_sha256) {
    auto p = by_sha256(*e.parent_sha256);
    if (!p) throw Error(e.original_name, "parent evidence " + *e.parent_sha256 + " is not in the case");
    parent = p->id;
  }
  Stmt s(db_,
         "INSERT INTO evidence(sha256, size, media_type, original_name, added_at, parent_id, acquired_by, "
         "acquired_at, method, legal_basis, tool) VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  const auto& a = e.acquisition;
  s.bind(1, e.sha256).bind(2, static_cast<std::int64_t>(e.size)).bind(3, e.media_type).bind(4, e.original_name);
  s.bind(5, e.added_at).bind(6, parent).bind(7, a.acquired_by).bind(8, a.acquired_at).bind(9, a.method);
  s.bind(10, a.legal_basis).bind(11, a.tool).run();
  e.id = db_.last_insert_rowid();
  return true;
}

void EvidenceStore::add_custody(const CustodyEvent& ev) {
  auto e = by_sha256(ev.evidence_sha256);
  if (!e) throw Error(ev.evidence_sha256, "no such evidence item in the case");
  Stmt s(db_,
         "INSERT INTO custody(evidence_id, action, actor, at, method, tool, legal_basis, note) "
         "VALUES(?,?,?,?,?,?,?,?)");
  s.bind(1, e->id).bind(2, to_string(ev.action)).bind(3, ev.actor).bind(4, ev.at).bind(5, ev.method);
  s.bind(6, ev.tool).bind(7, ev.legal_basis).bind(8, ev.note).run();
}

std::vector<Evidence> EvidenceStore::list() {
  return query_evidence(db_, "", [](Stmt&) {});
}

std::optional<Evidence> EvidenceStore::by_sha256(const std::string& sha) {
  auto v = query_evidence(db_, "WHERE e.sha256 = ?", [&](Stmt& s) { s.bind(1, sha); });
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::optional<Evidence> EvidenceStore::by_id(std::int64_t id) {
  auto v = query_evidence(db_, "WHERE e.id = ?", [&](Stmt& s) { s.bind(1, id); });
  if (v.empty()) return std::nullopt;
  return v.front();
}

std::vector<CustodyEvent> EvidenceStore::custody(const std::string& sha) {
  return query_custody(db_, "WHERE e.sha256 = ?", [&](Stmt& s) { s.bind(1, sha); });
}

std::vector<CustodyEvent> EvidenceStore::all_custody() {
  return query_custody(db_, "", [](Stmt&) {});
}

std::optional<CustodyEvent> EvidenceStore::withdrawal(std::int64_t evidence_id) {
  auto v = query_custody(db_, "WHERE c.evidence_id = ? AND c.action = 'withdrawn'", [&](Stmt& s) { s.bind(1, evidence_id); });
  if (v.empty()) return std::nullopt;
  return v.front();
}

}  // namespace corridor::store

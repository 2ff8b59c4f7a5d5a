#include "app/case_overview.hpp"

#include "store/audit_ledger.hpp"
#include "store/evidence_store.hpp"

namespace corridor::app {

namespace {

std::int64_t scalar(store::Db& db, const char* sql) {
  store::Stmt s(db, sql);
  return s.step() ? s.int64(0) : 0;
}

}  // namespace

CaseOverview case_overview(store::CaseFolder& c, int top) {
  CaseOverview o;
  auto& db = c.db();
  {
    store::Stmt s(db, "SELECT schema, count(*) FROM entities GROUP BY schema ORDER BY 2 DESC");
    while (s.step()) o.entities_by_schema[s.text(0)] = s.int64(1);
  }
  o.statements = scalar(db, "SELECT count(*) FROM statements");
  o.ais_positions = scalar(db, "SELECT count(*) FROM ais_positions");
  o.audit_entries = store::AuditLedger(db).size();
  o.evidence = store::EvidenceStore(db).list();
  o.evidence_items = static_cast<std::int64_t>(o.evidence.size());
  // Links are "mentions" statements and the sender/author/payer/beneficiary properties
  // whose value is another entity's id.
  store::Stmt s(db,
                "SELECT t.id, t.schema, t.canonical_id, t.caption, count(DISTINCT l.entity), count(DISTINCT l.evidence) "
                "FROM statements l JOIN entities t ON t.id = l.value "
                "WHERE l.property IN ('mentions','sender','author','payer','beneficiary','owner') "
                "AND t.schema IN ('Phone','UserAccount','CryptoWallet','BankAccount','Email','Passport') "
                "GROUP BY t.id ORDER BY 5 DESC, 6 DESC, t.id LIMIT ?");
  s.bind(1, static_cast<std::int64_t>(top));
  store::Stmt value(db,
                    "SELECT s.value FROM statements s JOIN entities n ON n.rid = s.entity WHERE n.id = ? AND s.ident = 1 "
                    "LIMIT 1");
  store::Stmt where(db,
                    "SELECT DISTINCT e.original_name, s.loc_record FROM statements s JOIN evidence e ON e.id = s.evidence "
                    "WHERE s.entity = (SELECT rid FROM entities WHERE id = ?) LIMIT 3");
  while (s.step()) {
    LinkedIdentifier li;
    li.entity = Entity{s.text(0), s.text(1), s.text(2), s.text(3)};
    li.records = s.int64(4);
    li.evidence_items = s.int64(5);
    value.bind(1, li.entity.id);
    li.value = value.step() ? value.text(0) : li.entity.caption;
    value.reset();
    where.bind(1, li.entity.id);
    while (where.step()) li.sample_locators.push_back(where.text(0) + " " + where.text(1));
    where.reset();
    o.top_identifiers.push_back(std::move(li));
  }
  return o;
}

}  // namespace corridor::app

// GET /api/v1/cases, /cases/{case}, /cases/{case}/evidence: the cases a user is a member of,
// one case's summary, its evidence with custody. A listing of evidence is a consultation,
// logged with the user and the justification sent, as `corridor evidence` logs it.
#include "app/evidence_json.hpp"
#include "app/record_access.hpp"
#include "core/escape.hpp"
#include "server/api.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"
#include "store/evidence_store.hpp"
#include "store/statement_store.hpp"

namespace corridor::server {

Response list_cases(Ctx& ctx) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& name : ctx.site.users.cases_of(ctx.user->id)) {
    if (!case_exists(ctx.site, name)) continue;
    auto c = store::CaseFolder::open(ctx.site.dir / name);
    out.push_back({{"name", name}, {"title", escape_name(c->meta("title"))}, {"created_at", c->meta("created_at")}});
  }
  return ok({{"cases", out}});
}

Response case_summary(Ctx& ctx) {
  auto& c = *ctx.c;
  store::StatementStore st(c.db());
  const auto policy = store::PolicyStore(c.db()).read();
  return ok({{"name", ctx.case_name},
             {"title", escape_name(c.meta("title"))},
             {"examiner", escape_name(c.meta("examiner"))},
             {"case_id", c.meta("case_id")},
             {"created_at", c.meta("created_at")},
             {"entities", st.count_entities()},
             {"statements", st.count_statements()},
             {"audit_entries", store::AuditLedger(c.db()).size()},
             {"review_by", policy.review_by},
             {"require_why", policy.require_why},
             {"members", ctx.site.users.members_of(ctx.case_name)}});
}

Response list_evidence(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kConsult)) return *refused;
  store::EvidenceStore st(ctx.c->db());
  const auto items = st.list();
  app::record_access(*ctx.c, ctx.actor(), store::audit_action::kConsultation, "evidence list", ctx.why());
  auto out = nlohmann::ordered_json::array();
  for (const auto& e : items) out.push_back(app::evidence_json(e, st.custody(e.sha256), st.withdrawal(e.id)));
  return ok({{"evidence", out}});
}

}  // namespace corridor::server

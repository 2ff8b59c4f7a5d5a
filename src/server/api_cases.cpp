// GET /api/v1/cases, /cases/{case}, /cases/{case}/evidence: the cases a user is a member of,
// one case's summary, its evidence with custody. A listing of evidence is a consultation,
// logged with the user and the justification sent, as `corridor evidence` logs it.
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
  for (const auto& e : items) {
    auto custody = nlohmann::ordered_json::array();
    for (const auto& ev : st.custody(e.sha256))
      custody.push_back({{"action", to_string(ev.action)}, {"actor", escape_name(ev.actor)}, {"at", escape_name(ev.at)},
                         {"legal_basis", escape_name(ev.legal_basis)}, {"note", escape_name(ev.note)}});
    const auto w = st.withdrawal(e.id);
    out.push_back({{"id", e.id},
                   {"sha256", e.sha256},
                   {"size", e.size},
                   {"media_type", escape_name(e.media_type)},
                   {"name", escape_name(e.original_name)},
                   {"added_at", e.added_at},
                   {"parent_sha256", e.parent_sha256 ? nlohmann::ordered_json(*e.parent_sha256) : nlohmann::ordered_json()},
                   {"acquisition",
                    {{"acquired_by", escape_name(e.acquisition.acquired_by)},
                     {"method", escape_name(e.acquisition.method)},
                     {"legal_basis", escape_name(e.acquisition.legal_basis)}}},
                   {"withdrawn", w.has_value()},
                   {"custody", custody}});
  }
  return ok({{"evidence", out}});
}

}  // namespace corridor::server

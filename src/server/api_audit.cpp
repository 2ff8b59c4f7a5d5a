// GET /cases/{case}/audit: the ledger for the auditor (and an admin member), newest last,
// a page at a time; redacted entries show that they were redacted, not what they held.
// Reading the ledger is itself logged, as `corridor log` logs it.
// GET /cases/{case}/bias-audit: the bias audit (aggregates, no person), for the auditor.
#include <cstdlib>

#include "app/bias_audit_json.hpp"
#include "app/record_access.hpp"
#include "core/error.hpp"
#include "server/api.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"

namespace corridor::server {

Response audit_log(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kConsult)) return *refused;
  const Page page = page_of(ctx);
  store::AuditLedger ledger(ctx.c->db());
  const auto total = ledger.size();
  const auto entries = ledger.entries(page.offset, page.limit);
  app::record_access(*ctx.c, ctx.actor(), store::audit_action::kConsultation, "audit log", ctx.why());
  auto out = nlohmann::ordered_json::array();
  for (const auto& e : entries)
    out.push_back({{"seq", e.seq},
                   {"at", e.at},
                   {"action", e.action},
                   {"actor", e.actor},
                   {"os_user", e.os_user},
                   {"object", e.object},
                   {"justification", e.justification},
                   {"redacted", e.redacted},
                   {"hash", e.hash}});
  return ok({{"total", total}, {"offset", page.offset}, {"entries", out}});
}

namespace {

// ?name= as a number in [lo, hi], or `fallback` when absent; a 400 otherwise.
double number_query(const Ctx& ctx, const char* name, double lo, double hi, double fallback) {
  const std::string text = ctx.req.param(name);
  if (text.empty()) return fallback;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !(v >= lo && v <= hi))
    throw Error(name, "expected a number from " + std::to_string(lo) + " to " + std::to_string(hi), 2);
  return v;
}

}  // namespace

Response bias_audit(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kConsult)) return *refused;
  app::BiasAuditSettings s;
  s.min_score = number_query(ctx, "min_score", 0, 1, s.min_score);
  s.min_group = static_cast<std::size_t>(number_query(ctx, "min_group", 1, 1e6, static_cast<double>(s.min_group)));
  s.reference_date = ctx.req.param("reference_date");
  if (!s.reference_date.empty() && !app::valid_reference_date(s.reference_date))
    return error_response(400, "reference_date is a date YYYY-MM-DD");
  const auto r = app::audit_bias_in_case(*ctx.c, s);
  app::record_access(*ctx.c, ctx.actor(), store::audit_action::kConsultation, app::bias_audit_summary(r), ctx.why());
  return ok(app::bias_audit_json(ctx.case_name, r));
}

}  // namespace corridor::server

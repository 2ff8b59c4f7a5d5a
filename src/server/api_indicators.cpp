// GET /cases/{case}/indicators[/{id}], POST /cases/{case}/indicators/{id}/review: the
// detectors' indicators as `corridor indicators --json` shows them (pseudonymised), and a
// supervisor's decision, logged as `corridor review` logs it.
#include "app/indicator_json.hpp"
#include "app/pseudonyms.hpp"
#include "app/record_access.hpp"
#include "app/review_indicator.hpp"
#include "core/error.hpp"
#include "server/api.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"

namespace corridor::server {


Response list_indicators(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kConsult)) return *refused;
  store::IndicatorFilter f;
  f.detector = ctx.req.param("detector");
  if (const auto state = ctx.req.param("state"); !state.empty()) {
    f.review = review_state_from(state);
    if (!f.review) return error_response(400, "state is open, confirmed or dismissed");
  }
  const Page page = page_of(ctx);
  store::IndicatorStore store(ctx.c->db());
  auto all = store.list(f);
  const auto total = static_cast<std::int64_t>(all.size());
  app::record_access(*ctx.c, ctx.actor(), store::audit_action::kConsultation,
                     "indicators (" + std::to_string(total) + ")", ctx.why());
  const auto shown = app::Pseudonyms::of_case(*ctx.c);
  auto out = nlohmann::ordered_json::array();
  for (std::int64_t i = page.offset; i < total && i < page.offset + page.limit; ++i) {
    const auto ind = app::shown_as(all[static_cast<std::size_t>(i)], shown);
    out.push_back({{"id", ind.id}, {"detector", ind.detector}, {"title", ind.title}, {"score", ind.score},
                   {"review", to_string(ind.review)}, {"created_at", ind.created_at}, {"kind", "assessment"}});
  }
  return ok({{"total", total}, {"offset", page.offset}, {"indicators", out}});
}

Response get_indicator(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kPerson)) return *refused;
  const auto id = number_param(ctx, 1, "indicator");
  store::IndicatorStore store(ctx.c->db());
  auto ind = store.get(id);
  if (!ind) return error_response(404, "no such indicator in the case");
  std::string object = "indicator " + std::to_string(id) + "; data of";
  for (const auto& s : ind->subjects) object += " " + s;
  app::record_access(*ctx.c, ctx.actor(), store::audit_action::kConsultation, object, ctx.why());
  const auto shown = app::Pseudonyms::of_case(*ctx.c);
  return ok(app::indicator_json(ctx.c->db(), app::shown_as(*ind, shown), store.reviews(id), shown));
}

Response review(Ctx& ctx) {
  const auto id = number_param(ctx, 1, "indicator");
  const auto body = json_body(ctx);
  const std::string decision = text_field(body, "decision"), reason = text_field(body, "reason");
  std::optional<ReviewState> state;
  if (decision == "confirm") state = ReviewState::Confirmed;
  else if (decision == "dismiss") state = ReviewState::Dismissed;
  else if (decision == "reopen") state = ReviewState::Open;
  else return error_response(400, "decision is confirm, dismiss or reopen");
  if (blank(reason)) return error_response(400, "a review needs a reason");
  if (!store::IndicatorStore(ctx.c->db()).get(id)) return error_response(404, "no such indicator in the case");
  const auto r = app::review_indicator(*ctx.c, id, *state, ctx.actor(), reason);
  return ok({{"indicator", id}, {"decision", to_string(r.decision)}, {"actor", r.actor}, {"at", r.at}});
}

}  // namespace corridor::server

// GET /cases/{case}/entities/{id} and /cases/{case}/path?from=&to=: one entity's page, and
// how two entities connect. Both read a person's data: logged with whose data it was, and
// refused (428) without a justification where the policy wants one (by default).
// POST /cases/{case}/entities/{id}/reveal: the page with protected people by name, for a
// supervisor, always with a reason, logged as `--reveal` logs it.
#include "app/entity_page.hpp"
#include "app/network_analysis.hpp"
#include "app/path_json.hpp"
#include "app/record_access.hpp"
#include "graph/case_graph.hpp"
#include "server/api.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"
#include "store/sqlite.hpp"

namespace corridor::server {

Response entity(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kPerson)) return *refused;
  const std::string& id = ctx.params.at(1);
  const Page page = page_of(ctx);
  const std::string key = "entity\n" + id + '\n' + std::to_string(page.limit) + '\n' + std::to_string(page.offset);
  return logged_read(ctx, key, [&]() -> std::optional<AnswerCache::Answer> {
    auto j = app::entity_page(*ctx.c, id, app::Pseudonyms::of_case(*ctx.c), {page.limit, page.offset, 160});
    if (!j) return std::nullopt;
    return AnswerCache::Answer{json_text(*j), "entity " + id + "; data of " + id};
  }, "no such entity in the case");
}

Response reveal_entity(Ctx& ctx) {
  // A reveal always needs its reason, whatever the policy says (as --reveal needs --why).
  if (ctx.why().empty())
    return error_response(428, "say why (X-Corridor-Why): revealing a protected person is logged with its reason");
  const std::string& id = ctx.params.at(1);
  store::Stmt known(ctx.c->db(), "SELECT 1 FROM entities WHERE id = ?");
  known.bind(1, id);
  if (!known.step()) return error_response(404, "no such entity in the case");
  const Page page = page_of(ctx);
  const auto shown = app::reveal_logged(*ctx.c, ctx.actor(), "entity " + id, ctx.why());
  return ok(*app::entity_page(*ctx.c, id, shown, {page.limit, page.offset, 160}));
}

Response path(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kPerson)) return *refused;
  const std::string a = ctx.req.param("from"), b = ctx.req.param("to");
  if (a.empty() || b.empty()) return error_response(400, "give ?from= and ?to= (entity ids or identifier values)");
  const auto g = graph::load_case_graph(ctx.c->db());
  const auto from = app::find_entity(ctx.c->db(), g, a), to = app::find_entity(ctx.c->db(), g, b);
  if (!from || !to) return error_response(404, "no entity with this id or identifier value in the case network");
  auto found = app::trace_path(ctx.c->db(), g, *from, *to);
  const auto shown = app::Pseudonyms::of_case(*ctx.c);
  std::string object = "path " + g.node(*from).id + " " + g.node(*to).id + "; data of";
  if (found) {
    for (std::size_t i = 0; i < found->nodes.size(); ++i) {
      found->labels[i] = shown.label(g.node(found->nodes[i]).id, found->labels[i]);
      object += " " + g.node(found->nodes[i]).id;
    }
    for (auto& step : found->steps)
      for (auto& x : step.statements) x.value = shown.value(x.entity_id, x.property, x.value);
  } else {
    object += " " + g.node(*from).id + " " + g.node(*to).id;
  }
  app::record_access(*ctx.c, ctx.actor(), store::audit_action::kConsultation, object, ctx.why());
  if (!found) return ok({{"from", g.node(*from).id}, {"to", g.node(*to).id}, {"path", nullptr}});
  return ok(app::path_json(g, *from, *to, *found));
}

}  // namespace corridor::server

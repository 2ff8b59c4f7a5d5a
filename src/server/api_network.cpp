// GET /cases/{case}/network?ids=&depth=&limit=: the network around some entities, for the
// web UI's graph view. It shows the data of everyone in it: refused (428) without a
// justification where the policy wants one for a person's data, and logged with whose.
#include <algorithm>

#include "app/network_analysis.hpp"
#include "app/network_json.hpp"
#include "app/record_access.hpp"
#include "core/error.hpp"
#include "graph/case_graph.hpp"
#include "server/api.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"

namespace corridor::server {

namespace {

// "a,b, c" -> {"a", "b", "c"}: entity ids or identifier values, blanks dropped.
std::vector<std::string> id_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= text.size()) {
    const auto end = std::min(text.find(',', at), text.size());
    std::string one = text.substr(at, end - at);
    one.erase(0, one.find_first_not_of(' '));
    one.erase(one.find_last_not_of(' ') + 1);
    if (!one.empty()) out.push_back(std::move(one));
    at = end + 1;
  }
  return out;
}

}  // namespace

Response network(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kPerson)) return *refused;
  const auto ids = id_list(ctx.req.param("ids"));
  if (ids.empty()) return error_response(400, "give ?ids= (entity ids or identifier values, separated by commas)");
  if (ids.size() > app::kMaxNetworkLimit)
    return error_response(400, "at most " + std::to_string(app::kMaxNetworkLimit) + " ids");
  const int depth = static_cast<int>(whole_query(ctx, "depth", 1, app::kMaxNetworkDepth, 1));
  const auto limit = static_cast<std::size_t>(whole_query(ctx, "limit", 1, app::kMaxNetworkLimit, app::kDefaultNetworkLimit));
  const auto g = graph::load_case_graph(ctx.c->db());
  const auto around = app::network_around(ctx.c->db(), g, ids, depth, limit);
  if (around.graph.node_count() == 0)
    return error_response(404, "no entity with these ids or identifier values in the case network");
  std::string object = "network depth " + std::to_string(depth) + " (" + std::to_string(around.graph.node_count()) +
                       " entities" + (around.truncated() ? ", truncated" : "") + "); data of";
  for (const auto& n : around.graph.nodes()) object += " " + n.id;
  app::record_access(*ctx.c, ctx.actor(), store::audit_action::kConsultation, object, ctx.why());
  return ok(app::network_json(ctx.c->db(), around, app::Pseudonyms::of_case(*ctx.c)));
}

}  // namespace corridor::server

// GET /cases/{case}/map?bbox=&from=&to=&layers=: the case's tracks, vessel events, hot spots
// and photo places inside a box, as GeoJSON for the web UI's map. A listing of the case:
// logged as a consultation, with the justification the policy may want for one.
#include "app/case_map.hpp"
#include "app/record_access.hpp"
#include "server/api.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"

namespace corridor::server {

Response case_map(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kConsult)) return *refused;
  const std::string bbox = ctx.req.param("bbox");
  if (bbox.empty()) return error_response(400, "give ?bbox=west,south,east,north (degrees)");
  app::MapRequest r;
  r.box = app::parse_bbox(bbox);
  if (const auto from = ctx.req.param("from"); !from.empty()) r.from = app::parse_map_time(from, "from");
  if (const auto to = ctx.req.param("to"); !to.empty()) r.to = app::parse_map_time(to, "to");
  app::parse_layers(ctx.req.param("layers"), r);
  auto j = app::case_map(*ctx.c, r, app::Pseudonyms::of_case(*ctx.c));
  std::string object = "map bbox " + r.box.text();
  if (r.from) object += " from " + format_utc(*r.from);
  if (r.to) object += " to " + format_utc(*r.to);
  if (const auto layers = ctx.req.param("layers"); !layers.empty()) object += " layers " + layers;
  app::record_access(*ctx.c, ctx.actor(), store::audit_action::kConsultation, object, ctx.why());
  return ok(j);
}

}  // namespace corridor::server

// GET /cases/{case}/detectors and PUT /cases/{case}/detectors/{name} {stopped, reason}:
// which detectors run on the case, and a supervisor's decision to stop one (its open,
// never-reviewed indicators are withdrawn) or resume it, logged as `corridor detect
// --stop/--resume` logs it.
#include "app/case_detectors.hpp"
#include "app/record_access.hpp"
#include "server/api.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"
#include "store/indicator_store.hpp"

namespace corridor::server {

Response list_detectors(Ctx& ctx) {
  const auto policy = store::PolicyStore(ctx.c->db()).read();
  store::IndicatorStore indicators(ctx.c->db());
  auto out = nlohmann::ordered_json::array();
  for (const auto& d : app::case_detectors()) {
    store::IndicatorFilter open;
    open.detector = d.name;
    open.review = ReviewState::Open;
    out.push_back({{"name", d.name},
                   {"summary", d.summary},
                   {"stopped", policy.stopped_detectors.count(d.name) > 0},
                   {"open_indicators", indicators.count(open)}});
  }
  return ok({{"detectors", out}});
}

Response set_detector(Ctx& ctx) {
  const std::string& name = ctx.params.at(1);
  if (!app::case_detector(name)) return error_response(404, "no such detector");
  const auto body = json_body(ctx);
  if (!body.contains("stopped") || !body["stopped"].is_boolean())
    return error_response(400, "give {\"stopped\": true} to stop the detector or false to resume it");
  const bool stopped = body["stopped"].get<bool>();
  // A stop or resume changes what the case flags: the reason is part of the record.
  std::string why = ctx.why();
  if (why.empty()) why = text_field(body, "reason");
  if (blank(why))
    return error_response(428, "say why (X-Corridor-Why or \"reason\"): stopping or resuming a detector is logged with its reason");
  const auto withdrawn = app::set_detector_stopped(*ctx.c, name, stopped, ctx.actor(), why);
  return ok({{"name", name}, {"stopped", stopped}, {"withdrawn_indicators", withdrawn}});
}

}  // namespace corridor::server

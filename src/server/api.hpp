#pragma once
// The API's handlers (one file per resource: api_<resource>.cpp) and what they share.
// A handler runs after dispatch() checked the route's need; a case route finds the case
// open in ctx.c.
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "server/answer_cache.hpp"
#include "server/site.hpp"

namespace corridor::server {

// api_session.cpp
Response login(Ctx& ctx);
Response logout(Ctx& ctx);
Response me(Ctx& ctx);
// api_cases.cpp
Response list_cases(Ctx& ctx);
Response case_summary(Ctx& ctx);
Response list_evidence(Ctx& ctx);
// api_jobs.cpp
Response upload_evidence(Ctx& ctx);
Response start_job(Ctx& ctx);
Response get_job(Ctx& ctx);
Response job_events(Ctx& ctx);
Response cancel_job(Ctx& ctx);
// api_indicators.cpp
Response list_indicators(Ctx& ctx);
Response get_indicator(Ctx& ctx);
Response review(Ctx& ctx);
// api_entities.cpp
Response entity(Ctx& ctx);
Response path(Ctx& ctx);
Response reveal_entity(Ctx& ctx);
// api_search.cpp
Response search(Ctx& ctx);
// api_detectors.cpp
Response list_detectors(Ctx& ctx);
Response set_detector(Ctx& ctx);
// api_exports.cpp
Response export_network(Ctx& ctx);
// api_network.cpp, api_map.cpp
Response network(Ctx& ctx);
Response case_map(Ctx& ctx);
// api_audit.cpp
Response audit_log(Ctx& ctx);
Response bias_audit(Ctx& ctx);
// api_admin.cpp
Response list_users(Ctx& ctx);
Response add_user(Ctx& ctx);
Response admin_cases(Ctx& ctx);
Response grant_member(Ctx& ctx);
Response revoke_member(Ctx& ctx);
// routes.cpp
Response api_description(Ctx& ctx);

// The request's JSON object body; throws corridor::Error (400) when it is not one, is
// nested deeper than kMaxJsonDepth, or is not UTF-8.
nlohmann::json json_body(const Ctx& ctx);
// Whether a text is empty or only white space (a reason, a query, a recipient).
bool blank(std::string_view text);
// A string field of a body, or "" (a field of another type is a 400).
std::string text_field(const nlohmann::json& body, const char* name);
// The 428 answer when the case policy requires a justification for `kind` and none came.
std::optional<Response> unjustified(Ctx& ctx, std::string_view kind);
// The route's capture `i` as a row number; a 404 naming `what` when it is not one.
std::int64_t number_param(const Ctx& ctx, std::size_t i, const char* what);
// ?name= as a whole number or a number in [low, high], `fallback` when absent; a 400
// naming the parameter and the range otherwise.
std::int64_t whole_query(const Ctx& ctx, const char* name, std::int64_t low, std::int64_t high, std::int64_t fallback);
double number_query(const Ctx& ctx, const char* name, double low, double high, double fallback);
// ?limit= (1..kMaxPageSize, default 100) and ?offset= (>= 0).
struct Page {
  std::int64_t limit = 100, offset = 0;
};
Page page_of(const Ctx& ctx);
// A read of the case's content answered from the site's AnswerCache when the case has not
// changed since the same request (`key`) was answered, else by `make` (nullopt: 404 with
// `missing`), then kept. Every answer is logged as a consultation of what `make` said.
Response logged_read(Ctx& ctx, const std::string& key, const std::function<std::optional<AnswerCache::Answer>()>& make,
                     const char* missing);
// A JSON document as a 200 answer; text that is not UTF-8 is replaced, never thrown on.
Response ok(const nlohmann::ordered_json& j, int status = 200);
// The same JSON text ok() sends.
std::string json_text(const nlohmann::ordered_json& j);

}  // namespace corridor::server

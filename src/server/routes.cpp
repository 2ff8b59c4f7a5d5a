#include "server/routes.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

#include "core/error.hpp"
#include "server/api.hpp"
#include "server/case_pool.hpp"
#include "store/case_policy.hpp"
#include "store/evidence_vault.hpp"

namespace corridor::server {

namespace {

const std::vector<Route> kRoutes = {
    {"POST", "/api/v1/session", Need::Public, login, "Sign in: a session cookie and the CSRF token"},
    {"DELETE", "/api/v1/session", Need::Authenticated, logout, "Sign out"},
    {"GET", "/api/v1/me", Need::Authenticated, me, "The signed-in user, role, CSRF token and cases"},
    {"GET", "/api/v1/openapi.json", Need::Public, api_description, "This API's OpenAPI 3.1 description"},
    {"GET", "/api/v1/cases", Need::Authenticated, list_cases, "The cases the user is a member of"},
    {"GET", "/api/v1/cases/{case}", Need::CaseRead, case_summary, "A case's summary"},
    {"GET", "/api/v1/cases/{case}/evidence", Need::CaseRead, list_evidence, "Evidence items with custody (logged)"},
    {"POST", "/api/v1/cases/{case}/evidence", Need::CaseWrite, upload_evidence,
     "Add an evidence file: the body is the file, streamed into the vault and hashed as it arrives (logged)", true},
    {"POST", "/api/v1/cases/{case}/jobs", Need::CaseWrite, start_job, "Start an ingest, detect or resolve job"},
    {"GET", "/api/v1/cases/{case}/jobs/{id}", Need::CaseRead, get_job, "A job's state, progress and result"},
    {"GET", "/api/v1/cases/{case}/jobs/{id}/events", Need::CaseRead, job_events,
     "A job's progress as Server-Sent Events, until it ends"},
    {"DELETE", "/api/v1/cases/{case}/jobs/{id}", Need::CaseWrite, cancel_job, "Cancel a job"},
    {"GET", "/api/v1/cases/{case}/indicators", Need::CaseRead, list_indicators, "Indicators, a page at a time (logged)"},
    {"GET", "/api/v1/cases/{case}/indicators/{id}", Need::CaseRead, get_indicator,
     "One indicator with its reasons, statements and reviews (logged)"},
    {"POST", "/api/v1/cases/{case}/indicators/{id}/review", Need::CaseReview, review,
     "Confirm, dismiss or reopen an indicator, with the reason (logged)"},
    {"GET", "/api/v1/cases/{case}/entities/{id}", Need::CaseRead, entity,
     "An entity with its statements, their evidence and the text around them, its links (logged)"},
    {"POST", "/api/v1/cases/{case}/entities/{id}/reveal", Need::CaseReview, reveal_entity,
     "The entity page with protected people by name: a supervisor, with a reason (logged)"},
    {"GET", "/api/v1/cases/{case}/path", Need::CaseRead, path, "How two entities connect, link by link (logged)"},
    {"GET", "/api/v1/cases/{case}/search", Need::CaseRead, search,
     "Statements, messages, posts and identifiers by words or a number in any spelling, best first (logged)"},
    {"GET", "/api/v1/cases/{case}/detectors", Need::CaseRead, list_detectors, "The detectors, stopped or running"},
    {"PUT", "/api/v1/cases/{case}/detectors/{name}", Need::CaseReview, set_detector,
     "Stop a detector (its open indicators are withdrawn) or resume it, with the reason (logged)"},
    {"POST", "/api/v1/cases/{case}/exports", Need::CaseReview, export_network,
     "The case network as a file for another tool, to a named recipient (a disclosure, logged)"},
    {"GET", "/api/v1/cases/{case}/network", Need::CaseRead, network,
     "The network around some entities, with communities and key players, as graphology JSON (logged)"},
    {"GET", "/api/v1/cases/{case}/map", Need::CaseRead, case_map,
     "Tracks, vessel events, hot spots and photo places inside a box, as GeoJSON (logged)"},
    {"GET", "/api/v1/cases/{case}/audit", Need::CaseAudit, audit_log, "The case's audit ledger, a page at a time (logged)"},
    {"GET", "/api/v1/cases/{case}/bias-audit", Need::CaseAudit, bias_audit,
     "Selection rates of the detectors by protected group, four-fifths flags, their inputs (logged)"},
    {"GET", "/api/v1/users", Need::SiteAdmin, list_users, "The accounts"},
    {"POST", "/api/v1/users", Need::SiteAdmin, add_user, "Add an account"},
    {"GET", "/api/v1/admin/cases", Need::SiteAdmin, admin_cases, "Every case folder with its members"},
    {"PUT", "/api/v1/cases/{case}/members/{user}", Need::SiteAdmin, grant_member, "Make a user a member of a case"},
    {"DELETE", "/api/v1/cases/{case}/members/{user}", Need::SiteAdmin, revoke_member, "End a membership"},
};

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t at = 1;
  while (at <= path.size()) {
    const auto end = std::min(path.find('/', at), path.size());
    out.push_back(path.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// The captures of a path (split into segments) under a route's pattern (split too), or
// nullopt when it does not match.
std::optional<std::vector<std::string>> match(const std::vector<std::string_view>& p,
                                              const std::vector<std::string_view>& s) {
  if (p.size() != s.size()) return std::nullopt;
  std::vector<std::string> captures;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i].size() > 2 && p[i].front() == '{') {
      if (s[i].empty()) return std::nullopt;
      captures.emplace_back(s[i]);
    } else if (p[i] != s[i]) {
      return std::nullopt;
    }
  }
  return captures;
}

// Each route's pattern split once, in the table's order.
const std::vector<std::vector<std::string_view>>& route_segments() {
  static const auto split = [] {
    std::vector<std::vector<std::string_view>> out;
    for (const auto& r : kRoutes) out.push_back(segments(r.path));
    return out;
  }();
  return split;
}

bool changes_state(const std::string& method) { return method != "GET" && method != "HEAD"; }

bool same_token(const std::string& a, const std::string& b) {
  return !a.empty() && a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// An error a handler raised, as the client sees it: no paths, no internals.
Response answer(const Error& e) {
  const int status = e.exit_code() == 2 ? 400 : e.exit_code() == 3 ? 404 : e.exit_code() == 4 ? 409 : 500;
  const std::string where = e.where();
  std::string message = e.what();
  if (!where.empty() && where.find('/') != std::string::npos) message = message.substr(std::min(message.size(), where.size() + 2));
  if (status == 500) message = "internal error";
  return error_response(status, message);
}

// Who asks, and whether the route lets them: a refusal, or nullopt with ctx filled in.
std::optional<Response> authorize(const Route& route, Ctx& ctx) {
  if (route.need != Need::Public) {
    const std::string cookie = ctx.req.cookie(kSessionCookie);
    if (!cookie.empty()) ctx.session = ctx.site.users.session(cookie, ctx.site.now(), ctx.site.limits);
    if (ctx.session) ctx.user = ctx.site.users.by_id(ctx.session->user);
    if (!ctx.user) return error_response(401, "sign in first (POST /api/v1/session)");
    if (changes_state(ctx.req.method) && !same_token(ctx.req.header("x-csrf-token"), ctx.session->csrf))
      return error_response(403, "missing or wrong X-CSRF-Token");
  }
  bool member = false;
  if (is_case_need(route.need)) {
    ctx.case_name = ctx.params.at(0);
    member = case_exists(ctx.site, ctx.case_name) && ctx.site.users.is_member(ctx.case_name, ctx.user->id);
  }
  if (const int refused = decide(route.need, ctx.user, member)) {
    if (refused == 404) return error_response(404, "no such case");
    return error_response(refused, std::string("your role does not allow this (needs ") + to_string(route.need) + ")");
  }
  return std::nullopt;
}

Response run(const Route& route, Ctx& ctx) {
  if (auto refused = authorize(route, ctx)) return *refused;
  if (is_case_need(route.need)) {
    const auto dir = ctx.site.dir / ctx.case_name;
    if (ctx.site.cases) ctx.c = ctx.site.cases->take(dir);
    else ctx.c = store::CaseFolder::open(dir);
  }
  return route.handler(ctx);
}

const Route* find_route(const std::string& method, const std::string& path, std::vector<std::string>& captures,
                        bool& path_known) {
  const auto wanted = segments(path);
  const auto& patterns = route_segments();
  for (std::size_t i = 0; i < kRoutes.size(); ++i) {
    const Route& r = kRoutes[i];
    auto m = match(patterns[i], wanted);
    if (!m) continue;
    path_known = true;
    if (method == r.method || (method == "HEAD" && std::string_view(r.method) == "GET")) {
      captures = std::move(*m);
      return &r;
    }
  }
  return nullptr;
}

}  // namespace

const std::vector<Route>& routes() { return kRoutes; }

Response dispatch(Site& site, const Request& req) {
  std::vector<std::string> captures;
  bool path_known = false;
  const Route* found = find_route(req.method, req.path, captures, path_known);
  if (!found) return error_response(path_known ? 405 : 404, path_known ? "method not allowed" : "no such route");
  Ctx ctx{site, req, std::nullopt, std::nullopt, std::move(captures), {}, nullptr};
  try {
    return run(*found, ctx);
  } catch (const Error& e) {
    if (e.exit_code() != 2 && e.exit_code() != 3) std::fprintf(stderr, "corridor serve: %s %s: %s\n", req.method.c_str(), found->path, e.what());
    return answer(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "corridor serve: %s %s: %s\n", req.method.c_str(), found->path, e.what());
    return error_response(500, "internal error");
  }
}

const Route* route_for(const std::string& method, const std::string& path) {
  std::vector<std::string> captures;
  bool known = false;
  return find_route(method, path, captures, known);
}

std::optional<Response> precheck(Site& site, const Request& req) {
  std::vector<std::string> captures;
  bool known = false;
  const Route* route = find_route(req.method, req.path, captures, known);
  if (!route) return error_response(known ? 405 : 404, known ? "method not allowed" : "no such route");
  Ctx ctx{site, req, std::nullopt, std::nullopt, std::move(captures), {}, nullptr};
  try {
    return authorize(*route, ctx);
  } catch (const std::exception&) {
    return error_response(500, "internal error");
  }
}

std::filesystem::path upload_temp(Site& site, const Request& req) {
  std::vector<std::string> captures;
  bool known = false;
  if (!find_route(req.method, req.path, captures, known) || captures.empty() || !case_exists(site, captures[0]))
    throw Error("", "no such case", 3);
  return store::EvidenceVault(site.dir / captures[0] / "vault").new_temp();
}

Response api_description(Ctx&) {
  Response r;
  r.body = openapi_document();
  return r;
}

namespace {

// Nesting depth of a JSON text, strings skipped: checked before parsing.
bool shallow(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

}  // namespace

nlohmann::json json_body(const Ctx& ctx) {
  const std::string& body = ctx.req.body;
  if (body.size() > kMaxJsonBody) throw Error("", "the body is larger than 1 MiB", 2);
  if (!shallow(body, kMaxJsonDepth)) throw Error("", "the body is nested too deeply", 2);
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw Error("", "the body must be a JSON object", 2);
  return j;
}

std::string text_field(const nlohmann::json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return {};
  if (!it->is_string()) throw Error("", std::string("\"") + name + "\" must be a string", 2);
  return it->get<std::string>();
}

std::optional<Response> unjustified(Ctx& ctx, std::string_view kind) {
  if (!ctx.why().empty()) return std::nullopt;
  if (!store::PolicyStore(ctx.c->db()).read().requires_why(kind)) return std::nullopt;
  return error_response(428, "the case policy requires a justification for " + std::string(kind) +
                                 " operations: send it in the X-Corridor-Why header");
}

std::int64_t number_param(const Ctx& ctx, std::size_t i, const char* what) {
  const std::string& s = ctx.params.at(i);
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    throw Error(what, std::string("no such ") + what, 3);
  return std::stoll(s);
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::int64_t whole_query(const Ctx& ctx, const char* name, std::int64_t low, std::int64_t high, std::int64_t fallback) {
  const std::string s = ctx.req.param(name);
  if (s.empty()) return fallback;
  const std::string range = std::to_string(low) + " to " + std::to_string(high);
  if (s.size() > 12 || s.find_first_not_of("0123456789") != std::string::npos)
    throw Error("", std::string(name) + " is a whole number, " + range, 2);
  const auto v = std::stoll(s);
  if (v < low || v > high) throw Error("", std::string(name) + " is " + range, 2);
  return v;
}

double number_query(const Ctx& ctx, const char* name, double low, double high, double fallback) {
  const std::string text = ctx.req.param(name);
  if (text.empty()) return fallback;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !(v >= low && v <= high))
    throw Error("", std::string(name) + " is a number from " + std::to_string(low) + " to " + std::to_string(high), 2);
  return v;
}

Page page_of(const Ctx& ctx) {
  return {whole_query(ctx, "limit", 1, kMaxPageSize, 100), whole_query(ctx, "offset", 0, std::int64_t{1} << 40, 0)};
}

std::string json_text(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Response ok(const nlohmann::ordered_json& j, int status) { return json_response(json_text(j), status); }

}  // namespace corridor::server

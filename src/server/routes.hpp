#pragma once
// The whole API in one table: method, path pattern, what it needs, handler. Nothing is
// reachable that is not listed here, and every listed route names its need (there is no
// default); dispatch() checks the session, the CSRF token, the need and, for case routes,
// membership, before the handler runs. tests/server checks every route against every kind
// of user, and against the OpenAPI document.
#include <string>
#include <vector>

#include "server/authz.hpp"
#include "server/http.hpp"
#include "server/site.hpp"

namespace corridor::server {

using Handler = Response (*)(Ctx&);

struct Route {
  const char* method;
  const char* path;  // OpenAPI form: "/api/v1/cases/{case}/indicators/{id}"
  Need need;
  Handler handler;
  const char* summary;
  bool streams_body = false;  // an upload: the listener streams the body to a file first
};

const std::vector<Route>& routes();

// Handles one request: never throws; errors become JSON answers without paths or traces.
Response dispatch(Site& site, const Request& req);

// The route a method and path reach, or nullptr.
const Route* route_for(const std::string& method, const std::string& path);
// For a route that streams its body: the refusal to answer before reading it (session,
// CSRF, need, membership), or nullopt when it may go on.
std::optional<Response> precheck(Site& site, const Request& req);
// Where an upload to this request's case is written as it arrives (the case vault's tmp).
std::filesystem::path upload_temp(Site& site, const Request& req);

// The OpenAPI 3.1 description of this table (server/openapi.json, compiled in).
const std::string& openapi_document();

// Caps on what a request may carry.
inline constexpr std::size_t kMaxJsonBody = 1 << 20;
inline constexpr int kMaxJsonDepth = 32;
inline constexpr int kMaxPageSize = 500;

}  // namespace corridor::server

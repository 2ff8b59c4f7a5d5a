// POST/DELETE /api/v1/session, GET /api/v1/me: signing in and out. A session is a random
// 256-bit secret in an HttpOnly, Secure, SameSite=Strict cookie (stored hashed), rotated at
// each login; state-changing requests also carry the session's CSRF token in X-CSRF-Token.
// Failed logins are throttled per name and per address, and recorded.
#include <cstdio>

#include "server/api.hpp"

namespace corridor::server {

namespace {

std::string cookie_header(const Site& site, const std::string& value, std::int64_t max_age) {
  return std::string(kSessionCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age) + (site.secure_cookies ? "; Secure" : "");
}

}  // namespace

Response login(Ctx& ctx) {
  const auto body = json_body(ctx);
  const std::string name = text_field(body, "name"), password = text_field(body, "password");
  if (name.empty() || password.empty()) return error_response(400, "give \"name\" and \"password\"");
  auto& users = ctx.site.users;
  const std::int64_t now = ctx.site.now(), since = now - ctx.site.failure_window;
  const std::string& from = ctx.req.remote_address;
  if (users.failures_since(name, since) >= ctx.site.max_failures ||
      users.failures_from_since(from, since) >= 4 * ctx.site.max_failures) {
    users.record_attempt(name, from, "locked", now);
    std::fprintf(stderr, "corridor serve: login of a locked name from %s refused\n", from.c_str());
    return error_response(429, "too many failed logins: try again later");
  }
  const auto user = users.check_password(name, password);
  // One answer for every failure: it does not tell which factor was wrong.
  constexpr const char* kWrong = "wrong name, password or one-time code";
  if (!user) {
    users.record_attempt(name, from, "bad-password", now);
    return error_response(401, kWrong);
  }
  if (users.has_totp(user->id) && !users.check_totp(user->id, text_field(body, "otp"), now)) {
    users.record_attempt(name, from, "bad-otp", now);
    return error_response(401, kWrong);
  }
  users.record_attempt(name, from, "ok", now);
  if (const auto old = ctx.req.cookie(kSessionCookie); !old.empty()) users.close_session(old);  // rotation
  const auto [cookie, session] = users.open_session(user->id, now);
  Response r = ok({{"name", user->name}, {"role", to_string(user->role)}, {"csrf", session.csrf}});
  r.headers.emplace_back("Set-Cookie", cookie_header(ctx.site, cookie, ctx.site.limits.absolute_seconds));
  return r;
}

Response logout(Ctx& ctx) {
  ctx.site.users.close_session(ctx.req.cookie(kSessionCookie));
  Response r;
  r.status = 204;
  r.headers.emplace_back("Set-Cookie", cookie_header(ctx.site, "", 0));
  return r;
}

Response me(Ctx& ctx) {
  std::vector<std::string> cases;
  for (const auto& c : ctx.site.users.cases_of(ctx.user->id))
    if (case_exists(ctx.site, c)) cases.push_back(c);
  return ok({{"name", ctx.user->name}, {"role", to_string(ctx.user->role)}, {"csrf", ctx.session->csrf}, {"cases", cases}});
}

}  // namespace corridor::server

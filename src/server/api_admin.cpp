// /api/v1/users and /api/v1/admin/cases, /cases/{case}/members/{user}: accounts and
// memberships, for admins. They name case folders and members, never case content.
#include "core/error.hpp"
#include "server/api.hpp"

namespace corridor::server {

Response list_users(Ctx& ctx) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& u : ctx.site.users.list())
    out.push_back({{"name", u.name}, {"role", to_string(u.role)}, {"disabled", u.disabled}, {"created_at", u.created_at},
                   {"cases", ctx.site.users.cases_of(u.id)}});
  return ok({{"users", out}});
}

Response add_user(Ctx& ctx) {
  const auto body = json_body(ctx);
  const auto role = store::role_from(text_field(body, "role"));
  if (!role) return error_response(400, "role is analyst, supervisor, auditor or admin");
  const auto u = ctx.site.users.add(text_field(body, "name"), *role, text_field(body, "password"));
  return ok({{"name", u.name}, {"role", to_string(u.role)}}, 201);
}

Response admin_cases(Ctx& ctx) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& name : case_folders(ctx.site)) out.push_back({{"name", name}, {"members", ctx.site.users.members_of(name)}});
  return ok({{"cases", out}});
}

namespace {

Response membership(Ctx& ctx, bool grant) {
  const std::string& name = ctx.params.at(0);
  const std::string& user = ctx.params.at(1);
  if (!case_exists(ctx.site, name)) return error_response(404, "no such case");
  if (!ctx.site.users.find(user)) return error_response(404, "no such user");
  if (grant) ctx.site.users.grant(name, user, ctx.actor());
  else ctx.site.users.revoke(name, user);
  return ok({{"case", name}, {"members", ctx.site.users.members_of(name)}});
}

}  // namespace

Response grant_member(Ctx& ctx) { return membership(ctx, true); }
Response revoke_member(Ctx& ctx) { return membership(ctx, false); }

}  // namespace corridor::server

// Every route of the server × every kind of user: anonymous, members and non-members of a
// case in each role. The expected answer comes from the route's need by the table below,
// written apart from the server's own decision, so a route added with a wrong need, or a
// need the table does not know, fails here. Requests go through dispatch(), the function
// the HTTPS listener calls (the listener itself is tested in https_test.cpp).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/sha256.hpp"
#include "server/jobs.hpp"
#include "server/routes.hpp"
#include "server_case.hpp"

using namespace corridor;
using corridor::test::ServerCase;
using server::Need;

namespace {

enum class Who { Anonymous, AnalystMember, AnalystStranger, SupervisorMember, AuditorMember, AdminStranger, AdminMember };
const Who kEveryone[] = {Who::Anonymous,     Who::AnalystMember, Who::AnalystStranger, Who::SupervisorMember,
                         Who::AuditorMember, Who::AdminStranger, Who::AdminMember};

const char* name_of(Who w) {
  switch (w) {
    case Who::Anonymous: return "anonymous";
    case Who::AnalystMember: return "ana";
    case Who::AnalystStranger: return "nora";
    case Who::SupervisorMember: return "sam";
    case Who::AuditorMember: return "audrey";
    case Who::AdminStranger: return "root";
    case Who::AdminMember: return "ada";
  }
  return "?";
}

// 0: allowed (the handler answers); else the status a refusal must have.
int expected(Need need, Who who) {
  if (need == Need::Public) return 0;
  if (who == Who::Anonymous) return 401;
  const bool member = who != Who::AnalystStranger && who != Who::AdminStranger;
  switch (need) {
    case Need::Authenticated: return 0;
    case Need::SiteAdmin: return who == Who::AdminStranger || who == Who::AdminMember ? 0 : 403;
    case Need::CaseRead:
      if (!member) return 404;
      return who == Who::AuditorMember ? 403 : 0;
    case Need::CaseWrite:
      if (!member) return 404;
      return who == Who::AnalystMember || who == Who::SupervisorMember ? 0 : 403;
    case Need::CaseReview:
      if (!member) return 404;
      return who == Who::SupervisorMember ? 0 : 403;
    case Need::CaseAudit:
      if (!member) return 404;
      return who == Who::AuditorMember || who == Who::AdminMember ? 0 : 403;
    case Need::Public: return 0;
  }
  ADD_FAILURE() << "a need the matrix does not know: " << server::to_string(need);
  return -1;
}

ServerCase& site() {
  static ServerCase* s = [] {
    auto* c = new ServerCase;
    c->add_user("ana", store::Role::Analyst, true);
    c->add_user("nora", store::Role::Analyst, false);
    c->add_user("sam", store::Role::Supervisor, true);
    c->add_user("audrey", store::Role::Auditor, true);
    c->add_user("root", store::Role::Admin, false);
    c->add_user("ada", store::Role::Admin, true);
    c->add_user("zed", store::Role::Analyst, false);  // the user membership routes change
    c->job = c->jobs.start("op", "test", "ana", [](const auto&) { return nlohmann::ordered_json{{"ok", true}}; });
    return c;
  }();
  return *s;
}

// A request to `route` with its placeholders filled and a body its handler accepts.
server::Request request_for(const server::Route& route, ServerCase& s) {
  server::Request r;
  r.method = route.method;
  std::string path = route.path;
  const auto fill = [&](const std::string& key, const std::string& value) {
    if (auto at = path.find(key); at != std::string::npos) path.replace(at, key.size(), value);
  };
  fill("{case}", "op");
  const std::string pattern = route.path;
  fill("{id}", pattern.find("/entities/") != std::string::npos ? s.entity
               : pattern.find("/jobs/") != std::string::npos  ? std::to_string(s.job)
                                                              : std::to_string(s.indicator));
  fill("{user}", "zed");
  fill("{name}", "offers");
  r.path = path;
  r.remote_address = "127.0.0.1";
  r.headers["x-corridor-why"] = "authorisation matrix";
  if (std::string(route.path).ends_with("/path")) {
    r.query.emplace("from", s.entity);
    r.query.emplace("to", s.linked);
  }
  if (std::string(route.path).ends_with("/search")) r.query.emplace("q", "deposit");
  if (std::string(route.path).ends_with("/network")) r.query.emplace("ids", s.entity);
  if (std::string(route.path).ends_with("/map")) r.query.emplace("bbox", "-180,-90,180,90");
  const std::string p = route.path;
  if (p == "/api/v1/session" && r.method == "POST") r.body = R"({"name":"ana","password":"correct horse battery"})";
  else if (p.ends_with("/review")) r.body = R"({"decision":"reopen","reason":"matrix"})";
  else if (p.ends_with("/jobs")) r.body = R"({"kind":"ingest"})";  // nothing left to read: a short job
  else if (p.ends_with("/detectors/{name}")) r.body = R"({"stopped":false})";  // resume: changes nothing
  else if (p.ends_with("/exports")) r.body = R"({"format":"graphml","recipient":"the matrix"})";
  else if (p == "/api/v1/users" && r.method == "POST")
    r.body = R"({"name":"u)" + std::to_string(s.next_name++) + R"(","role":"analyst","password":"correct horse battery"})";
  return r;
}

// What the listener does for a route that streams its body: the file written beforehand.
void upload_for(server::Request& r, ServerCase& s) {
  const std::string bytes = "an exhibit uploaded by the matrix\n";
  const auto temp = server::upload_temp(s.site, r);
  test::write_file(temp, bytes);
  r.upload = server::Request::Upload{temp, to_hex(sha256(bytes)), bytes.size()};
  r.headers["x-file-name"] = "matrix.txt";
}

// One request of the matrix: `route` as `who`.
void check_route(const server::Route& route, Who who) {
  ServerCase& s = site();
  server::Request req = request_for(route, s);
  if (who != Who::Anonymous) s.sign_in(name_of(who), req);
  const int want = expected(route.need, who);
  SCOPED_TRACE(std::string(route.method) + " " + route.path + " as " + name_of(who));
  if (route.streams_body) {
    if (auto refused = server::precheck(s.site, req)) {
      EXPECT_EQ(refused->status, want);
      return;
    }
    upload_for(req, s);
  }
  const auto res = server::dispatch(s.site, req);
  SCOPED_TRACE(res.body);
  if (want == 0) {
    EXPECT_GE(res.status, 200);
    EXPECT_LT(res.status, 300);
  } else {
    EXPECT_EQ(res.status, want);
  }
  // A refusal never shows case content.
  if (want != 0) {
    EXPECT_EQ(res.body.find("Operation Delta"), std::string::npos);
  }
}

}  // namespace

// One test over the whole table (one process: the served folder is made once), so a route
// added to the table is in the matrix without anyone listing it.
TEST(AuthzMatrix, EveryRouteAnswersEveryUserAsItsNeedSays) {
  ASSERT_GE(server::routes().size(), 20u);
  for (const auto& route : server::routes())
    for (Who who : kEveryone) check_route(route, who);
  site().jobs.drain();  // the jobs the matrix started end before the process does
}

// Gitea's check: every permission but the one a route needs is refused. A member in each
// role that is not enough gets 403, never the content.
TEST(Authz, EachCaseNeedRefusesEveryOtherRole) {
  using store::Role;
  for (Need need : {Need::CaseRead, Need::CaseWrite, Need::CaseReview, Need::CaseAudit, Need::SiteAdmin}) {
    int allowed = 0;
    for (Role role : {Role::Analyst, Role::Supervisor, Role::Auditor, Role::Admin}) {
      store::User u;
      u.role = role;
      const int d = server::decide(need, u, true);
      EXPECT_TRUE(d == 0 || d == 403) << server::to_string(need) << " " << to_string(role);
      allowed += d == 0;
    }
    EXPECT_GE(allowed, 1) << server::to_string(need);
    EXPECT_LT(allowed, 4) << server::to_string(need);  // no need is met by every role
  }
  store::User disabled;
  disabled.role = store::Role::Admin;
  disabled.disabled = true;
  EXPECT_EQ(server::decide(Need::Authenticated, disabled, true), 401);
}

TEST(Authz, ANonMemberCannotTellACaseFromNoCase) {
  ServerCase& s = site();
  server::Request a, b;
  a.method = b.method = "GET";
  a.path = "/api/v1/cases/op";
  b.path = "/api/v1/cases/no-such-case";
  s.sign_in("nora", a);
  s.sign_in("nora", b);
  const auto ra = server::dispatch(s.site, a), rb = server::dispatch(s.site, b);
  EXPECT_EQ(ra.status, 404);
  EXPECT_EQ(ra.status, rb.status);
  EXPECT_EQ(ra.body, rb.body);
  // Their case list does not name it either.
  server::Request list;
  list.method = "GET";
  list.path = "/api/v1/cases";
  s.sign_in("nora", list);
  EXPECT_EQ(server::dispatch(s.site, list).body, R"({"cases":[]})");
}

TEST(Authz, StateChangesNeedTheSessionsCsrfToken) {
  ServerCase& s = site();
  server::Request r;
  r.method = "POST";
  r.path = "/api/v1/cases/op/indicators/" + std::to_string(s.indicator) + "/review";
  r.body = R"({"decision":"reopen","reason":"csrf test"})";
  s.sign_in("sam", r);
  r.headers.erase("x-csrf-token");
  EXPECT_EQ(server::dispatch(s.site, r).status, 403);
  r.headers["x-csrf-token"] = std::string(64, 'a');
  EXPECT_EQ(server::dispatch(s.site, r).status, 403);
  s.sign_in("sam", r);
  EXPECT_EQ(server::dispatch(s.site, r).status, 200);
}

TEST(Authz, PathsAndMethodsOutsideTheTableAreRefused) {
  ServerCase& s = site();
  for (const auto& [method, path, status] : std::vector<std::tuple<std::string, std::string, int>>{
           {"GET", "/api/v1/cases/op/../../users", 404},
           {"GET", "/api/v1/secret", 404},
           {"GET", "/", 404},
           {"PATCH", "/api/v1/me", 405},
           {"DELETE", "/api/v1/cases/op", 405},
           {"GET", "/api/v1/cases//evidence", 404}}) {
    server::Request r;
    r.method = method;
    r.path = path;
    s.sign_in("ada", r);
    EXPECT_EQ(server::dispatch(s.site, r).status, status) << method << " " << path;
  }
}

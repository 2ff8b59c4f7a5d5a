// `corridor serve` started for real on loopback, spoken to over HTTPS with its self-signed
// certificate verified: sign-in cookies, security headers, CSRF, throttling of failed
// logins, the ledger entry of a consultation, and a TLS handshake by `openssl s_client`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "served.hpp"
#include "core/sha256.hpp"
#include "core/totp.hpp"
#include "store/audit_ledger.hpp"

using namespace corridor;
using corridor::test::kTestPassword;
using corridor::test::ServerCase;
using corridor::test::Team;

TEST(Https, SignInGivesAStrictCookieAndEveryAnswerCarriesTheSecurityHeaders) {
  Team t;
  ASSERT_GT(t.served.port(), 0) << t.served.first_line();
  EXPECT_NE(t.served.first_line().find("self-signed, made now, SHA-256 "), std::string::npos) << t.served.first_line();
  auto anonymous = t.client.Get("/api/v1/me");
  ASSERT_TRUE(anonymous) << httplib::to_string(anonymous.error());
  EXPECT_EQ(anonymous->status, 401);
  auto r = t.client.Post("/api/v1/session", nlohmann::json{{"name", "sam"}, {"password", kTestPassword}}.dump(),
                         "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const std::string cookie = r->get_header_value("Set-Cookie");
  for (const char* attribute : {"corridor_session=", "; HttpOnly", "; Secure", "; SameSite=Strict", "; Path=/"})
    EXPECT_NE(cookie.find(attribute), std::string::npos) << cookie;
  for (const char* header : {"Content-Security-Policy", "X-Content-Type-Options", "Strict-Transport-Security",
                             "X-Frame-Options", "Referrer-Policy", "Cache-Control"}) {
    EXPECT_EQ(r->get_header_value_count(header), 1u) << header;
    EXPECT_EQ(anonymous->get_header_value_count(header), 1u) << header;
  }
  EXPECT_EQ(r->get_header_value("Content-Security-Policy").find("unsafe-inline"), std::string::npos);
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'"), std::string::npos);
}

TEST(Https, AMemberReadsTheCaseAndTheConsultationIsLoggedWithTheUserAndReason) {
  Team t;
  const auto [cookie, csrf] = t.sign_in("sam", kTestPassword);
  ASSERT_FALSE(cookie.empty());
  httplib::Headers h{{"Cookie", cookie}, {"X-Corridor-Why", "weekly review of the exhibits"}};
  auto r = t.client.Get("/api/v1/cases/op/evidence", h);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto j = nlohmann::json::parse(r->body);
  ASSERT_EQ(j["evidence"].size(), 1u);
  EXPECT_EQ(j["evidence"][0]["name"], "_chat.txt");
  auto c = store::CaseFolder::open(t.s.t / "op");
  const auto entries = store::AuditLedger(c->db()).entries();
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.back().action, "consultation");
  EXPECT_EQ(entries.back().actor, "sam");
  EXPECT_EQ(entries.back().object, "evidence list");
  EXPECT_EQ(entries.back().justification, "weekly review of the exhibits");
  // Reading one indicator is reading a person's data: the default policy wants a reason.
  r = t.client.Get("/api/v1/cases/op/indicators/" + std::to_string(t.s.indicator), {{"Cookie", cookie}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 428) << r->body;
  EXPECT_NE(r->body.find("X-Corridor-Why"), std::string::npos);
  // A change without the CSRF token is refused; with it, done; signed out, refused.
  const std::string path = "/api/v1/cases/op/indicators/" + std::to_string(t.s.indicator) + "/review";
  const std::string body = R"({"decision":"confirm","reason":"borne out by the chat"})";
  r = t.client.Post(path, {{"Cookie", cookie}}, body, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = t.client.Post(path, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, body, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200) << r->body;
  r = t.client.Delete("/api/v1/session", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 204);
  r = t.client.Get("/api/v1/me", {{"Cookie", cookie}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
}

TEST(Https, RepeatedFailedLoginsLockTheNameEvenForTheRightPassword) {
  Team t;
  for (int i = 0; i < 5; ++i) {
    auto r = t.client.Post("/api/v1/session", R"({"name":"sam","password":"wrong wrong wrong"})", "application/json");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(r->body, R"({"error":"wrong name, password or one-time code"})");
  }
  auto r = t.client.Post("/api/v1/session", nlohmann::json{{"name", "sam"}, {"password", kTestPassword}}.dump(),
                         "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 429);
  EXPECT_EQ(r->get_header_value("Set-Cookie"), "");
  auto users = store::UserDirectory::open(t.s.t.path(), false);
  EXPECT_EQ(users->failures_since("sam", 0), 6);  // five wrong, one refused while locked
}

TEST(Https, HostileRequestsGetShortJsonAnswersWithoutInternals) {
  Team t;
  const std::string deep = std::string(100, '[') + std::string(100, ']');
  for (const auto& body : {std::string("{"), deep, std::string("[]"), std::string("{\"name\": 5}"),
                           std::string("\xff\xfe{}"), std::string(2 << 20, 'x')}) {
    auto r = t.client.Post("/api/v1/session", body, "application/json");
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->status == 400 || r->status == 413) << r->status << " " << r->body;
    EXPECT_EQ(r->body.find(t.s.t.path().string()), std::string::npos) << r->body;
    EXPECT_LT(r->body.size(), 200u);
  }
}

TEST(Https, OpensslSClientNegotiatesTlsAndVerifiesTheCertificate) {
  Team t;
  const std::string cmd = "echo | timeout 10 openssl s_client -connect 127.0.0.1:" + std::to_string(t.served.port()) +
                          " -CAfile " + (t.s.t / "tls-cert.pem").string() + " -verify_ip 127.0.0.1 -brief 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  ::pclose(p);
  EXPECT_NE(out.find("Protocol version: TLSv1.3"), std::string::npos) << out;
  EXPECT_NE(out.find("Verification: OK"), std::string::npos) << out;
}

TEST(Https, PlainHttpIsOnlyForLoopback) {
  ServerCase s;
  auto r = test::run_corridor({"serve", s.t.path().string(), "--listen", "0.0.0.0:0", "--insecure-http"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--insecure-http: is allowed on a loopback address only"), std::string::npos) << r.err;
  r = test::run_corridor({"serve", s.t.path().string(), "--listen", "nonsense"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Https, AnEntityPageShowsItsStatementsWithTheEvidenceTextAroundThem) {
  Team t;
  const auto [cookie, csrf] = t.sign_in("sam", kTestPassword);
  ASSERT_FALSE(t.s.entity.empty());
  httplib::Headers h{{"Cookie", cookie}, {"X-Corridor-Why", "who wrote this"}};
  auto r = t.client.Get("/api/v1/cases/op/entities/" + t.s.entity, h);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["id"], t.s.entity);
  ASSERT_GT(j["statements"]["total"].get<int>(), 0);
  bool linked = false, with_context = false;
  for (const auto& l : j["links"]) linked |= l["entity"] == t.s.linked;
  EXPECT_TRUE(linked) << r->body;
  const std::string chat = test::read_file(std::string(CORRIDOR_TEST_DATA) + "/ingest/whatsapp/_chat.txt");
  for (const auto& st : j["statements"]["items"]) {
    EXPECT_TRUE(st["kind"] == "fact" || st["kind"] == "assessment");
    if (st["context"].is_null()) continue;
    with_context = true;
    // The text at the statement's place is the evidence's own bytes there.
    const std::string around = st["context"]["before"].get<std::string>() + st["context"]["text"].get<std::string>() +
                               st["context"]["after"].get<std::string>();
    EXPECT_NE(chat.find(around), std::string::npos) << around;
  }
  EXPECT_TRUE(with_context);
  r = t.client.Get("/api/v1/cases/op/path?from=" + t.s.entity + "&to=" + t.s.linked, h);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(nlohmann::json::parse(r->body)["hops"], 1);
  r = t.client.Get("/api/v1/cases/op/entities/person-0000", h);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST(Https, AnUploadIsStoredAsItArrivesAndAnIngestJobReportsItsProgressUntilItEnds) {
  Team t;
  t.s.add_user("ana", store::Role::Analyst, true);
  const auto [cookie, csrf] = t.sign_in("ana", kTestPassword);
  const std::string chat = test::read_file(std::string(CORRIDOR_TEST_DATA) + "/ingest/whatsapp/WhatsApp Chat with Samir Tarek.txt");
  httplib::Headers h{{"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"X-File-Name", "../../Samir.txt"},
                     {"X-Corridor-Why", "seized phone 3"}};
  auto r = t.client.Post("/api/v1/cases/op/evidence?legal_basis=Warrant%207&acquired_by=Examiner%202", h, chat,
                         "application/octet-stream");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  const auto added = nlohmann::json::parse(r->body);
  EXPECT_EQ(added["sha256"], to_hex(sha256(chat)));
  EXPECT_EQ(added["name"], "Samir.txt");  // a name, never a path
  EXPECT_EQ(added["size"], chat.size());
  const std::string sha = added["sha256"];
  EXPECT_EQ(test::read_file(t.s.t / "op" / "vault" / sha.substr(0, 2) / sha), chat);
  {
    auto c = store::CaseFolder::open(t.s.t / "op");
    const auto last = store::AuditLedger(c->db()).entries().back();
    EXPECT_EQ(last.action, "collection");
    EXPECT_EQ(last.actor, "ana");
    EXPECT_EQ(last.justification, "legal basis: Warrant 7; seized phone 3");
  }
  // Without the CSRF token, refused before a byte is stored.
  r = t.client.Post("/api/v1/cases/op/evidence", {{"Cookie", cookie}, {"X-File-Name", "x.txt"}}, "other bytes",
                    "application/octet-stream");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);

  r = t.client.Post("/api/v1/cases/op/jobs", h, R"({"kind":"ingest","items":[")" + sha + R"("]})", "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 202) << r->body;
  const auto id = nlohmann::json::parse(r->body)["id"].get<std::int64_t>();
  std::string events;
  auto s = t.client.Get("/api/v1/cases/op/jobs/" + std::to_string(id) + "/events", {{"Cookie", cookie}},
                        [&](const char* data, std::size_t n) {
                          events.append(data, n);
                          return true;
                        });
  ASSERT_TRUE(s);
  EXPECT_EQ(s->status, 200);
  EXPECT_EQ(s->get_header_value("Content-Type"), "text/event-stream");
  const auto end = events.rfind("event: end\ndata: ");
  ASSERT_NE(end, std::string::npos) << events;
  const auto last = nlohmann::json::parse(events.substr(end + 17, events.find("\n\n", end) - end - 17));
  EXPECT_EQ(last["state"], "done") << last.dump();
  ASSERT_EQ(last["result"]["files"].size(), 1u);
  EXPECT_GT(last["result"]["files"][0]["statements"].get<int>(), 0);
  r = t.client.Get("/api/v1/cases/op/jobs/" + std::to_string(id), {{"Cookie", cookie}});
  ASSERT_TRUE(r);
  EXPECT_EQ(nlohmann::json::parse(r->body)["state"], "done");
  r = t.client.Get("/api/v1/cases/op/jobs/9999", {{"Cookie", cookie}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST(Https, ASecondFactorIsAskedForAndEachCodeServesOnce) {
  Team t;
  const std::string secret_text = t.s.users->enable_totp("sam");
  const auto secret = *base32_decode(secret_text);
  const auto login = [&](const std::string& otp) {
    nlohmann::json body{{"name", "sam"}, {"password", kTestPassword}};
    if (!otp.empty()) body["otp"] = otp;
    auto r = t.client.Post("/api/v1/session", body.dump(), "application/json");
    return r ? r->status : -1;
  };
  EXPECT_EQ(login(""), 401);
  EXPECT_EQ(login("000000") == 401 || totp_code(secret, std::time(nullptr)) == "000000", true);
  const std::string code = totp_code(secret, std::time(nullptr));
  EXPECT_EQ(login(code), 200);
  EXPECT_EQ(login(code), 401);  // replayed
  auto users = store::UserDirectory::open(t.s.t.path(), false);
  EXPECT_GE(users->failures_since("sam", 0), 2);
}

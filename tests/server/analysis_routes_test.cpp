// The analysis routes over HTTPS on a real `corridor serve`: search, reveal of a protected
// person, stopping a detector, an export to a recipient, the bias audit; each answered only
// to the role it is for, and each in the ledger with the user and the reason.
#include <gtest/gtest.h>

#include "app/subject_category.hpp"
#include "served.hpp"
#include "store/audit_ledger.hpp"
#include "store/sqlite.hpp"

using namespace corridor;
using corridor::test::kTestPassword;
using corridor::test::Team;

namespace {

struct Session {
  std::string cookie, csrf;
  httplib::Headers with(const std::string& why = "") const {
    httplib::Headers h{{"Cookie", cookie}, {"X-CSRF-Token", csrf}};
    if (!why.empty()) h.emplace("X-Corridor-Why", why);
    return h;
  }
};

struct AnalysisTeam : Team {
  Session sam, ana, audrey;
  AnalysisTeam() {
    s.add_user("ana", store::Role::Analyst, true);
    s.add_user("audrey", store::Role::Auditor, true);
    sam = as("sam");
    ana = as("ana");
    audrey = as("audrey");
  }
  Session as(const std::string& name) {
    const auto [cookie, csrf] = sign_in(name, kTestPassword);
    return {cookie, csrf};
  }
  AuditEntry last_entry() {
    auto c = store::CaseFolder::open(s.t / "op");
    return store::AuditLedger(c->db()).entries().back();
  }
  std::string person_named(const std::string& name) {
    auto c = store::CaseFolder::open(s.t / "op");
    store::Stmt q(c->db(), "SELECT e.id FROM entities e JOIN statements s ON s.entity = e.rid "
                           "WHERE e.schema = 'Person' AND s.property = 'name' AND s.value = ?");
    q.bind(1, name);
    return q.step() ? q.text(0) : std::string();
  }
};

nlohmann::json json_of(const httplib::Result& r) { return nlohmann::json::parse(r->body); }

}  // namespace

TEST(AnalysisRoutes, ASearchFindsTheMessageAndTheLedgerKeepsWhatWasSearched) {
  AnalysisTeam t;
  auto r = t.client.Get("/api/v1/cases/op/search?q=deposit%20FRIDAY", t.ana.with("tracing the deposit"));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto j = json_of(r);
  EXPECT_EQ(j["total"], 1);
  ASSERT_EQ(j["hits"].size(), 1u);
  EXPECT_EQ(j["hits"][0]["value"], "Send the deposit to +33 612 345 678 before Friday");
  EXPECT_EQ(j["hits"][0]["entity"]["schema"], "Message");
  EXPECT_EQ(j["hits"][0]["made_by"], "whatsapp@1");
  const auto e = t.last_entry();
  EXPECT_EQ(e.actor, "ana");
  EXPECT_EQ(e.action, "consultation");
  EXPECT_EQ(e.object, "search \"deposit FRIDAY\" (1 found)");
  EXPECT_EQ(e.justification, "tracing the deposit");
  r = t.client.Get("/api/v1/cases/op/search?q=%20", t.ana.with("x"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  r = t.client.Get("/api/v1/cases/op/search?q=" + std::string(600, 'a'), t.ana.with("x"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  r = t.client.Get("/api/v1/cases/op/search?q=deposit", t.audrey.with("x"));  // the auditor reads no content
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
}

TEST(AnalysisRoutes, OnlyASupervisorWithAReasonSeesAProtectedPersonByName) {
  AnalysisTeam t;
  const std::string nour = t.person_named("Nour");
  ASSERT_FALSE(nour.empty());
  {
    auto c = store::CaseFolder::open(t.s.t / "op");
    app::categorise_subject(*c, nour, "smuggled-migrant", "Examiner 1", "paid for a crossing");
  }
  auto r = t.client.Get("/api/v1/cases/op/entities/" + nour, t.ana.with("who paid"));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const std::string pseudonym = json_of(r)["label"];
  EXPECT_EQ(pseudonym.rfind("ps-", 0), 0u) << pseudonym;
  EXPECT_EQ(r->body.find("Nour"), std::string::npos);
  const std::string reveal = "/api/v1/cases/op/entities/" + nour + "/reveal";
  r = t.client.Post(reveal, t.ana.with("who paid"), "", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = t.client.Post(reveal, t.sam.with(), "", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 428);
  r = t.client.Post(reveal, t.sam.with("witness statement to be taken"), "", "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json_of(r)["label"], "Nour");
  const auto e = t.last_entry();
  EXPECT_EQ(e.actor, "sam");
  EXPECT_EQ(e.object.rfind("revealed protected subjects in entity " + nour + ": ", 0), 0u) << e.object;
  EXPECT_EQ(e.justification, "witness statement to be taken");
  r = t.client.Post("/api/v1/cases/op/entities/person-none/reveal", t.sam.with("x"), "", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

// The answer cache (server/answer_cache.hpp): a page asked again is the same answer, logged
// again; once a command beside the server changes the case, the next answer is made anew.
TEST(AnalysisRoutes, AnAnswerAskedAgainIsLoggedAgainAndMadeAnewOnceTheCaseChanged) {
  AnalysisTeam t;
  const std::string nour = t.person_named("Nour");
  ASSERT_FALSE(nour.empty());
  const std::string page = "/api/v1/cases/op/entities/" + nour, search = "/api/v1/cases/op/search?q=Nour";
  auto first = t.client.Get(page, t.ana.with("who paid"));
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(json_of(first)["label"], "Nour");
  auto found = t.client.Get(search, t.ana.with("who paid"));
  ASSERT_TRUE(found);
  ASSERT_EQ(found->status, 200) << found->body;
  const auto hits = json_of(found)["total"].get<int>();
  EXPECT_GE(hits, 1);
  const std::int64_t entries = t.last_entry().seq;
  auto again = t.client.Get(page, t.sam.with("checking the payer"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, first->body);
  auto e = t.last_entry();
  EXPECT_EQ(e.seq, entries + 1);
  EXPECT_EQ(e.actor, "sam");
  EXPECT_EQ(e.object, "entity " + nour + "; data of " + nour);
  EXPECT_EQ(e.justification, "checking the payer");
  found = t.client.Get(search, t.sam.with("checking the payer"));
  ASSERT_TRUE(found);
  EXPECT_EQ(json_of(found)["total"], hits);
  EXPECT_EQ(t.last_entry().object, "search \"Nour\" (" + std::to_string(hits) + " found)");
  {
    auto c = store::CaseFolder::open(t.s.t / "op");
    app::categorise_subject(*c, nour, "smuggled-migrant", "Examiner 1", "paid for a crossing");
  }
  auto after = t.client.Get(page, t.ana.with("who paid"));
  ASSERT_TRUE(after);
  ASSERT_EQ(after->status, 200) << after->body;
  EXPECT_EQ(json_of(after)["label"].get<std::string>().rfind("ps-", 0), 0u) << after->body;
  EXPECT_EQ(after->body.find("Nour"), std::string::npos);
  found = t.client.Get(search, t.ana.with("who paid"));
  ASSERT_TRUE(found);
  EXPECT_TRUE(json_of(found)["hits"].empty()) << found->body;
  EXPECT_EQ(t.last_entry().object, "search \"Nour\" (0 found)");
}

TEST(AnalysisRoutes, ASupervisorStopsAndResumesADetectorWithTheReasonLogged) {
  AnalysisTeam t;
  auto r = t.client.Get("/api/v1/cases/op/detectors", t.ana.with());
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  std::vector<std::string> names;
  const auto listed = json_of(r);
  for (const auto& d : listed["detectors"]) {
    names.push_back(d["name"]);
    EXPECT_FALSE(d["stopped"].get<bool>());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"offers", "money", "hotspots", "documents", "vessels"}));
  const nlohmann::json stop{{"stopped", true}};
  r = t.client.Put("/api/v1/cases/op/detectors/offers", t.ana.with("too many false hits"), stop.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = t.client.Put("/api/v1/cases/op/detectors/offers", t.sam.with(), stop.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 428);
  r = t.client.Put("/api/v1/cases/op/detectors/nosuch", t.sam.with("x"), stop.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  r = t.client.Put("/api/v1/cases/op/detectors/offers", t.sam.with(), R"({"stopped":true,"reason":"model under review"})",
                   "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json_of(r), (nlohmann::json{{"name", "offers"}, {"stopped", true}, {"withdrawn_indicators", 0}}));
  auto e = t.last_entry();
  EXPECT_EQ(e.actor, "sam");
  EXPECT_EQ(e.object, "stop detector offers: 0 open indicators withdrawn");
  EXPECT_EQ(e.justification, "model under review");
  r = t.client.Get("/api/v1/cases/op/detectors", t.ana.with());
  ASSERT_TRUE(r);
  EXPECT_TRUE(json_of(r)["detectors"][0]["stopped"].get<bool>());
  r = t.client.Put("/api/v1/cases/op/detectors/offers", t.sam.with("review done"), R"({"stopped":false})", "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(t.last_entry().object, "resume detector offers");
}

TEST(AnalysisRoutes, AnExportIsADisclosureToANamedRecipientLoggedBeforeTheFileIsSent) {
  AnalysisTeam t;
  const nlohmann::json gexf{{"format", "gexf"}, {"recipient", "Prosecutor 3"}};
  auto r = t.client.Post("/api/v1/cases/op/exports", t.ana.with("for trial"), gexf.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = t.client.Post("/api/v1/cases/op/exports", t.sam.with(), gexf.dump(), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 428);  // the default policy wants a reason for every export
  r = t.client.Post("/api/v1/cases/op/exports", t.sam.with("for trial"), R"({"format":"pdf","recipient":"x"})",
                    "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  r = t.client.Post("/api/v1/cases/op/exports", t.sam.with("for trial"), gexf.dump(), "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/gexf+xml");
  EXPECT_EQ(r->get_header_value("Content-Disposition"), "attachment; filename=\"op-network.gexf\"");
  EXPECT_EQ(r->body.rfind("<?xml", 0), 0u);
  EXPECT_NE(r->body.find("<gexf"), std::string::npos);
  const auto e = t.last_entry();
  EXPECT_EQ(e.action, "disclosure");
  EXPECT_EQ(e.actor, "sam");
  EXPECT_NE(e.object.find(" to Prosecutor 3 as a download"), std::string::npos) << e.object;
  EXPECT_EQ(e.justification, "for trial");
  r = t.client.Post("/api/v1/cases/op/exports", t.sam.with("for trial"), R"({"format":"csv","recipient":"Analyst unit"})",
                    "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/zip");
  EXPECT_EQ(r->body.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(r->body.find("nodes.csv"), std::string::npos);
  EXPECT_NE(r->body.find("edges.csv"), std::string::npos);
  for (const auto& f : std::filesystem::directory_iterator(t.s.t / "op"))
    EXPECT_NE(f.path().filename().string().rfind("export-", 0), 0u) << "left behind: " << f.path().filename();
}

TEST(AnalysisRoutes, TheAuditorReadsTheBiasAuditAndNoOneElseDoes) {
  AnalysisTeam t;
  auto r = t.client.Get("/api/v1/cases/op/bias-audit", t.sam.with("x"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = t.client.Get("/api/v1/cases/op/bias-audit?min_score=2", t.audrey.with("quarterly audit"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  r = t.client.Get("/api/v1/cases/op/bias-audit?min_group=3", t.audrey.with("quarterly audit"));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto j = json_of(r);
  EXPECT_EQ(j["case"], "op");
  EXPECT_EQ(j["min_group"], 3);
  EXPECT_EQ(j["persons"], 2);  // Samir Tarek and Nour
  EXPECT_EQ(r->body.find("Nour"), std::string::npos);  // aggregates only
  const auto e = t.last_entry();
  EXPECT_EQ(e.actor, "audrey");
  EXPECT_EQ(e.object.rfind("bias audit: 2 persons, ", 0), 0u) << e.object;
  EXPECT_EQ(e.justification, "quarterly audit");
}

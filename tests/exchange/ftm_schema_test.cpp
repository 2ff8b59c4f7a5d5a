// The FtM export checked against FollowTheMoney's own schema files, as Aleph would read
// it: every entity of a realistic case (the demo data and every reader's test files,
// ingested and resolved) has a schema FtM has, neither abstract nor deprecated, only
// properties of that schema, its required ones, and entity references that resolve to an
// exported entity of the schema the property allows.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "app/add_evidence.hpp"
#include "app/ingest_evidence.hpp"
#include "app/case_policy_change.hpp"
#include "app/resolve_case.hpp"
#include "demo/demo_case.hpp"
#include "exchange/ftm.hpp"
#include "ftm_model.hpp"
#include "graph/case_graph.hpp"
#include "store/case_folder.hpp"

using namespace corridor;
using corridor::test::FtmModel;

namespace {

const std::filesystem::path kSchemaDir = CORRIDOR_SHARED_DATA "/followthemoney/schema";

const FtmModel& model() {
  static const FtmModel m(kSchemaDir);
  return m;
}

// The small demo case plus one file of each reader the demo does not use.
std::unique_ptr<store::CaseFolder> realistic_case(const std::filesystem::path& dir) {
  const auto& demo = test::shared_case();
  auto c = store::CaseFolder::init(dir, "FtM export", "Examiner 1");
  app::AddRequest req;
  for (const char* f : {"seized-phone.zip", "posts.jsonl", "payments.csv", "ais.nmea"})
    req.files.push_back(demo.c.dir / f);
  const std::filesystem::path data = CORRIDOR_TEST_DATA "/ingest";
  for (const char* f : {"email/inbox.mbox", "email/offer.eml", "image/photo.jpg", "payments/aml.csv",
                        "payments/mto.csv", "posts/posts.csv", "telegram/result.json", "text/ad.html",
                        "text/notes.txt", "whatsapp/_chat.txt", "whatsapp/arabic.txt", "archive/whatsapp_export.zip"})
    req.files.push_back(data / f);
  req.actor = "Examiner 1";
  req.acquisition.acquired_at = "2026-03-01T10:00:00Z";
  req.acquisition.legal_basis = "Warrant 7";
  std::vector<std::string> shas;
  for (const auto& a : app::add_evidence(*c, req)) shas.push_back(a.evidence.sha256);
  app::IngestOptions io;
  io.actor = "Examiner 1";
  io.region = "LY";
  const auto r = app::ingest_evidence(*c, shas, io);
  EXPECT_EQ(r.errors(), 0);
  // Merges apply unreviewed here, so the export has the Similar links of merged persons.
  app::change_case_policy(*c, {{"auto_merge_above", "0.9"}}, "Examiner 1", "test");
  app::resolve_case(*c, app::ResolveSettings{}, "Examiner 1", "test");
  return c;
}

std::vector<nlohmann::json> export_lines(store::CaseFolder& c) {
  std::ostringstream out;
  exchange::write_ftm_lines(out, c.db(), graph::load_case_graph(c.db()));
  std::vector<nlohmann::json> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

// "id (Schema): required property payer missing" -> "(Schema) required property".
std::string kind_of(const std::string& problem) {
  const auto open = problem.find(" ("), colon = problem.find("): ");
  if (open == std::string::npos || colon == std::string::npos) return problem;
  const std::string what = problem.substr(colon + 3);
  return problem.substr(open + 1, colon - open) + " " + what.substr(0, what.find(' ', what.find(' ') + 1));
}

}  // namespace

TEST(FtmSchema, ModelResolvesInheritance) {
  const FtmModel& m = model();
  EXPECT_GT(m.size(), 60u);
  ASSERT_NE(m.find("Payment"), nullptr);
  EXPECT_TRUE(m.is_a("Payment", "Interval"));
  EXPECT_TRUE(m.is_a("Message", "Document"));
  EXPECT_FALSE(m.is_a("UserAccount", "LegalEntity"));
  EXPECT_TRUE(m.find("Post")->deprecated);
  EXPECT_TRUE(m.find("Thing")->abstract);
  ASSERT_NE(m.property("Message", "bodyText"), nullptr);  // from Document
  EXPECT_EQ(m.property("Payment", "payer")->range, "LegalEntity");
  EXPECT_EQ(m.property("Person", "name")->type, "name");  // from Thing
  EXPECT_EQ(m.property("Payment", "name"), nullptr);
  EXPECT_EQ(m.find("Phone"), nullptr);
  // The validator names what Aleph would refuse.
  const std::vector<nlohmann::json> bad = {
      {{"id", "p1"}, {"schema", "Phone"}, {"properties", {{"number", {"+1"}}}}},
      {{"id", "pay"},
       {"schema", "Payment"},
       {"properties", {{"name", {"9 EUR"}}, {"payer", {"u"}}, {"date", {"2026-02-01T08:00:00.000Z"}}}}},
      {{"id", "u"}, {"schema", "UserAccount"}, {"properties", {{"username", {"x"}}}}},
      {{"id", "post"}, {"schema", "Post"}, {"properties", {{"holder", {"nobody"}}}}}};
  const auto problems = m.validate(bad);
  const std::set<std::string> got(problems.begin(), problems.end());
  const std::set<std::string> want = {
      "p1 (Phone): no such schema",
      "pay (Payment): required property beneficiary missing",
      "pay (Payment): no property name",
      "pay (Payment): payer names u, a UserAccount, not a LegalEntity",
      "pay (Payment): date is not a date: 2026-02-01T08:00:00.000Z",
      "post (Post): deprecated schema",
      "post (Post): holder names nobody, not in the export"};
  EXPECT_EQ(got, want);
}

TEST(FtmSchema, EveryExportedEntityOfARealisticCaseIsValid) {
  test::TempDir t;
  auto c = realistic_case(t / "case");
  const auto lines = export_lines(*c);
  const auto problems = model().validate(lines);
  // A count per kind of problem, then the first few in full.
  std::map<std::string, std::size_t> kinds;
  for (const auto& p : problems) ++kinds[kind_of(p)];
  std::string summary;
  for (const auto& [k, n] : kinds) summary += "  " + std::to_string(n) + " x " + k + "\n";
  for (std::size_t i = 0; i < problems.size() && i < 15; ++i) summary += "  " + problems[i] + "\n";
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems in " << lines.size() << " entities:\n" << summary;

  // Every kind of Corridor entity and link made it across, as the schema FtM has for it.
  std::map<std::string, std::size_t> schemata;
  for (const auto& e : lines) ++schemata[e["schema"].get<std::string>()];
  for (const char* s : {"Person", "LegalEntity", "UserAccount", "Message", "Payment", "BankAccount", "CryptoWallet",
                        "Passport", "Vessel", "Document", "Package", "Image", "Address", "UnknownLink", "Similar"})
    EXPECT_GT(schemata[s], 0u) << s;
}

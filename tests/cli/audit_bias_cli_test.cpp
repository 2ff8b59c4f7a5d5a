// corridor audit-bias on a small case built through the store: twelve persons with
// nationality, sex and birth date recorded on them or on the passport they hold, reached
// from the indicators' subjects through posts, messages, accounts and bank accounts.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/types.hpp"
#include "store/case_folder.hpp"
#include "store/evidence_store.hpp"
#include "store/indicator_store.hpp"
#include "store/statement_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::run_corridor;
using corridor::test::TempDir;

namespace {

const std::string kSha(64, 'c');

struct CaseBuilder {
  std::unique_ptr<store::CaseFolder> c;
  std::vector<Statement> rows;

  explicit CaseBuilder(const std::string& dir) : c(store::CaseFolder::init(dir, "Operation Fairness", "Examiner 1")) {
    Evidence e;
    e.sha256 = kSha;
    e.size = 100;
    e.media_type = "application/json";
    e.original_name = "records.json";
    e.added_at = "2026-03-05T00:00:00.000Z";
    store::EvidenceStore(c->db()).insert_or_get(e);
  }

  void say(const std::string& entity, const std::string& schema, const std::string& property,
           const std::string& value, const std::string& at = "2026-02-15T10:00:00Z") {
    Statement s;
    s.entity_id = entity;
    s.schema = schema;
    s.property = property;
    s.value = value;
    s.prov = {kSha, Locator{std::nullopt, std::nullopt, "row:" + std::to_string(rows.size() + 1)}, "test@1", at};
    rows.push_back(s);
  }

  // Writes the statements; returns the row id of the first one, in order.
  std::int64_t write() {
    store::Transaction tx(c->db());
    const auto first = store::StatementWriter(c->db()).insert(rows);
    tx.commit();
    return first;
  }

  void indicators(const std::string& family, const std::vector<Indicator>& list) {
    store::Transaction tx(c->db());
    store::IndicatorStore(c->db()).replace_open(family, list, "2026-03-05T00:00:00.000Z");
    tx.commit();
  }
};

Indicator indicator(const std::string& detector, std::vector<std::string> subjects, double score,
                    std::int64_t statement) {
  Indicator ind;
  ind.detector = detector;
  ind.title = detector + " lead";
  ind.subjects = std::move(subjects);
  ind.score = score;
  ind.reasons = {Reason{"planted", 1.0, {statement}}};
  return ind;
}

std::string p(int i) { return "person-" + std::to_string(i); }
std::string acct(int i) { return "useraccount-" + std::to_string(i); }

// Persons 1-5 Syrian, 6-10 Afghan, 11 Eritrean, 12 with nothing recorded. Person 1's
// attributes come only from the MRZ of the passport they hold.
// Offers select 1-4 (post, message, person, account), 6 and 11; a dismissed indicator on
// 7 and one scoring 0.4 on 8 select nobody. money.fan_in selects 9 (bank account).
std::string build(const TempDir& t) {
  const std::string dir = (t / "op").string();
  CaseBuilder b(dir);
  for (int i = 1; i <= 12; ++i) {
    b.say(p(i), "Person", "name", "Person " + std::to_string(i));
    b.say(acct(i), "UserAccount", "owner", p(i));
  }
  b.say("passport-1", "Passport", "passportNumber", "N0000001");
  b.say("passport-1", "Passport", "validation",
        "format=td3;doc_type=P;issuer=SYR;surname=ONE;given=PERSON;number=N0000001;nationality=SYR;"
        "birth=2000-01-01;sex=F;expiry=2030-01-01");
  b.say("passport-1", "Passport", "holder", p(1));
  const char* nationality[] = {"", "SYR", "sy", "sy", "SY", "af", "AFG", "af", "af", "AF", "ER"};
  const char* sex[] = {"", "female", "male", "male", "X", "female", "female", "female", "male", "male", "male"};
  for (int i = 2; i <= 11; ++i) {
    b.say(p(i), "Person", "nationality", nationality[i - 1]);
    b.say(p(i), "Person", "gender", sex[i - 1]);
    b.say(p(i), "Person", "birthDate", i <= 5 ? "2000-01-01" : i <= 10 ? "1980" : "2010-06-01");
  }
  b.say("post-1", "Post", "author", acct(1));
  b.say("message-2", "Message", "sender", acct(2));
  b.say("post-orphan", "Post", "platform", "facebook");
  b.say("bankaccount-9", "BankAccount", "owner", p(9));
  b.say("payment-1", "Payment", "amount", "9000");
  b.say("post-1", "Post", "bodyText", "Trip to Italy, pay after arrival", "2026-03-01T08:00:00Z");  // the latest
  const std::int64_t first = b.write();
  const std::int64_t body = first + static_cast<std::int64_t>(b.rows.size()) - 1;
  const std::int64_t amount = body - 1;

  b.indicators("offers", {indicator("offers", {"post-1", acct(1)}, 0.9, body),
                          indicator("offers", {"message-2"}, 0.8, body),
                          indicator("offers", {p(3)}, 0.7, body),
                          indicator("offers", {acct(4)}, 0.6, body),
                          indicator("offers", {acct(6)}, 0.5, body),
                          indicator("offers", {acct(11), "post-orphan"}, 0.95, body),
                          indicator("offers", {acct(7)}, 0.99, body),
                          indicator("offers", {acct(8)}, 0.4, body)});
  b.indicators("money", {indicator("money.fan_in", {"bankaccount-9", "payment-1"}, 0.9, amount)});
  store::Transaction tx(b.c->db());
  store::IndicatorStore st(b.c->db());
  for (const auto& ind : st.list())
    if (ind.subjects == std::vector<std::string>{acct(7)})
      st.review(ind.id, ReviewState::Dismissed, "Examiner 1", "the post is a news report", "2026-03-05T01:00:00.000Z");
  tx.commit();
  return dir;
}

const nlohmann::json& family(const nlohmann::json& report, const std::string& name) {
  for (const auto& f : report["families"])
    if (f["family"] == name) return f;
  ADD_FAILURE() << "no family " << name;
  return report["families"][0];
}

const nlohmann::json& attribute(const nlohmann::json& fam, const std::string& name) {
  for (const auto& a : fam["attributes"])
    if (a["attribute"] == name) return a;
  ADD_FAILURE() << "no attribute " << name;
  return fam["attributes"][0];
}

// group -> [population, selected]
std::map<std::string, std::pair<int, int>> groups(const nlohmann::json& attr) {
  std::map<std::string, std::pair<int, int>> out;
  for (const auto& g : attr["groups"]) out[g["group"]] = {g["population"], g["selected"]};
  return out;
}

std::vector<std::string> group_names(const nlohmann::json& attr) {
  std::vector<std::string> out;
  for (const auto& g : attr["groups"]) out.push_back(g["group"]);
  return out;
}

}  // namespace

TEST(AuditBiasCli, RatesParityAndFourFifthsPerFamilyAndAttribute) {
  TempDir t;
  const auto dir = build(t);
  auto r = run_corridor({"audit-bias", dir, "--json", "--why", "quarterly fairness review"});
  ASSERT_EQ(r.exit_code, 1) << r.err;  // a four-fifths flag is raised
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["reference_date"], "2026-03-01");
  EXPECT_EQ(j["reference_source"], "latest statement");
  EXPECT_EQ(j["min_score"], 0.5);
  EXPECT_EQ(j["min_group"], 5);
  EXPECT_EQ(j["persons"], 12);
  EXPECT_EQ(j["recorded"], (nlohmann::json{{"age_band", 11}, {"nationality", 11}, {"sex", 11}}));
  EXPECT_NE(j["selected_means"].get<std::string>().find("Dismissed indicators never count"), std::string::npos);
  ASSERT_EQ(j["families"].size(), 3u);
  EXPECT_EQ(j["families"][0]["family"], "money");
  EXPECT_EQ(j["families"][1]["family"], "offers");
  EXPECT_EQ(j["families"][2]["family"], "any");

  const auto& offers = family(j, "offers");
  EXPECT_EQ(offers["indicators"], 6);
  EXPECT_EQ(offers["dismissed"], 1);
  EXPECT_EQ(offers["below_min_score"], 1);
  EXPECT_EQ(offers["subjects"], 8);
  EXPECT_EQ(offers["subjects_on_persons"], 7);
  EXPECT_EQ(offers["other_subjects"], (nlohmann::json{{"Post", 1}}));
  EXPECT_EQ(offers["selected_persons"], 6);
  EXPECT_EQ(offers["population"], 12);

  // Nationality: SY 4 of 5, AF 1 of 5, ER 1 of 1 (too small), 1 unrecorded.
  const auto& nat = attribute(offers, "nationality");
  EXPECT_EQ(group_names(nat), (std::vector<std::string>{"AF", "ER", "SY", "unrecorded"}));
  EXPECT_EQ(groups(nat)["SY"], std::make_pair(5, 4));
  EXPECT_EQ(groups(nat)["AF"], std::make_pair(5, 1));
  EXPECT_EQ(groups(nat)["ER"], std::make_pair(1, 1));
  EXPECT_EQ(groups(nat)["unrecorded"], std::make_pair(1, 0));
  EXPECT_DOUBLE_EQ(nat["groups"][0]["rate"].get<double>(), 0.2);
  EXPECT_DOUBLE_EQ(nat["groups"][2]["rate"].get<double>(), 0.8);
  EXPECT_EQ(nat["groups"][1]["too_small"], true);
  EXPECT_EQ(nat["groups"][1]["compared"], false);
  EXPECT_EQ(nat["groups"][3]["excluded"], true);
  EXPECT_EQ(nat["compared_groups"], 2);
  EXPECT_DOUBLE_EQ(nat["parity_difference"].get<double>(), 4.0 / 5 - 1.0 / 5);
  EXPECT_DOUBLE_EQ(nat["disparate_impact"].get<double>(), 0.25);
  EXPECT_EQ(nat["highest"], "SY");
  EXPECT_EQ(nat["lowest"], "AF");
  EXPECT_EQ(nat["four_fifths_flag"], true);

  // Sex: female 1 2 6 7 8, male 3 4 9 10 11, other 5, unrecorded 12; 3 of 5 each.
  const auto& sex = attribute(offers, "sex");
  EXPECT_EQ(group_names(sex), (std::vector<std::string>{"female", "male", "other", "unrecorded"}));
  EXPECT_EQ(groups(sex)["female"], std::make_pair(5, 3));
  EXPECT_EQ(groups(sex)["male"], std::make_pair(5, 3));
  EXPECT_EQ(groups(sex)["other"], std::make_pair(1, 0));
  EXPECT_DOUBLE_EQ(sex["parity_difference"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(sex["disparate_impact"].get<double>(), 1.0);
  EXPECT_EQ(sex["four_fifths_flag"], false);

  // Age at 2026-03-01: 1-5 born 2000-01-01 are 26; 6-10 born in 1980 are 45 or 46; 11 is 15.
  const auto& age = attribute(offers, "age_band");
  EXPECT_EQ(group_names(age), (std::vector<std::string>{"<18", "26-35", "36-50", "unrecorded"}));
  EXPECT_EQ(groups(age)["26-35"], std::make_pair(5, 4));
  EXPECT_EQ(groups(age)["36-50"], std::make_pair(5, 1));
  EXPECT_EQ(groups(age)["<18"], std::make_pair(1, 1));
  EXPECT_DOUBLE_EQ(age["disparate_impact"].get<double>(), 0.25);
  EXPECT_EQ(age["four_fifths_flag"], true);

  const auto& money = family(j, "money");
  EXPECT_EQ(money["indicators"], 1);
  EXPECT_EQ(money["subjects"], 2);
  EXPECT_EQ(money["subjects_on_persons"], 1);
  EXPECT_EQ(money["other_subjects"], (nlohmann::json{{"Payment", 1}}));
  EXPECT_EQ(money["selected_persons"], 1);
  EXPECT_EQ(groups(attribute(money, "nationality"))["AF"], std::make_pair(5, 1));
  // SY 0 of 5, AF 1 of 5: one selection is enough for a ratio of 0 when groups are this small.
  EXPECT_DOUBLE_EQ(attribute(money, "nationality")["disparate_impact"].get<double>(), 0.0);
  EXPECT_DOUBLE_EQ(attribute(money, "nationality")["parity_difference"].get<double>(), 0.2);
  EXPECT_EQ(attribute(money, "nationality")["four_fifths_flag"], true);

  const auto& any = family(j, "any");
  EXPECT_EQ(any["indicators"], 7);
  EXPECT_EQ(any["dismissed"], 1);
  EXPECT_EQ(any["below_min_score"], 1);
  EXPECT_EQ(any["subjects"], 10);
  EXPECT_EQ(any["subjects_on_persons"], 8);
  EXPECT_EQ(any["other_subjects"], (nlohmann::json{{"Payment", 1}, {"Post", 1}}));
  EXPECT_EQ(any["selected_persons"], 7);
  EXPECT_EQ(groups(attribute(any, "nationality"))["AF"], std::make_pair(5, 2));
  EXPECT_DOUBLE_EQ(attribute(any, "nationality")["disparate_impact"].get<double>(), (2.0 / 5) / (4.0 / 5));

  // Inputs: what each family's reasons cite, none of it protected; the offer model checked.
  bool saw_offers = false, saw_money = false;
  for (const auto& in : j["inputs"]) {
    EXPECT_EQ(in["protected_cited"], nlohmann::json::array()) << in.dump();
    if (in["family"] == "offers") {
      saw_offers = true;
      EXPECT_EQ(in["cited"], (nlohmann::json{"Post.bodyText"}));
      EXPECT_EQ(in["protected_attributes_excluded"], true) << in.dump();
      EXPECT_GT(in["features"]["model_features"].get<int>(), 500);
      EXPECT_EQ(in["features"]["refused"], nlohmann::json::array());
    }
    if (in["family"] == "money") {
      saw_money = true;
      EXPECT_EQ(in["cited"], (nlohmann::json{"Payment.amount"}));
      EXPECT_FALSE(in.contains("features"));
    }
  }
  EXPECT_TRUE(saw_offers && saw_money);

  // The consultation is in the audit ledger, with who and why.
  r = run_corridor({"log", dir, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int entries = 0;
  for (const auto& e : nlohmann::json::parse(r.out))
    if (e["object"].get<std::string>().rfind("bias audit:", 0) == 0) {
      ++entries;
      EXPECT_EQ(e["action"], "consultation");
      EXPECT_EQ(e["object"], "bias audit: 12 persons, 2 detector families, 8 four-fifths flags");
      EXPECT_EQ(e["why"], "quarterly fairness review");
      EXPECT_EQ(e["actor"], "Examiner 1");
    }
  EXPECT_EQ(entries, 1);
}

TEST(AuditBiasCli, OptionsChangeTheReferenceDateScoreAndGroupSize) {
  TempDir t;
  const auto dir = build(t);
  auto r = run_corridor({"audit-bias", dir, "--json", "--reference-date", "2040-01-01", "--min-score", "0.75",
                         "--min-group", "1"});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["reference_date"], "2040-01-01");
  EXPECT_EQ(j["reference_source"], "--reference-date");
  const auto& offers = family(j, "offers");
  EXPECT_EQ(offers["indicators"], 3);  // 0.9, 0.8, 0.95
  EXPECT_EQ(offers["below_min_score"], 4);
  const auto& age = attribute(offers, "age_band");
  EXPECT_EQ(group_names(age), (std::vector<std::string>{"26-35", "36-50", ">50", "unrecorded"}));
  const auto& nat = attribute(offers, "nationality");
  EXPECT_EQ(nat["compared_groups"], 3);  // ER with its one person is compared now
  EXPECT_EQ(nat["highest"], "ER");
  EXPECT_EQ(nat["lowest"], "AF");
  EXPECT_DOUBLE_EQ(nat["disparate_impact"].get<double>(), 0.0);
}

TEST(AuditBiasCli, TableNamesTheRuleAndTheFlag) {
  TempDir t;
  const auto dir = build(t);
  auto r = run_corridor({"audit-bias", dir});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  for (const char* s : {"reference date for ages: 2026-03-01 (latest statement)",
                        "dismissed ones never count", "FOUR-FIFTHS FLAG", "too small to judge", "not compared",
                        "Inputs: protected attributes are never features", "Post.bodyText"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
  r = run_corridor({"audit-bias", "--help"});
  EXPECT_NE(r.out.find("Dismissed indicators never count"), std::string::npos) << r.out;
}

TEST(AuditBiasCli, ADetectorCitingAProtectedPropertyIsAProblem) {
  TempDir t;
  const std::string dir = (t / "op").string();
  {
    CaseBuilder b(dir);
    for (int i = 1; i <= 10; ++i) b.say(p(i), "Person", "nationality", i <= 5 ? "SY" : "AF");
    const auto first = b.write();
    // Even, 2 of 5 in each group, but its reason cites person 1's nationality statement.
    b.indicators("even", {indicator("even", {p(1), p(2), p(6), p(7)}, 0.9, first)});
  }
  auto r = run_corridor({"audit-bias", dir, "--json"});
  ASSERT_EQ(r.exit_code, 1) << r.err;  // no flag, but "even" rests on Person.nationality
  auto j = nlohmann::json::parse(r.out);
  const auto& nat = attribute(family(j, "even"), "nationality");
  EXPECT_DOUBLE_EQ(nat["disparate_impact"].get<double>(), 1.0);
  EXPECT_EQ(nat["four_fifths_flag"], false);
  bool found = false;
  for (const auto& in : j["inputs"])
    if (in["family"] == "even") {
      found = true;
      EXPECT_EQ(in["protected_cited"], (nlohmann::json{"Person.nationality"}));
      EXPECT_EQ(in["protected_attributes_excluded"], false);
    }
  EXPECT_TRUE(found);
  r = run_corridor({"audit-bias", dir});
  EXPECT_NE(r.out.find("PROTECTED PROPERTY CITED: Person.nationality"), std::string::npos) << r.out;
}

TEST(AuditBiasCli, EvenSelectionExitsZero) {
  TempDir t;
  const std::string dir = (t / "op").string();
  {
    CaseBuilder b(dir);
    for (int i = 1; i <= 10; ++i) {
      b.say(p(i), "Person", "nationality", i <= 5 ? "SY" : "AF");
      b.say(acct(i), "UserAccount", "owner", p(i));
    }
    const auto first = b.write();
    b.indicators("even", {indicator("even", {acct(1), acct(6)}, 0.9, first + 1)});
  }
  auto r = run_corridor({"audit-bias", dir, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["reference_source"], "latest statement");
  const auto& nat = attribute(family(j, "even"), "nationality");
  EXPECT_DOUBLE_EQ(nat["disparate_impact"].get<double>(), 1.0);
  // Nothing recorded for sex or age: everyone unrecorded, nothing compared.
  const auto& sex = attribute(family(j, "even"), "sex");
  EXPECT_EQ(group_names(sex), (std::vector<std::string>{"unrecorded"}));
  EXPECT_EQ(sex["disparate_impact"], nullptr);
}

TEST(AuditBiasCli, BadRequestsAreRefused) {
  TempDir t;
  const auto dir = build(t);
  EXPECT_EQ(run_corridor({"audit-bias", dir, "--reference-date", "01/03/2026"}).exit_code, 2);
  EXPECT_EQ(run_corridor({"audit-bias", dir, "--reference-date", "2026-02-30"}).exit_code, 2);
  EXPECT_EQ(run_corridor({"audit-bias", dir, "--min-score", "1.5"}).exit_code, 2);
  EXPECT_EQ(run_corridor({"audit-bias", dir, "--min-group", "0"}).exit_code, 2);
  EXPECT_EQ(run_corridor({"audit-bias", (t / "nothing").string()}).exit_code, 4);
}

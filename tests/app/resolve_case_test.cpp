// Person resolution on a case: a name written in Arabic script and in Latin script with
// the same birth date is merged as an assessment with reasons; people who share only a
// hotline are not; a dry run changes nothing; an unmerge restores and is honoured.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "app/add_evidence.hpp"
#include "app/case_policy_change.hpp"
#include "app/resolve_case.hpp"
#include "app/review_indicator.hpp"
#include "core/error.hpp"
#include "store/audit_ledger.hpp"
#include "store/entity_merges.hpp"
#include "store/indicator_store.hpp"
#include "store/statement_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

namespace {

constexpr const char* kHotline = "+218910000000";

struct PersonCase {
  TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "op", "T", "Examiner 1");
  std::string sha;
  std::map<std::string, std::int64_t> name_statement;  // person id -> its name statement

  void build() {
    test::write_file(t / "register.txt", "passenger register and agent ledger\n");
    app::AddRequest req;
    req.files = {t / "register.txt"};
    req.actor = "Examiner 1";
    sha = app::add_evidence(*c, req).at(0).evidence.sha256;
    store::Transaction tx(c->db());
    store::StatementWriter w(c->db());
    // The same man in two scripts, and a third spelling of him.
    person(w, "person-a", "محمد حسن", "1990-04-12", "SD");
    person(w, "person-b", "Mohammed Hassan", "1990-04-12", "SD");
    person(w, "person-e", "Muhammad Hasan", "1990-04-12", "SD");
    // Other people in the register.
    const char* others[][3] = {{"Yonas Tesfaye", "1985-01-03", "ER"}, {"Aisha Bello", "1999-11-20", "NG"},
                               {"Omar Farouk", "1979-07-07", "EG"},   {"Sara Babikir", "1985-12-01", "SD"},
                               {"Ahmed Fathy", "2003-09-15", "EG"},   {"Rasha Sabbagh", "1996-05-08", "SY"}};
    int n = 0;
    for (const auto& o : others) person(w, "person-o" + std::to_string(++n), o[0], o[1], o[2]);
    // Thirty advertisers who print one agency hotline, each under his own name.
    for (int i = 0; i < 30; ++i) {
      const std::string id = "seller-" + std::to_string(100 + i);
      person(w, id, seller_name(i), "", "");
      fact(w, id, "phone", kHotline);
    }
    tx.commit();
    // These tests are about what a merge writes and undoes: the register's policy lets sure
    // matches merge without a review (a case's default is a proposal; see the test below).
    if (auto_merge) app::change_case_policy(*c, {{"auto_merge_above", "0.9"}}, "Supervisor", "test register");
  }
  explicit PersonCase(bool merges_apply = true) : auto_merge(merges_apply) { build(); }
  bool auto_merge = true;

  static std::string seller_name(int i) {
    static const char* given[] = {"Khalid", "Tarek", "Bilal", "Hamza", "Idris", "Jamal"};
    static const char* family[] = {"Omar", "Salem", "Nouri", "Zaidi", "Karimi"};
    return std::string(given[i % 6]) + " " + family[i / 6];
  }

  std::int64_t fact(store::StatementWriter& w, const std::string& id, const std::string& property,
                    const std::string& value) {
    Statement s;
    s.entity_id = id;
    s.schema = "Person";
    s.property = property;
    s.value = value;
    s.prov.evidence_sha256 = sha;
    s.prov.locator.record = "row:" + id;
    s.prov.extractor = "test@1";
    s.prov.observed_at = "2026-01-01T00:00:00Z";
    return w.insert(s);
  }

  void person(store::StatementWriter& w, const std::string& id, const std::string& name, const std::string& born,
              const std::string& nationality) {
    w.ensure_entity(id, "Person", name);
    name_statement[id] = fact(w, id, "name", name);
    if (!born.empty()) fact(w, id, "birthDate", born);
    if (!nationality.empty()) fact(w, id, "nationality", nationality);
  }

  app::ResolveReport resolve(bool dry_run = false) {
    app::ResolveSettings s;
    s.dry_run = dry_run;
    return app::resolve_case(*c, s, "Analyst 2", "link the register");
  }
  std::string canonical(const std::string& id) { return store::StatementStore(c->db()).entity(id)->canonical_id; }
  std::vector<store::StoredStatement> same_as(const std::string& id) {
    std::vector<store::StoredStatement> out;
    for (auto& s : store::StatementStore(c->db()).of_entity(id))
      if (s.statement.property == "sameAs") out.push_back(s);
    return out;
  }
  std::vector<Indicator> indicators(std::optional<ReviewState> review = std::nullopt) {
    store::IndicatorFilter f;
    f.detector = app::kSamePersonDetector;
    f.review = review;
    return store::IndicatorStore(c->db()).list(f);
  }
};

const std::vector<std::string> kCluster = {"person-a", "person-b", "person-e"};

}  // namespace

TEST(ResolveCase, SameManInArabicAndLatinScriptIsMergedUnderTheSmallestId) {
  PersonCase f;
  const auto r = f.resolve();
  EXPECT_EQ(r.persons, 39u);
  ASSERT_EQ(r.clusters.size(), 1u);
  const auto& cl = r.clusters[0];
  EXPECT_EQ(cl.canonical, "person-a");
  EXPECT_EQ(cl.members, kCluster);
  EXPECT_EQ(cl.names, (std::vector<std::string>{"محمد حسن", "Mohammed Hassan", "Muhammad Hasan"}));
  EXPECT_EQ(r.merged, 2u);
  EXPECT_EQ(r.restored, 0u);
  EXPECT_EQ(r.statements, 2u);
  EXPECT_TRUE(r.written);
  for (const auto& id : kCluster) EXPECT_EQ(f.canonical(id), "person-a") << id;
  EXPECT_EQ(f.canonical("person-o1"), "person-o1");

  // The Arabic and the Latin spelling meet on their consonant skeletons.
  const auto ab = std::find_if(cl.links.begin(), cl.links.end(),
                               [](const app::PersonLink& l) { return l.a == "person-a" && l.b == "person-b"; });
  ASSERT_NE(ab, cl.links.end());
  EXPECT_GE(ab->probability, 0.9);
  std::map<std::string, std::string> level;
  for (const auto& reason : ab->reasons) level[reason.comparison] = reason.level;
  EXPECT_EQ(level["given name"], "same skeleton or Soundex");
  EXPECT_EQ(level["family name"], "same skeleton or Soundex");
  EXPECT_EQ(level["birth date"], "exact");
  EXPECT_EQ(level["nationality"], "exact");
  EXPECT_EQ(level.count("phone"), 0u);  // neither says: no evidence either way
}

TEST(ResolveCase, EachMergedPersonGetsASameAsAssessmentOnExistingEvidence) {
  PersonCase f;
  const auto r = f.resolve();
  EXPECT_TRUE(f.same_as("person-a").empty());  // the representative is merged into nothing
  for (const std::string id : {"person-b", "person-e"}) {
    const auto st = f.same_as(id);
    ASSERT_EQ(st.size(), 1u) << id;
    const Statement& s = st[0].statement;
    EXPECT_EQ(s.value, "person-a");
    EXPECT_EQ(s.kind, StatementKind::Assessment);
    EXPECT_EQ(s.prov.extractor, "resolve@1");
    EXPECT_EQ(s.prov.locator.record, "resolve");
    EXPECT_EQ(s.prov.evidence_sha256, f.sha);
    EXPECT_GE(s.confidence, 0.9);
    EXPECT_LE(s.confidence, 1.0);
    EXPECT_EQ(s.original_value.rfind("match weight ", 0), 0u) << s.original_value;
    EXPECT_NE(s.original_value.find("birth date exact +"), std::string::npos) << s.original_value;
  }
  // The statements cite evidence the case holds, so they are listed with it.
  std::size_t from_register = 0;
  for (const auto& s : store::StatementStore(f.c->db()).from_evidence(f.sha))
    from_register += s.statement.property == "sameAs";
  EXPECT_EQ(from_register, 2u);
}

TEST(ResolveCase, EachAcceptedMatchIsAnIndicatorCitingTheComparedStatements) {
  PersonCase f;
  const auto r = f.resolve();
  const auto list = f.indicators();
  ASSERT_EQ(list.size(), r.clusters[0].links.size());
  EXPECT_EQ(r.indicators, list.size());
  const auto ab = std::find_if(list.begin(), list.end(), [](const Indicator& i) {
    return i.subjects == std::vector<std::string>{"person-a", "person-b"};
  });
  ASSERT_NE(ab, list.end());
  EXPECT_EQ(ab->title, "same person: محمد حسن = Mohammed Hassan");
  EXPECT_EQ(ab->review, ReviewState::Open);
  ASSERT_FALSE(ab->reasons.empty());
  for (std::size_t i = 1; i < ab->reasons.size(); ++i) EXPECT_GE(ab->reasons[i - 1].weight, ab->reasons[i].weight);
  const auto given = std::find_if(ab->reasons.begin(), ab->reasons.end(),
                                  [](const Reason& x) { return x.text == "given name: same skeleton or Soundex"; });
  ASSERT_NE(given, ab->reasons.end());
  EXPECT_EQ(given->statement_ids,
            (std::vector<std::int64_t>{f.name_statement["person-a"], f.name_statement["person-b"]}));
}

TEST(ResolveCase, PeopleSharingOnlyAHotlineAreNotMerged) {
  PersonCase f;
  const auto r = f.resolve();
  ASSERT_EQ(r.hubs.size(), 1u);
  EXPECT_EQ(r.hubs[0].kind, "phone");
  EXPECT_EQ(r.hubs[0].value, kHotline);
  EXPECT_EQ(r.hubs[0].entities, 30u);
  EXPECT_EQ(r.hubs[0].reason, "shared by 30 entities, more than 25");
  for (int i = 0; i < 30; ++i) {
    const std::string id = "seller-" + std::to_string(100 + i);
    EXPECT_EQ(f.canonical(id), id);
  }
}

TEST(ResolveCase, DryRunReportsTheSameAndWritesNothing) {
  PersonCase f;
  const auto statements = store::StatementStore(f.c->db()).count_statements();
  const auto audit = store::AuditLedger(f.c->db()).size();
  const auto dry = f.resolve(true);
  EXPECT_FALSE(dry.written);
  ASSERT_EQ(dry.clusters.size(), 1u);
  EXPECT_EQ(dry.merged, 2u);
  EXPECT_EQ(dry.statements, 0u);
  EXPECT_EQ(store::StatementStore(f.c->db()).count_statements(), statements);
  EXPECT_EQ(store::AuditLedger(f.c->db()).size(), audit);
  EXPECT_TRUE(f.indicators().empty());
  for (const auto& id : kCluster) EXPECT_EQ(f.canonical(id), id);
}

TEST(ResolveCase, RunIsLoggedAsACombinationAndASecondRunChangesNothing) {
  PersonCase f;
  f.resolve();
  store::AuditLedger ledger(f.c->db());
  auto last = ledger.entries().back();
  EXPECT_EQ(last.action, "combination");
  EXPECT_EQ(last.actor, "Analyst 2");
  EXPECT_EQ(last.object, "resolve persons: 1 clusters, 2 merged, 0 restored, 0 merges proposed, 1 hub identifiers");
  EXPECT_EQ(last.justification, "link the register");
  EXPECT_TRUE(ledger.verify(f.c->keys().public_key_hex()).empty());

  const auto again = f.resolve();
  EXPECT_EQ(again.merged, 0u);
  EXPECT_EQ(again.statements, 0u);
  EXPECT_EQ(f.same_as("person-b").size(), 1u);
  EXPECT_EQ(f.indicators().size(), again.clusters[0].links.size());
}

TEST(ResolveCase, UnmergeRestoresLogsAndIsHonouredByTheNextRun) {
  PersonCase f;
  f.resolve();
  const auto u = app::unmerge_entity(*f.c, "person-e", false, "Analyst 3", "different father's name in the file");
  EXPECT_EQ(u.former_canonical, "person-a");
  EXPECT_EQ(u.restored, std::vector<std::string>{"person-e"});
  EXPECT_EQ(u.remaining, (std::vector<std::string>{"person-a", "person-b"}));
  EXPECT_EQ(u.remaining_canonical, "person-a");
  EXPECT_EQ(u.kept_apart, 2u);
  EXPECT_EQ(f.canonical("person-e"), "person-e");
  EXPECT_EQ(f.canonical("person-b"), "person-a");
  for (const auto& ind : f.indicators(ReviewState::Open))
    EXPECT_EQ(std::count(ind.subjects.begin(), ind.subjects.end(), "person-e"), 0) << ind.title;
  EXPECT_EQ(f.indicators(ReviewState::Dismissed).size(), u.dismissed);
  EXPECT_GE(u.dismissed, 1u);

  const auto entry = store::AuditLedger(f.c->db()).entries().back();
  EXPECT_EQ(entry.action, "alteration");
  EXPECT_EQ(entry.actor, "Analyst 3");
  EXPECT_EQ(entry.object, "unmerge entity person-e from person-a: 1 restored, 2 pairs kept apart");
  EXPECT_EQ(entry.justification, "different father's name in the file");
  const auto apart = store::EntityMerges(f.c->db()).kept_apart("person-e");
  ASSERT_EQ(apart.size(), 2u);
  EXPECT_EQ(apart[0].a, "person-a");
  EXPECT_EQ(apart[0].b, "person-e");
  EXPECT_EQ(apart[0].reason, "different father's name in the file");

  // The next run still matches person-e, and keeps it apart as the reviewer decided.
  const auto r = f.resolve();
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].members, (std::vector<std::string>{"person-a", "person-b"}));
  EXPECT_EQ(r.kept_apart.size(), 2u);
  EXPECT_EQ(r.merged, 0u);
  EXPECT_EQ(f.canonical("person-e"), "person-e");
}

TEST(ResolveCase, UnmergingTheRepresentativeLeavesTheOthersUnderTheNextSmallestId) {
  PersonCase f;
  f.resolve();
  const auto u = app::unmerge_entity(*f.c, "person-a", false, "Analyst 3", "checked");
  EXPECT_EQ(u.restored, std::vector<std::string>{"person-a"});
  EXPECT_EQ(u.remaining_canonical, "person-b");
  EXPECT_EQ(f.canonical("person-a"), "person-a");
  EXPECT_EQ(f.canonical("person-b"), "person-b");
  EXPECT_EQ(f.canonical("person-e"), "person-b");
  const auto r = f.resolve();
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].canonical, "person-b");
  EXPECT_EQ(r.merged, 0u);
}

TEST(ResolveCase, UnmergingTheClusterKeepsEveryPairApart) {
  PersonCase f;
  f.resolve();
  const auto u = app::unmerge_entity(*f.c, "person-b", true, "Analyst 3", "three different men");
  EXPECT_EQ(u.restored, kCluster);
  EXPECT_TRUE(u.remaining.empty());
  EXPECT_EQ(u.kept_apart, 3u);
  for (const auto& id : kCluster) EXPECT_EQ(f.canonical(id), id);
  const auto r = f.resolve();
  EXPECT_TRUE(r.clusters.empty());
  EXPECT_EQ(r.kept_apart.size(), 3u);
  EXPECT_EQ(r.merged, 0u);
}

TEST(ResolveCase, UnmergeRefusesUnknownUnmergedAndUnexplained) {
  PersonCase f;
  f.resolve();
  EXPECT_THROW(app::unmerge_entity(*f.c, "person-zz", false, "A", "why"), Error);
  EXPECT_THROW(app::unmerge_entity(*f.c, "person-o1", false, "A", "why"), Error);
  EXPECT_THROW(app::unmerge_entity(*f.c, "person-b", false, "A", ""), Error);
  EXPECT_EQ(f.canonical("person-b"), "person-a");
}

TEST(ResolveCase, DismissingAMatchIndicatorKeepsThePairApartNextTime) {
  PersonCase f;
  f.resolve();
  for (const auto& ind : f.indicators())
    store::IndicatorStore(f.c->db())
        .review(ind.id, ReviewState::Dismissed, "Analyst 3", "not him", "2026-01-02T00:00:00Z");
  const auto r = f.resolve();
  EXPECT_TRUE(r.clusters.empty());
  EXPECT_EQ(r.restored, 2u);
  for (const auto& id : kCluster) EXPECT_EQ(f.canonical(id), id);
}

// A second field corroborates a match of names only when it agrees: two men of one name
// whose document numbers differ are not one man, whatever small weight the model learnt
// for "different" (the demo's model gave it +0.02 and merged two passport holders).
TEST(ResolveCase, OnlyAnAgreeingFieldCorroboratesANameMatch) {
  resolve::Match names_only;
  names_only.reasons = {{"given name", "exact", 8.0}, {"family name", "exact", 7.7}};
  EXPECT_FALSE(app::corroborated(names_only));
  resolve::Match different_documents = names_only;
  different_documents.reasons.push_back({"document number", "different", 0.02});
  EXPECT_FALSE(app::corroborated(different_documents));
  resolve::Match same_birth = names_only;
  same_birth.reasons.push_back({"birth date", "exact", 9.1});
  EXPECT_TRUE(app::corroborated(same_birth));
  resolve::Match near_document = names_only;
  near_document.reasons.push_back({"document number", "one edit", 4.0});
  EXPECT_TRUE(app::corroborated(near_document));
  resolve::Match nationality_only = names_only;
  nationality_only.reasons.push_back({"nationality", "exact", 1.5});  // shared by whole communities
  EXPECT_FALSE(app::corroborated(nationality_only));
  resolve::Match against = names_only;
  against.reasons.push_back({"phone", "exact", -0.5});  // an agreeing field the model weighs against
  EXPECT_FALSE(app::corroborated(against));
}

TEST(ResolveCase, WithoutAPolicyEveryMergeIsAProposalUntilConfirmed) {
  PersonCase f(false);
  const auto r = f.resolve();
  EXPECT_EQ(r.merged, 0u);
  EXPECT_EQ(r.statements, 0u);
  EXPECT_EQ(r.proposed, 3u);  // the three spellings of one man, pair by pair
  EXPECT_EQ(f.canonical("person-b"), "person-b");
  const auto proposals = f.indicators();
  ASSERT_EQ(proposals.size(), 3u);
  for (const auto& p : proposals) EXPECT_EQ(p.review, ReviewState::Open);
  // A person confirms one: those two are merged at once, the third stays a proposal.
  const auto& first = proposals[0];
  app::review_indicator(*f.c, first.id, ReviewState::Confirmed, "Supervisor 1", "documents agree");
  const std::string target = std::min(first.subjects[0], first.subjects[1]);
  EXPECT_EQ(f.canonical(first.subjects[0]), target);
  EXPECT_EQ(f.canonical(first.subjects[1]), target);
  const auto again = f.resolve();
  EXPECT_EQ(again.restored, 0u);  // the confirmed merge stays
  EXPECT_EQ(f.canonical(first.subjects[0]), target);
}

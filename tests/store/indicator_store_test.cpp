#include "store/indicator_store.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "store/case_folder.hpp"
#include "store/evidence_store.hpp"
#include "store/statement_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

namespace {

struct Fixture {
  TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "op", "T", "E");
  std::int64_t first_statement = 0;

  Fixture() {
    Evidence e;
    e.sha256 = std::string(64, 'b');
    e.size = 10;
    e.media_type = "text/plain";
    e.original_name = "payments.csv";
    e.added_at = "2026-11-01T00:00:00.000Z";
    store::EvidenceStore(c->db()).insert_or_get(e);
    store::Transaction tx(c->db());
    store::StatementWriter w(c->db());
    std::vector<Statement> rows;
    for (int i = 0; i < 3; ++i) {
      Statement s;
      s.entity_id = "payment-" + std::to_string(i);
      s.schema = "Payment";
      s.property = "amount";
      s.value = std::to_string(9000 + i);
      s.prov = {e.sha256, Locator{std::nullopt, std::nullopt, "row:" + std::to_string(i + 1)}, "amlworld@1",
                "2026-11-01T00:00:00.000Z"};
      rows.push_back(s);
    }
    first_statement = w.insert(rows);
    tx.commit();
  }

  Indicator indicator(const std::string& detector, std::vector<std::string> subjects, double score) const {
    Indicator ind;
    ind.detector = detector;
    ind.title = detector + " lead";
    ind.subjects = std::move(subjects);
    ind.score = score;
    ind.reasons = {Reason{"three payments just under 10,000", 0.7, {first_statement, first_statement + 1}},
                   Reason{"within 24 hours", 0.3, {first_statement + 2}}};
    return ind;
  }

  std::size_t replace(const std::string& family, const std::vector<Indicator>& fresh) {
    store::Transaction tx(c->db());
    auto n = store::IndicatorStore(c->db()).replace_open(family, fresh, "2026-11-02T00:00:00.000Z");
    tx.commit();
    return n;
  }
};

}  // namespace

TEST(IndicatorStore, StoresSubjectsReasonsAndCitedStatements) {
  Fixture f;
  EXPECT_EQ(f.replace("money", {f.indicator("money.structuring", {"acct-b", "acct-a"}, 0.8)}), 1u);
  store::IndicatorStore st(f.c->db());
  const auto all = st.list();
  ASSERT_EQ(all.size(), 1u);
  const Indicator& ind = all[0];
  EXPECT_EQ(ind.detector, "money.structuring");
  EXPECT_EQ(ind.title, "money.structuring lead");
  EXPECT_DOUBLE_EQ(ind.score, 0.8);
  EXPECT_EQ(ind.review, ReviewState::Open);
  EXPECT_EQ(ind.created_at, "2026-11-02T00:00:00.000Z");
  EXPECT_EQ(ind.subjects, (std::vector<std::string>{"acct-a", "acct-b"}));
  ASSERT_EQ(ind.reasons.size(), 2u);
  EXPECT_EQ(ind.reasons[0].text, "three payments just under 10,000");
  EXPECT_DOUBLE_EQ(ind.reasons[0].weight, 0.7);
  EXPECT_EQ(ind.reasons[0].statement_ids, (std::vector<std::int64_t>{f.first_statement, f.first_statement + 1}));
  EXPECT_EQ(ind.reasons[1].statement_ids, (std::vector<std::int64_t>{f.first_statement + 2}));
  EXPECT_EQ(st.get(ind.id)->title, ind.title);
  EXPECT_FALSE(st.get(ind.id + 100));
}

TEST(IndicatorStore, FiltersByFamilyStateSubjectAndScore) {
  Fixture f;
  f.replace("money", {f.indicator("money.fan_in", {"a"}, 0.9), f.indicator("money.cycle", {"b"}, 0.6)});
  f.replace("moneyline", {f.indicator("moneyline", {"a"}, 0.7)});  // a family sharing a prefix, not a family member
  store::IndicatorStore st(f.c->db());
  store::IndicatorFilter money;
  money.detector = "money";
  EXPECT_EQ(st.count(money), 2);
  const auto listed = st.list(money);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].detector, "money.fan_in");  // higher score first
  store::IndicatorFilter exact;
  exact.detector = "money.cycle";
  EXPECT_EQ(st.count(exact), 1);
  store::IndicatorFilter about_a;
  about_a.subject = "a";
  EXPECT_EQ(st.count(about_a), 2);
  store::IndicatorFilter strong;
  strong.min_score = 0.75;
  EXPECT_EQ(st.count(strong), 1);
  store::IndicatorFilter top1;
  top1.limit = 1;
  EXPECT_EQ(st.list(top1).size(), 1u);
}

TEST(IndicatorStore, RerunReplacesOpenAndKeepsReviewed) {
  Fixture f;
  f.replace("money", {f.indicator("money.fan_in", {"a"}, 0.9), f.indicator("money.fan_in", {"b"}, 0.8),
                      f.indicator("money.cycle", {"c", "d"}, 0.7)});
  store::IndicatorStore st(f.c->db());
  const auto before = st.list();
  ASSERT_EQ(before.size(), 3u);
  {
    store::Transaction tx(f.c->db());
    st.review(before[0].id, ReviewState::Confirmed, "Examiner 2", "matches the bank's report", "2026-11-03T00:00:00Z");
    st.review(before[2].id, ReviewState::Dismissed, "Examiner 2", "family remittances", "2026-11-03T00:01:00Z");
    tx.commit();
  }
  // The re-run finds a, the cycle c-d (subjects in another order) and a new e: only e is new,
  // b (open, no longer found) is gone, the reviewed ones stay as reviewed.
  EXPECT_EQ(f.replace("money", {f.indicator("money.fan_in", {"a"}, 0.95), f.indicator("money.cycle", {"d", "c"}, 0.7),
                                f.indicator("money.fan_in", {"e"}, 0.6)}),
            1u);
  const auto after = st.list();
  ASSERT_EQ(after.size(), 3u);
  EXPECT_EQ(after[0].id, before[0].id);
  EXPECT_EQ(after[0].review, ReviewState::Confirmed);
  EXPECT_DOUBLE_EQ(after[0].score, 0.9);  // as it was reviewed
  EXPECT_EQ(after[1].review, ReviewState::Dismissed);
  EXPECT_EQ(after[2].subjects, std::vector<std::string>{"e"});
  EXPECT_EQ(after[2].review, ReviewState::Open);
  // Another family's re-run leaves money alone.
  f.replace("offers", {});
  EXPECT_EQ(st.count(), 3);
}

TEST(IndicatorStore, ReviewsAreKeptInOrderAndReopenedIndicatorsSurviveReruns) {
  Fixture f;
  f.replace("documents", {f.indicator("documents.expired", {"passport-1"}, 1.0)});
  store::IndicatorStore st(f.c->db());
  const auto id = st.list()[0].id;
  {
    store::Transaction tx(f.c->db());
    const auto first = st.review(id, ReviewState::Dismissed, "E1", "renewed, see file 12", "2026-11-03T10:00:00Z");
    EXPECT_EQ(first.detector, "documents.expired");
    st.review(id, ReviewState::Open, "E2", "renewal not in the file", "2026-11-03T11:00:00Z");
    tx.commit();
  }
  const auto reviews = st.reviews(id);
  ASSERT_EQ(reviews.size(), 2u);
  EXPECT_EQ(reviews[0].decision, ReviewState::Dismissed);
  EXPECT_EQ(reviews[0].actor, "E1");
  EXPECT_EQ(reviews[0].reason, "renewed, see file 12");
  EXPECT_EQ(reviews[0].detector, "documents.expired");
  EXPECT_EQ(reviews[1].decision, ReviewState::Open);
  EXPECT_EQ(st.get(id)->review, ReviewState::Open);
  // Reopened but reviewed: a re-run neither deletes it nor adds a duplicate.
  EXPECT_EQ(f.replace("documents", {f.indicator("documents.expired", {"passport-1"}, 1.0)}), 0u);
  EXPECT_EQ(st.count(), 1);
  EXPECT_EQ(st.list()[0].id, id);
}

TEST(IndicatorStore, RefusesReviewsWithoutReasonOrIndicator) {
  Fixture f;
  f.replace("offers", {f.indicator("offers", {"post-1"}, 0.7)});
  store::IndicatorStore st(f.c->db());
  const auto id = st.list()[0].id;
  store::Transaction tx(f.c->db());
  EXPECT_THROW(st.review(id, ReviewState::Confirmed, "E", "", "2026-11-03T00:00:00Z"), Error);
  EXPECT_THROW(st.review(id + 1, ReviewState::Confirmed, "E", "seen", "2026-11-03T00:00:00Z"), Error);
  EXPECT_TRUE(st.reviews(id).empty());
  EXPECT_EQ(st.get(id)->review, ReviewState::Open);
}

TEST(IndicatorStore, AReasonCitingAnUnknownStatementFailsAndWritesNothing) {
  Fixture f;
  Indicator bad = f.indicator("money.cycle", {"a"}, 0.5);
  bad.reasons[1].statement_ids = {f.first_statement + 99};
  try {
    f.replace("money", {f.indicator("money.fan_in", {"z"}, 0.9), bad});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("cites statement " + std::to_string(f.first_statement + 99)),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(store::IndicatorStore(f.c->db()).count(), 0);  // the transaction rolled back whole
}

TEST(IndicatorStore, ScoresAreClampedToTheUnitInterval) {
  Fixture f;
  f.replace("x", {f.indicator("x", {"a"}, 1.7), f.indicator("x", {"b"}, -0.2)});
  const auto all = store::IndicatorStore(f.c->db()).list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_DOUBLE_EQ(all[0].score, 1.0);
  EXPECT_DOUBLE_EQ(all[1].score, 0.0);
}

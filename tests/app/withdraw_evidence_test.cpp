// Reasons that rest on two exhibits, as a withdrawal and an erasure leave them: a reason
// the other exhibit supports too is kept citing it (and no longer quoting an erased person),
// an indicator left without a reason goes, and the case verifies after each step.
#include <gtest/gtest.h>

#include "app/add_evidence.hpp"
#include "app/erase_entity.hpp"
#include "app/ingest_evidence.hpp"
#include "app/review_indicator.hpp"
#include "app/verify_case.hpp"
#include "app/withdraw_evidence.hpp"
#include "store/audit_ledger.hpp"
#include "store/indicator_store.hpp"
#include "store/ledger_batch.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

namespace {

const std::string kChats = CORRIDOR_TEST_DATA "/ingest/whatsapp/";

struct TwoChats {
  TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "op", "T", "Examiner 1");
  std::int64_t group = 0, direct = 0;  // evidence ids
  std::string account;                 // +44 7400 123456, in both chats

  TwoChats() {
    app::AddRequest add;
    add.files = {kChats + "_chat.txt", kChats + "WhatsApp Chat with Samir Tarek.txt"};
    add.actor = "Examiner 1";
    std::vector<std::string> shas;
    for (const auto& a : app::add_evidence(*c, add)) shas.push_back(a.evidence.sha256);
    app::IngestOptions io;
    io.actor = "Examiner 1";
    app::ingest_evidence(*c, shas, io);
    group = one("SELECT id FROM evidence WHERE original_name = '_chat.txt'");
    direct = one("SELECT id FROM evidence WHERE original_name LIKE 'WhatsApp Chat%'");
    store::Stmt q(c->db(), "SELECT e.id FROM entities e WHERE e.schema = 'UserAccount' AND instr(e.caption, '7400') > 0");
    if (q.step()) account = q.text(0);
  }

  std::int64_t one(const std::string& sql) {
    store::Stmt q(c->db(), sql);
    return q.step() ? q.int64(0) : -1;
  }
  // A statement of the account read from `evidence`, and one of another entity.
  std::int64_t account_statement(std::int64_t evidence) {
    return one("SELECT min(s.id) FROM statements s JOIN entities e ON e.rid = s.entity WHERE e.id = '" + account +
               "' AND s.evidence = " + std::to_string(evidence));
  }
  std::int64_t other_statement(std::int64_t evidence) {
    return one("SELECT min(s.id) FROM statements s JOIN entities e ON e.rid = s.entity WHERE e.id <> '" + account +
               "' AND s.value <> '" + account + "' AND s.evidence = " + std::to_string(evidence));
  }

  // An indicator a detector could have made: one reason on both chats (quoting the
  // number), one on the group chat alone.
  void indicate(const std::string& subject = "person-none") {
    Indicator ind;
    ind.detector = "test.two_chats";
    ind.title = "the same payer in two chats";
    ind.subjects = {"person-none"};
    ind.score = 0.7;
    ind.reasons = {{"+44 7400 123456 (07400 123456) writes in both chats", 0.5,
                    {account_statement(group), other_statement(direct)}},
                   {"asks how to pay", 0.2, {other_statement(group)}}};
    store::Transaction tx(c->db());
    store::LedgerBatch batch(c->db());
    Indicator about = ind;
    about.detector = "test.about";
    about.title = "about " + subject;
    about.subjects = {subject};
    store::IndicatorStore(c->db()).replace_open("test", {ind, about}, "2026-12-07T00:00:00Z");
    store::AuditLedger ledger(c->db());
    batch.commit(ledger, store::EntryContent{"Examiner 1", store::audit_action::kCombination, "test indicator", "", "", ""},
                 c->keys());
    tx.commit();
  }

  std::vector<std::string> problems() { return app::verify_case(*c, {}).problems; }
};

}  // namespace

TEST(WithdrawEvidence, AReasonTheOtherExhibitSupportsIsKeptCitingIt) {
  TwoChats s;
  ASSERT_FALSE(s.account.empty());
  ASSERT_GT(s.account_statement(s.group), 0);
  ASSERT_GT(s.other_statement(s.direct), 0);
  s.indicate();
  const auto kept_cite = s.other_statement(s.direct);

  app::WithdrawalRequest req{std::to_string(s.group), "Court order 12/2026", "excluded", "Examiner 1", {}};
  const auto r = app::withdraw_evidence(*s.c, req);
  EXPECT_EQ(r.reasons, 2u);  // of each of the two indicators
  EXPECT_EQ(r.reasons_kept, 2u);
  EXPECT_EQ(r.indicators, 0u);
  EXPECT_EQ(s.one("SELECT count(*) FROM indicator_reasons"), 2);
  EXPECT_EQ(s.one("SELECT count(*) FROM reason_statements"), 2);
  EXPECT_EQ(s.one("SELECT count(*) FROM reason_statements WHERE statement = " + std::to_string(kept_cite)), 2);
  // A withdrawal erases no person: the kept reason's text stays as the detector wrote it.
  EXPECT_EQ(s.one("SELECT count(*) FROM indicator_reasons WHERE text = '+44 7400 123456 (07400 123456) writes in both chats'"), 2);
  EXPECT_EQ(s.problems(), std::vector<std::string>{});

  // The other chat withdrawn too: the indicator has no reason left and goes.
  req.item = std::to_string(s.direct);
  const auto again = app::withdraw_evidence(*s.c, req);
  EXPECT_EQ(again.indicators, 2u);
  EXPECT_EQ(s.one("SELECT count(*) FROM indicators"), 0);
  EXPECT_EQ(s.one("SELECT count(*) FROM statements"), 0);
  EXPECT_EQ(s.one("SELECT count(*) FROM entities"), 0);
  EXPECT_EQ(s.problems(), std::vector<std::string>{});
}

TEST(EraseEntity, AKeptReasonNoLongerQuotesTheErasedPersonInAnySpelling) {
  TwoChats s;
  ASSERT_FALSE(s.account.empty());
  s.indicate();
  const auto r = app::erase_entity(*s.c, s.account, "LED Art. 16(2)", "Examiner 1", "no longer necessary");
  EXPECT_EQ(r.reasons_kept, 2u);
  store::Stmt q(s.c->db(), "SELECT text FROM indicator_reasons WHERE indicator = (SELECT min(id) FROM indicators) ORDER BY position");
  std::vector<std::string> texts;
  while (q.step()) texts.push_back(q.text(0));
  EXPECT_EQ(texts, (std::vector<std::string>{"[erased] ([erased]) writes in both chats", "asks how to pay"}));
  EXPECT_EQ(s.problems(), std::vector<std::string>{});
}

// Erasing the newest review frees the top review id: the next review must not get it again.
TEST(EraseEntity, AReviewAfterAnErasureGetsANewId) {
  TwoChats s;
  ASSERT_FALSE(s.account.empty());
  s.indicate(s.account);
  const auto about = s.one("SELECT id FROM indicators WHERE detector = 'test.about'");
  const auto other = s.one("SELECT id FROM indicators WHERE detector = 'test.two_chats'");
  app::review_indicator(*s.c, about, ReviewState::Confirmed, "Supervisor 2", "seen in both chats");
  const auto top = s.one("SELECT max(id) FROM indicator_reviews");
  const auto r = app::erase_entity(*s.c, s.account, "LED Art. 16(2)", "Examiner 1", "no longer necessary");
  EXPECT_EQ(r.indicators, 1u);
  EXPECT_EQ(r.reviews, 1u);
  EXPECT_EQ(s.one("SELECT count(*) FROM indicator_reviews"), 0);
  app::review_indicator(*s.c, other, ReviewState::Dismissed, "Supervisor 2", "not borne out");
  EXPECT_GT(s.one("SELECT max(id) FROM indicator_reviews"), top);
  EXPECT_EQ(s.problems(), std::vector<std::string>{});
}

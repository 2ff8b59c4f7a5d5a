#pragma once
// A served folder for the server's tests: one case "op" with a WhatsApp chat ingested and
// one indicator citing it, users made on request, sessions opened without a password.
#include <ctime>
#include <memory>

#include "app/add_evidence.hpp"
#include "app/ingest_evidence.hpp"
#include "server/answer_cache.hpp"
#include "server/case_pool.hpp"
#include "server/jobs.hpp"
#include "server/site.hpp"
#include "store/audit_ledger.hpp"
#include "store/indicator_store.hpp"
#include "store/ledger_batch.hpp"
#include "support/temp_dir.hpp"

namespace corridor::test {

inline const std::string kTestPassword = "correct horse battery";

struct ServerCase {
  TempDir t;
  std::unique_ptr<store::UserDirectory> users = store::UserDirectory::open(t.path(), true);
  server::Site site{t.path(), *users, {}, [] { return static_cast<std::int64_t>(std::time(nullptr)); }};
  server::CasePool pool;
  server::AnswerCache answers;
  server::JobBoard jobs;  // destroyed before the site and the folder: it waits for its jobs
  std::int64_t indicator = 0;
  std::string entity, linked;  // an entity whose statement names another, and that one
  std::int64_t job = 0;
  int next_name = 0;

  ServerCase() {
    site.jobs = &jobs;
    site.cases = &pool;
    site.answers = &answers;
    auto c = store::CaseFolder::init(t / "op", "Operation Delta", "Examiner 1");
    app::AddRequest add;
    add.files = {std::string(CORRIDOR_TEST_DATA) + "/ingest/whatsapp/_chat.txt"};
    add.actor = "Examiner 1";
    const auto added = app::add_evidence(*c, add);
    app::IngestOptions io;
    io.actor = "Examiner 1";
    app::ingest_evidence(*c, {added[0].evidence.sha256}, io);
    store::Stmt first(c->db(), "SELECT min(id) FROM statements");
    first.step();
    Indicator ind;
    ind.detector = "test.server";
    ind.title = "a payer asks how to pay";
    ind.subjects = {"person-none"};
    ind.score = 0.6;
    ind.reasons = {{"asks how to pay", 0.6, {first.int64(0)}}};
    store::Transaction tx(c->db());
    store::LedgerBatch batch(c->db());
    store::IndicatorStore(c->db()).replace_open("test", {ind}, "2026-12-07T00:00:00Z");
    store::AuditLedger ledger(c->db());
    batch.commit(ledger, store::EntryContent{"Examiner 1", store::audit_action::kCombination, "test indicator", "", "", ""},
                 c->keys());
    tx.commit();
    store::Stmt id(c->db(), "SELECT max(id) FROM indicators");
    id.step();
    indicator = id.int64(0);
    store::Stmt link(c->db(), "SELECT e.id, s.value FROM statements s JOIN entities e ON e.rid = s.entity "
                              "JOIN entities o ON o.id = s.value ORDER BY s.id LIMIT 1");
    if (link.step()) {
      entity = link.text(0);
      linked = link.text(1);
    }
  }

  void add_user(const std::string& name, store::Role role, bool member) {
    users->add(name, role, kTestPassword);
    if (member) users->grant("op", name, "test");
  }

  // A fresh session of `name` on the request: its cookie and CSRF token.
  void sign_in(const std::string& name, server::Request& r) {
    const auto u = users->find(name);
    const auto [cookie, session] = users->open_session(u->id, site.now());
    r.headers["cookie"] = "corridor_session=" + cookie;
    r.headers["x-csrf-token"] = session.csrf;
  }
};

}  // namespace corridor::test

// Ingest into a case, end to end: readers, extraction, statements with provenance,
// nested evidence with custody, and roll-back of a file that fails half-way.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "app/add_evidence.hpp"
#include "app/ais_case.hpp"
#include "app/ingest_evidence.hpp"
#include "app/resolve_case.hpp"
#include "core/error.hpp"
#include "model/entity_keys.hpp"
#include "store/evidence_store.hpp"
#include "store/indicator_store.hpp"
#include "store/statement_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

namespace {

struct CaseFixture {
  TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "op", "T", "Examiner 1");

  std::vector<std::string> add(const std::vector<std::filesystem::path>& files) {
    app::AddRequest req;
    req.files = files;
    req.actor = "Examiner 1";
    req.acquisition.legal_basis = "Warrant 7";
    std::vector<std::string> shas;
    for (const auto& a : app::add_evidence(*c, req)) shas.push_back(a.evidence.sha256);
    return shas;
  }
  app::IngestReport ingest(const std::vector<std::string>& shas, const std::string& region = "") {
    app::IngestOptions o;
    o.actor = "Examiner 1";
    o.region = region;
    return app::ingest_evidence(*c, shas, o);
  }
};

const Statement* find(const std::vector<store::StoredStatement>& v, const std::string& property) {
  for (const auto& s : v)
    if (s.statement.property == property) return &s.statement;
  return nullptr;
}

}  // namespace

TEST(IngestCase, PlainTextMentionsBecomeLinkedEntitiesWithByteOffsets) {
  CaseFixture f;
  const std::string text =
      "Contact Abu Samir on +218 91 234 5678 or \xd9\xa0\xd9\xa9\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4\xd9\xa5\xd9\xa6"
      "\xd9\xa7\xd9\xa8\nWallet TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE\n";
  test::write_file(f.t / "note.txt", text);
  const auto shas = f.add({f.t / "note.txt"});
  const auto r = f.ingest(shas, "LY");
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_FALSE(r.files[0].error);
  EXPECT_EQ(r.files[0].format, "text");
  EXPECT_EQ(r.files[0].mentions, 3u);

  store::StatementStore st(f.c->db());
  const std::string phone = keys::phone("+218912345678");
  auto ps = st.of_entity(phone);
  ASSERT_GE(ps.size(), 2u);
  EXPECT_EQ(ps[0].statement.value, "+218912345678");
  EXPECT_EQ(ps[0].statement.prov.locator.offset, 21u);
  EXPECT_EQ(ps[0].statement.prov.locator.length, 16u);
  EXPECT_EQ(ps[0].statement.original_value, "+218 91 234 5678");
  EXPECT_EQ(ps[0].statement.prov.evidence_sha256, shas[0]);
  EXPECT_EQ(ps[0].statement.prov.extractor, "phone@1");
  // The Arabic-Indic form is the same number, found 20 bytes later.
  const Statement* second = nullptr;
  for (const auto& s : ps)
    if (s.statement.prov.locator.offset == 41u && s.statement.property == "number") second = &s.statement;
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->prov.locator.length, 20u);

  const std::string doc = keys::record("Document", shas[0], "file");
  auto ds = st.of_entity(doc);
  int mentions = 0;
  for (const auto& s : ds) mentions += s.statement.property == "mentions";
  EXPECT_EQ(mentions, 3);
  ASSERT_NE(find(ds, "fileName"), nullptr);
  EXPECT_EQ(find(ds, "fileName")->value, "note.txt");
  auto wallets = st.entities_by_value("TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE");
  ASSERT_EQ(wallets.size(), 1u);
  EXPECT_EQ(wallets[0].id, keys::wallet("tron", "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"));
}

TEST(IngestCase, ZipMembersBecomeEvidenceWithCustodyFromTheArchive) {
  CaseFixture f;
  const auto shas = f.add({CORRIDOR_TEST_DATA "/ingest/archive/whatsapp_export.zip"});
  const auto r = f.ingest(shas);
  ASSERT_EQ(r.files.size(), 3u);
  EXPECT_EQ(r.files[0].format, "archive");
  EXPECT_EQ(r.files[0].children, 2u);
  EXPECT_EQ(r.files[1].format, "whatsapp");
  EXPECT_EQ(r.files[1].name, "_chat.txt");
  EXPECT_EQ(r.files[2].format, "exif");
  EXPECT_EQ(r.errors(), 0);

  store::EvidenceStore ev(f.c->db());
  const auto items = ev.list();
  ASSERT_EQ(items.size(), 3u);
  for (std::size_t i = 1; i < 3; ++i) {
    ASSERT_TRUE(items[i].parent_sha256);
    EXPECT_EQ(*items[i].parent_sha256, shas[0]);
    EXPECT_EQ(items[i].acquisition.legal_basis, "Warrant 7");
    const auto custody = ev.custody(items[i].sha256);
    ASSERT_EQ(custody.size(), 1u);
    EXPECT_EQ(custody[0].action, CustodyAction::ExtractedFrom);
    EXPECT_EQ(custody[0].note, "parent " + shas[0]);
    EXPECT_TRUE(f.c->vault().contains(items[i].sha256));
  }
  EXPECT_EQ(items[2].media_type, "image/jpeg");
  // The photo's GPS position is a statement pointing into the photo, not the zip.
  store::StatementStore st(f.c->db());
  auto from_photo = st.from_evidence(items[2].sha256);
  EXPECT_NE(find(from_photo, "latitude"), nullptr);
}

TEST(IngestCase, FileFailingHalfWayIsRolledBackAndOthersGoOn) {
  CaseFixture f;
  test::write_file(f.t / "ok.txt", "call 0033612345678 now");
  const auto shas = f.add({CORRIDOR_TEST_DATA "/ingest/telegram/truncated.json", f.t / "ok.txt"});
  store::StatementStore st(f.c->db());
  const auto r = f.ingest(shas);
  ASSERT_EQ(r.files.size(), 2u);
  ASSERT_TRUE(r.files[0].error);
  EXPECT_EQ(*r.files[0].error,
            "truncated.json: byte 2000: truncated JSON: the file ends inside the object that starts at byte 1508");
  EXPECT_TRUE(st.from_evidence(shas[0]).empty());
  EXPECT_FALSE(r.files[1].error);
  EXPECT_FALSE(st.from_evidence(shas[1]).empty());
  EXPECT_EQ(r.errors(), 1);
  EXPECT_EQ(store::journal_mode(f.c->db()), "wal");  // the bulk write's journal is undone
  // Ingesting again skips what was done and retries what failed.
  const auto again = f.ingest(shas);
  EXPECT_TRUE(again.files[1].skipped);
  EXPECT_TRUE(again.files[0].error);
}

TEST(IngestCase, LargeFileFailingLateLeavesTheCaseAsItWas) {
  // 4,000 messages, cut inside the last: the pages written before the failure spill into
  // the database file (a cache of eight pages), and the rollback must take them back.
  CaseFixture f;
  std::string json = R"({"name": "Group", "type": "private_group", "id": 77, "messages": [)";
  for (int i = 1; i <= 4000; ++i)
    json += (i > 1 ? "," : "") + std::string(R"({"id": )") + std::to_string(i) +
            R"(, "type": "message", "date": "2023-06-14T23:05:12", "date_unixtime": "1686776712", )"
            R"("from": "Member )" + std::to_string(i % 50) + R"(", "from_id": "user)" + std::to_string(5000 + i % 50) +
            R"(", "text": "Crossing on Thursday, call +33 612 345 )" + std::to_string(100 + i % 900) + R"("})";
  json.resize(json.size() - 20);
  test::write_file(f.t / "result.json", json);
  test::write_file(f.t / "ok.txt", "call 0033612345678 now");
  const auto first = f.add({f.t / "ok.txt"});
  f.ingest(first);
  store::StatementStore st(f.c->db());
  const auto statements = st.count_statements(), entities = st.count_entities();
  f.c->db().exec("PRAGMA cache_size=8");
  const auto r = f.ingest(f.add({f.t / "result.json"}));
  ASSERT_EQ(r.files.size(), 1u);
  ASSERT_TRUE(r.files[0].error);
  EXPECT_NE(r.files[0].error->find("truncated JSON"), std::string::npos) << *r.files[0].error;
  EXPECT_EQ(st.count_statements(), statements);
  EXPECT_EQ(st.count_entities(), entities);
  store::Stmt check(f.c->db(), "PRAGMA integrity_check");
  ASSERT_TRUE(check.step());
  EXPECT_EQ(check.text(0), "ok");
  EXPECT_EQ(store::journal_mode(f.c->db()), "wal");
}

TEST(IngestCase, AisLogBecomesPositionsAndVesselStatements) {
  CaseFixture f;
  const auto shas = f.add({CORRIDOR_SHARED_DATA "/ais/gpsd/test/sample.aivdm"});
  const auto r = f.ingest(shas);
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].format, "ais");
  const auto loaded = app::load_ais(*f.c);
  std::ifstream in(CORRIDOR_SHARED_DATA "/ais/gpsd/test/sample.aivdm", std::ios::binary);
  const auto direct = ais::decode_nmea_stream(in);
  ASSERT_EQ(loaded.positions.size(), direct.positions.size());
  ASSERT_EQ(loaded.identities.size(), direct.identities.size());
  for (std::size_t i = 0; i < direct.positions.size(); ++i) {
    EXPECT_EQ(loaded.positions[i].mmsi, direct.positions[i].mmsi);
    EXPECT_DOUBLE_EQ(loaded.positions[i].lat, direct.positions[i].lat);
    EXPECT_EQ(loaded.positions[i].locator.byte_offset, direct.positions[i].locator.byte_offset);
  }
  store::StatementStore st(f.c->db());
  auto v = st.of_entity(keys::vessel("351759000"));
  ASSERT_NE(find(v, "name"), nullptr);
  EXPECT_EQ(find(v, "name")->value, "EVER DIADEM");
  EXPECT_EQ(find(v, "imoNumber")->value, "9134270");
  EXPECT_EQ(find(v, "name")->prov.locator.record, "line:124");
  EXPECT_EQ(find(v, "name")->prov.locator.offset, 4169u);
}

TEST(IngestCase, UnknownShaIsAClearError) {
  CaseFixture f;
  EXPECT_THROW(f.ingest({std::string(64, 'f')}), Error);
}

// A valid MRZ names its holder: a Person (an assessment, name only) linked by "holder";
// a zone with a failed check digit names no one.
TEST(IngestCase, ValidMrzNamesItsHolderAndAFailedZoneDoesNot) {
  CaseFixture f;
  const std::string td3 =
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10\n";
  std::string bad = "P<UTOBAKER<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<11\n";
  test::write_file(f.t / "scans.txt", "page 1:\n" + td3 + "page 2:\n" + bad);
  const auto r = f.ingest(f.add({f.t / "scans.txt"}));
  ASSERT_FALSE(r.files[0].error);
  store::StatementStore st(f.c->db());
  const std::string passport = keys::passport("UTO", "L898902C3");
  const auto of_passport = st.of_entity(passport);
  const Statement* holder = find(of_passport, "holder");
  ASSERT_NE(holder, nullptr);
  EXPECT_EQ(holder->value, keys::document_holder(passport, "ANNA MARIA ERIKSSON"));
  EXPECT_EQ(holder->kind, StatementKind::Assessment);
  const auto of_person = st.of_entity(holder->value);
  ASSERT_EQ(of_person.size(), 1u);
  EXPECT_EQ(of_person[0].statement.schema, "Person");
  EXPECT_EQ(of_person[0].statement.property, "name");
  EXPECT_EQ(of_person[0].statement.value, "ANNA MARIA ERIKSSON");
  EXPECT_EQ(of_person[0].statement.kind, StatementKind::Assessment);
  EXPECT_EQ(of_person[0].statement.prov.locator.offset, 8u);  // the zone, in the file's bytes
  // The failed zone: an mrz_invalid mention of the document, no passport, no holder.
  store::Stmt persons(f.c->db(), "SELECT count(*) FROM entities WHERE schema = 'Person'");
  persons.step();
  EXPECT_EQ(persons.int64(0), 1);
  store::Stmt invalid(f.c->db(), "SELECT count(*) FROM statements WHERE property = 'mrz_invalidMentioned'");
  invalid.step();
  EXPECT_EQ(invalid.int64(0), 1);
}

// ingest --again: the item's rows, and those of the files nested in it, are replaced.
namespace {

std::int64_t rows(store::Db& db, const std::string& table) {
  store::Stmt q(db, "SELECT count(*) FROM " + table);
  q.step();
  return q.int64(0);
}

std::map<std::string, std::int64_t> case_rows(store::Db& db) {
  std::map<std::string, std::int64_t> out;
  for (const char* table : {"statements", "entities", "ingests", "evidence", "ais_positions", "ais_identities"})
    out[table] = rows(db, table);
  return out;
}

app::IngestReport again(CaseFixture& f, const std::vector<std::string>& shas) {
  app::IngestOptions o;
  o.actor = "Examiner 1";
  o.reingest = true;
  return app::ingest_evidence(*f.c, shas, o);
}

// An open indicator whose one reason cites the first statement of the item.
Indicator citing(store::Db& db, const std::string& sha) {
  store::Stmt q(db, "SELECT s.id FROM statements s JOIN evidence e ON e.id = s.evidence WHERE e.sha256 = ? LIMIT 1");
  q.bind(1, sha);
  EXPECT_TRUE(q.step());
  Indicator ind;
  ind.detector = "offers";
  ind.title = "offer";
  ind.subjects = {"subject-1"};
  ind.score = 0.9;
  ind.reasons = {Reason{"price and route", 1.0, {q.int64(0)}}};
  return ind;
}

}  // namespace

TEST(IngestAgain, ArchiveAndItsMembersAreReplacedNotDoubled) {
  CaseFixture f;
  const auto shas = f.add({CORRIDOR_TEST_DATA "/ingest/archive/whatsapp_export.zip"});
  const auto first = f.ingest(shas);
  ASSERT_EQ(first.errors(), 0);
  const auto once = case_rows(f.c->db());
  ASSERT_EQ(once.at("ingests"), 3);  // the zip and its two members
  const auto r = again(f, shas);
  ASSERT_EQ(r.errors(), 0);
  ASSERT_EQ(r.files.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_FALSE(r.files[i].skipped) << r.files[i].name;
    EXPECT_EQ(r.files[i].statements, first.files[i].statements) << r.files[i].name;
  }
  EXPECT_EQ(case_rows(f.c->db()), once);
}

TEST(IngestAgain, AisRowsAreReplacedNotDoubled) {
  CaseFixture f;
  const auto shas = f.add({CORRIDOR_SHARED_DATA "/ais/gpsd/test/sample.aivdm"});
  ASSERT_EQ(f.ingest(shas).errors(), 0);
  const auto once = case_rows(f.c->db());
  ASSERT_GT(once.at("ais_positions"), 0);
  ASSERT_GT(once.at("ais_identities"), 0);
  ASSERT_EQ(again(f, shas).errors(), 0);
  EXPECT_EQ(case_rows(f.c->db()), once);
}

TEST(IngestAgain, WithoutAgainASecondIngestIsSkipped) {
  CaseFixture f;
  test::write_file(f.t / "note.txt", "Call +218 91 234 5678\n");
  const auto shas = f.add({f.t / "note.txt"});
  ASSERT_EQ(f.ingest(shas, "LY").errors(), 0);
  const auto once = case_rows(f.c->db());
  const auto r = f.ingest(shas, "LY");
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_TRUE(r.files[0].skipped);
  EXPECT_EQ(case_rows(f.c->db()), once);
}

TEST(IngestAgain, OpenIndicatorsCitingTheFileGoAndReviewedOnesRefuseIt) {
  CaseFixture f;
  test::write_file(f.t / "note.txt", "Call +218 91 234 5678\n");
  test::write_file(f.t / "other.txt", "Call +218 91 765 4321\n");
  const auto shas = f.add({f.t / "note.txt", f.t / "other.txt"});
  ASSERT_EQ(f.ingest(shas, "LY").errors(), 0);
  store::IndicatorStore indicators(f.c->db());
  {
    store::Transaction tx(f.c->db());
    indicators.replace_open("offers", {citing(f.c->db(), shas[0]), citing(f.c->db(), shas[1])}, "2026-01-01T00:00:00Z");
    tx.commit();
  }
  ASSERT_EQ(indicators.count(), 2);
  // The open indicator citing note.txt goes (the next detector run makes it again); the
  // one citing other.txt stays.
  const auto once = case_rows(f.c->db());
  ASSERT_EQ(again(f, {shas[0]}).errors(), 0);
  EXPECT_EQ(case_rows(f.c->db()), once);
  const auto left = indicators.list();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(rows(f.c->db(), "indicator_reasons"), 1);
  EXPECT_EQ(rows(f.c->db(), "reason_statements"), 1);
  EXPECT_EQ(rows(f.c->db(), "indicator_subjects"), 1);
  store::Stmt fk(f.c->db(), "PRAGMA foreign_keys");  // unchecked only during the replacing transaction
  ASSERT_TRUE(fk.step());
  EXPECT_EQ(fk.int64(0), 1);
  fk.reset();
  EXPECT_EQ(left[0].reasons[0].statement_ids, citing(f.c->db(), shas[1]).reasons[0].statement_ids);

  // A reviewed indicator keeps its evidence: the file is refused, the case unchanged.
  {
    store::Transaction tx(f.c->db());
    indicators.review(left[0].id, ReviewState::Confirmed, "Examiner 1", "seen in the chat", "2026-01-02T00:00:00Z");
    tx.commit();
  }
  const auto r = again(f, {shas[1]});
  ASSERT_EQ(r.files.size(), 1u);
  ASSERT_TRUE(r.files[0].error);
  EXPECT_EQ(*r.files[0].error,
            "1 reviewed indicator cites statements of this file: reading it again (--again) would take their "
            "evidence away");
  EXPECT_EQ(case_rows(f.c->db()), once);
  EXPECT_EQ(indicators.count(), 1);
}

TEST(IngestAgain, ResolutionAssessmentsCitingTheFileStay) {
  CaseFixture f;
  test::write_file(f.t / "note.txt", "Call +218 91 234 5678\n");
  const auto shas = f.add({f.t / "note.txt"});
  ASSERT_EQ(f.ingest(shas, "LY").errors(), 0);
  Statement same_as;
  same_as.entity_id = "person-a";
  same_as.schema = "Person";
  same_as.property = "sameAs";
  same_as.value = "person-b";
  same_as.prov.evidence_sha256 = shas[0];
  same_as.prov.locator.record = "resolve";
  same_as.prov.extractor = app::kResolveExtractor;
  same_as.kind = StatementKind::Assessment;
  {
    store::Transaction tx(f.c->db());
    store::StatementWriter(f.c->db()).insert(same_as);
    tx.commit();
  }
  const auto once = case_rows(f.c->db());
  ASSERT_EQ(again(f, shas).errors(), 0);
  EXPECT_EQ(case_rows(f.c->db()), once);
  const auto kept = store::StatementStore(f.c->db()).of_entity("person-a");
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].statement.property, "sameAs");
}

// The documents detector on a case: a text file of MRZs ingested, `corridor detect
// --detector documents --stolen-documents`, the exact indicators with their cited
// statements; a malformed list is an error naming file:line that writes nothing.
#include <gtest/gtest.h>

#include <algorithm>

#include <cstdlib>
#include <map>

#include "app/add_evidence.hpp"
#include "app/case_detectors.hpp"
#include "app/ingest_evidence.hpp"
#include "detect/document_test_support.hpp"
#include "model/entity_keys.hpp"
#include "store/indicator_store.hpp"
#include "store/statement_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::Td3;
using corridor::test::TempDir;

namespace {

Td3 td3(const std::string& issuer, const std::string& surname, const std::string& given, const std::string& number,
        const std::string& expiry = "300101") {
  Td3 t;
  t.issuer = issuer;
  t.surname = surname;
  t.given = given;
  t.number = number;
  t.expiry = expiry;
  return t;
}

// A forger's notes: six documents, five of them planted.
std::string passports_text() {
  Td3 bad_check = td3("SDN", "BABIKIR", "SARA", "P01973085");
  bad_check.break_number = 3;
  const std::vector<Td3> docs = {
      td3("ITA", "ROSSI", "MARCO", "YA1234567"),                  // on the stolen list
      bad_check,                                                  // check digit
      td3("ERI", "TESFAMARIAM", "SELAM", "P07404119", "220109"),  // expired
      td3("EGY", "FATHY", "AHMED", "P02012722"),                  // shared number...
      td3("MLT", "HAMID", "AWAD", "P02012722"),                   // ... and not a Maltese number
      td3("SYR", "SABBAGH", "RASHA", "SPECI2014"),                // Dutch specimen number
      td3("ITA", "BIANCHI", "LUCA", "YA7654321"),                 // listed, but for Malta: not this one
  };
  std::string text = "# scans\n\n";
  for (const auto& d : docs) text += d.text() + "\n\n";
  return text;
}

struct DocumentsCase {
  TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "op", "T", "Examiner 1");
  std::string sha;

  DocumentsCase() {
    setenv("CORRIDOR_DATA", CORRIDOR_SOURCE_DIR "/data", 0);
    test::write_file(t / "passports.txt", passports_text());
    app::AddRequest add;
    add.files = {t / "passports.txt"};
    add.actor = "Examiner 1";
    add.acquisition.acquired_at = "2025-09-01T10:00:00Z";
    sha = app::add_evidence(*c, add)[0].evidence.sha256;
    app::IngestOptions io;
    io.actor = "Examiner 1";
    app::ingest_evidence(*c, {sha}, io);
    test::write_file(t / "sltd.csv",
                     "document_number,issuing_state,document_type,reported\n"
                     "YA1234567,ITA,P,2025-02-01\n"
                     "YA7654321,MLT,P,2025-03-01\n");
    test::write_file(t / "bad.csv",
                     "document_number,issuing_state,document_type,reported\n"
                     "YA1234567,ITA,P,2025-02-01\n"
                     "YA7654321,Malta,P,2025-03-01\n");
  }
  test::RunResult detect(const std::string& list) {
    return test::run_corridor(
        {"detect", (t / "op").string(), "--detector", "documents", "--stolen-documents", (t / list).string()});
  }
};

}  // namespace

TEST(DetectDocuments, CliFindsThePlantedDocumentsCitingRealStatements) {
  DocumentsCase f;
  const auto r = f.detect("sltd.csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("documents         6 indicators (6 new)"), std::string::npos) << r.out;

  auto c = store::CaseFolder::open(f.t / "op");
  const auto found = store::IndicatorStore(c->db()).list();
  std::map<std::string, std::pair<std::string, double>> by_detector;
  for (const auto& i : found) by_detector[i.detector] = {i.title, i.score};
  const std::map<std::string, std::pair<std::string, double>> expected = {
      {"documents.check_digit",
       {"MRZ check digits fail on passport P01973085 (SDN), BABIKIR SARA: document number", 0.6}},
      {"documents.expired",
       {"passport P07404119 (ERI), TESFAMARIAM SELAM, had expired when seen: expiry 2022-01-09, seen 2025-09-01", 0.6}},
      {"documents.number_format", {"document number of passport P02012722 (MLT), HAMID AWAD: not the MLT format", 0.6}},
      {"documents.shared_number",
       {"document number P02012722 under 2 identities: FATHY AHMED (EGY); HAMID AWAD (MLT)", 0.6}},
      {"documents.specimen",
       {"passport SPECI2014 (SYR), SABBAGH RASHA, carries specimen data: specimen number SPECI2014", 0.8}},
      {"documents.stolen",
       {"passport YA1234567 (ITA), ROSSI MARCO, is on the lost-and-stolen list (" + (f.t / "sltd.csv").string() + ":2)",
        1 - 0.1 * 0.7}},
  };
  ASSERT_EQ(found.size(), expected.size());
  for (const auto& [detector, want] : expected) {
    ASSERT_TRUE(by_detector.count(detector)) << detector;
    EXPECT_EQ(by_detector[detector].first, want.first);
    EXPECT_NEAR(by_detector[detector].second, want.second, 1e-9) << detector;
  }

  // Every reason cites statements of the file, each holding an MRZ.
  std::map<std::int64_t, Statement> statements;
  for (const auto& s : store::StatementStore(c->db()).from_evidence(f.sha)) statements[s.id] = s.statement;
  for (const auto& i : found) {
    ASSERT_FALSE(i.reasons.empty());
    for (const auto& reason : i.reasons) {
      ASSERT_FALSE(reason.statement_ids.empty()) << reason.text;
      for (auto id : reason.statement_ids) {
        ASSERT_TRUE(statements.count(id)) << i.detector << " cites " << id;
        const Statement& s = statements[id];
        EXPECT_TRUE(s.property == "passportNumber" || s.property == "mrz_invalidMentioned") << s.property;
        EXPECT_EQ(s.value.size(), 88u);
      }
    }
    if (i.detector == "documents.check_digit") {  // no Passport entity for a zone that fails: the file
      EXPECT_EQ(i.subjects, std::vector<std::string>{keys::record("Document", f.sha, "file")});
    } else {
      // The passport and the person its zone names (its holder).
      std::vector<std::string> passports, holders;
      for (const auto& s : i.subjects) (keys::schema_of_id(s) == "Passport" ? passports : holders).push_back(s);
      ASSERT_FALSE(passports.empty()) << i.detector;
      std::vector<std::string> expected_holders;
      for (const auto& p : passports)
        for (const auto& st : store::StatementStore(c->db()).of_entity(p))
          if (st.statement.property == "holder" &&
              std::find(expected_holders.begin(), expected_holders.end(), st.statement.value) == expected_holders.end())
            expected_holders.push_back(st.statement.value);
      for (const auto& h : holders) EXPECT_EQ(keys::schema_of_id(h), "Person") << h;
      std::sort(holders.begin(), holders.end());
      std::sort(expected_holders.begin(), expected_holders.end());
      EXPECT_EQ(holders, expected_holders) << i.detector;
    }
    if (i.detector == "documents.expired") {
      EXPECT_NE(i.reasons[0].text.find("the acquisition date of passports.txt"), std::string::npos)
          << i.reasons[0].text;
    }
  }
}

TEST(DetectDocuments, MalformedListIsAnErrorNamingFileAndLineAndWritesNothing) {
  DocumentsCase f;
  auto r = f.detect("bad.csv");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find((f.t / "bad.csv").string() + ":3: issuing state 'MALTA' is not an ICAO code"), std::string::npos)
      << r.err;
  {
    auto c = store::CaseFolder::open(f.t / "op");
    EXPECT_EQ(store::IndicatorStore(c->db()).count(), 0);
  }
  // After a good run, a bad one leaves the indicators as they were.
  ASSERT_EQ(f.detect("sltd.csv").exit_code, 0);
  auto c = store::CaseFolder::open(f.t / "op");
  std::vector<std::int64_t> before;
  for (const auto& i : store::IndicatorStore(c->db()).list()) before.push_back(i.id);
  c.reset();
  EXPECT_EQ(f.detect("bad.csv").exit_code, 3);
  c = store::CaseFolder::open(f.t / "op");
  std::vector<std::int64_t> after;
  for (const auto& i : store::IndicatorStore(c->db()).list()) after.push_back(i.id);
  EXPECT_EQ(after, before);
}

TEST(DetectDocuments, WithoutAListTheOtherChecksRunAndAnEmptyCaseHasNone) {
  DocumentsCase f;
  app::DetectSettings s;
  s.data_dir = CORRIDOR_SOURCE_DIR "/data";
  const auto found = app::detect_documents_in_case(*f.c, s);
  EXPECT_EQ(found.size(), 5u);
  for (const auto& i : found) EXPECT_NE(i.detector, "documents.stolen");

  TempDir t2;
  auto empty = store::CaseFolder::init(t2 / "op", "T", "E");
  EXPECT_TRUE(app::detect_documents_in_case(*empty, s).empty());
}

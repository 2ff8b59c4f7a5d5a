// documents.stolen: the lost-and-stolen CSV, its errors, and matches by number, state and type.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "detect/document_test_support.hpp"

using namespace corridor;
using corridor::test::sighting;
using corridor::test::Td3;

namespace {

std::string error_of(const std::string& text) {
  try {
    detect::StolenList::parse(text, "sltd.csv");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

const std::string kHeader = "document_number,issuing_state,document_type,reported\n";

}  // namespace

TEST(DocumentStolen, ParsesTheListWithColumnsInAnyOrder) {
  const auto list = detect::StolenList::parse(
      "\xEF\xBB\xBFReported,Document_Number,note,issuing_state,document_type\r\n"
      "2025-02-01,\"YA-123 4567\",\"stolen, with wallet\",ita,passport\r\n"
      "\r\n"
      ",P01973085,,,\r\n",
      "sltd.csv");
  ASSERT_EQ(list.rows.size(), 2u);
  EXPECT_EQ(list.rows[0].number, "YA1234567");
  EXPECT_EQ(list.rows[0].state, "ITA");
  EXPECT_EQ(list.rows[0].doc_type, "P");
  EXPECT_EQ(list.rows[0].reported, "2025-02-01");
  EXPECT_EQ(list.rows[0].where, "sltd.csv:2");
  EXPECT_EQ(list.rows[1].where, "sltd.csv:4");
  EXPECT_EQ(list.rows[1].state, "");
}

TEST(DocumentStolen, MalformedRowsAreErrorsNamingFileAndLine) {
  EXPECT_EQ(error_of(""),
            "sltd.csv:1: no rows; expected a header row naming "
            "document_number,issuing_state,document_type,reported");
  EXPECT_EQ(error_of("number,state\nX1,ITA\n"),
            "sltd.csv:1: no document_number column; expected a header row naming "
            "document_number,issuing_state,document_type,reported");
  EXPECT_EQ(error_of(kHeader + "YA1234567,ITA,P,2025-02-01\nYA7654321,ITA,P\n"),
            "sltd.csv:3: 3 fields where the header has 4");
  EXPECT_EQ(error_of(kHeader + ",ITA,P,\n"), "sltd.csv:2: no document number");
  EXPECT_EQ(error_of(kHeader + "YA12345é7,ITA,P,\n"),
            "sltd.csv:2: document number 'YA12345é7' has characters other than letters and digits");
  EXPECT_EQ(error_of(kHeader + "YA1234567,Italy,P,\n"),
            "sltd.csv:2: issuing state 'ITALY' is not an ICAO code (ITA, D, GBR...)");
  EXPECT_EQ(error_of(kHeader + "YA1234567,ITA,driving licence,\n"),
            "sltd.csv:2: document type 'DRIVING LICENCE' is not an ICAO document code (P, I, V...) or passport, "
            "identity card, visa");
  EXPECT_EQ(error_of(kHeader + "YA1234567,ITA,P,2025-02-30\n"),
            "sltd.csv:2: reported date '2025-02-30' is not a date written YYYY-MM-DD");
  EXPECT_EQ(error_of(kHeader + "YA1234567,ITA,P,\n\"YA7654321,ITA,P,\n"), "sltd.csv:3: a quoted field is not closed");
}

TEST(DocumentStolen, ListedNumberOfTheSameStateFires) {
  Td3 t;  // ITA YA1234567, ROSSI MARCO
  const auto list = detect::StolenList::parse(kHeader + "YA1234567,ITA,P,2025-02-01\n", "sltd.csv");
  const auto found = detect::stolen_indicators({sighting(t, 6, "2025-08-13")}, list);
  ASSERT_EQ(found.size(), 1u);
  const Indicator& i = found[0];
  EXPECT_EQ(i.detector, "documents.stolen");
  EXPECT_EQ(i.title, "passport YA1234567 (ITA), ROSSI MARCO, is on the lost-and-stolen list (sltd.csv:2)");
  EXPECT_EQ(i.subjects, std::vector<std::string>{"passport-ITA-YA1234567"});
  ASSERT_EQ(i.reasons.size(), 2u);
  EXPECT_EQ(i.reasons[0].text,
            "on the lost-and-stolen list (sltd.csv:2): YA1234567, issued by ITA, document type P, reported 2025-02-01");
  EXPECT_DOUBLE_EQ(i.reasons[0].weight, 0.9);
  EXPECT_EQ(i.reasons[1].text, "seen on 2025-08-13, after it was reported lost or stolen on 2025-02-01");
  EXPECT_NEAR(i.score, 1 - 0.1 * 0.7, 1e-9);
  EXPECT_EQ(i.reasons[0].statement_ids, std::vector<std::int64_t>{6});
}

TEST(DocumentStolen, AnEntryWithoutStateIsWeaker) {
  Td3 t;
  const auto list = detect::StolenList::parse(kHeader + "ya 123 4567,,,\n", "sltd.csv");
  const auto found = detect::stolen_indicators({sighting(t, 6)}, list);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_DOUBLE_EQ(found[0].score, 0.6);
}

TEST(DocumentStolen, EntriesForAnotherStateOrDocumentTypeDoNotFire) {
  Td3 t;
  Td3 other;
  other.number = "YA7654321";
  const auto list = detect::StolenList::parse(kHeader + "YA1234567,MLT,P,2025-02-01\nYA1234567,ITA,I,\n", "sltd.csv");
  EXPECT_TRUE(detect::stolen_indicators({sighting(t, 1), sighting(other, 2)}, list).empty());
}

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "ingest/options.hpp"
#include "ingest/reader.hpp"
#include "model/entity_keys.hpp"
#include "recording_sink.hpp"

namespace corridor::test {
namespace {

using Row = std::tuple<std::string, std::string, std::string, std::string>;

TEST(Payments, AmlWorldRows) {
  FixtureSource f(fixture("payments/aml.csv"), "HI-Small_Trans.csv");
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->name(), "amlworld");
  RecordingSink sink;
  r->read(f.src, sink);
  const std::string& sha = f.src.sha256;
  const std::string self = keys::bank_account("010:8000EBD30");
  const std::string p1 = keys::record("Payment", sha, "row:1");
  const std::string t1 = "2022-09-01T00:20:00.000Z";
  const std::string l1 = "row:1 bytes 137+96";
  EXPECT_EQ(sink.about(p1), (std::vector<Row>{
                                {"payer", self, l1, t1},
                                {"beneficiary", self, l1, t1},
                                {"amount", "3697.34", l1, t1},
                                {"currency", "USD", l1, t1},
                                {"date", t1, l1, t1},
                                {"paymentFormat", "Reinvestment", l1, t1},
                                {"isLaundering", "false", l1, t1},
                            }));
  EXPECT_EQ(sink.about(self), (std::vector<Row>{{"bankId", "010", l1, t1}, {"accountNumber", "8000EBD30", l1, t1}}));
  const std::string p3 = keys::record("Payment", sha, "row:3");
  const std::string l3 = "row:3 bytes 319+91";
  const std::string t3 = "2022-09-01T00:35:00.000Z";
  EXPECT_EQ(sink.about(p3), (std::vector<Row>{
                                {"payer", keys::bank_account("0213834:80B779D80"), l3, t3},
                                {"beneficiary", keys::bank_account("0211050:80AEF5310"), l3, t3},
                                {"amount", "1512.00", l3, t3},
                                {"currency", "USD", l3, t3},
                                {"amountReceived", "1420.12", l3, t3},
                                {"currencyReceived", "EUR", l3, t3},
                                {"date", t3, l3, t3},
                                {"paymentFormat", "Wire", l3, t3},
                                {"isLaundering", "true", l3, t3},
                            }));
  for (const auto& s : sink.statements) EXPECT_EQ(s.prov.extractor, "amlworld@1");
  EXPECT_TRUE(sink.units.empty());
}

// A NUL inside a value used to end the message there (it is a C string once printed).
TEST(Payments, NulBytesInAValueAreQuotedInTheMessage) {
  TempDir d;
  const std::string header =
      "Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format\n";
  write_file(d / "t.csv", header + std::string("2022/09/01 00:20,1,A,2,B,1.00,Euro,1\0x\x01\xFF,Euro,Wire\n", 51));
  FixtureSource f(d / "t.csv");
  RecordingSink sink;
  try {
    ingest::pick_reader(f.src)->read(f.src, sink);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "t.csv: line 2: malformed amount '1\\x00x\\x01\\xFF'");
  }
}

TEST(Payments, AmlWorldBadRowsNameLine) {
  TempDir d;
  const std::string header =
      "Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format\n";
  write_file(d / "t.csv", header + "2022/09/01 00:20,1,A,2,B,1.00,Euro,1.00,Euro,Wire\n2022/13/01 00:20,1,A,2,B,1.00,Euro,1.00,Euro,Wire\n");
  FixtureSource f(d / "t.csv");
  RecordingSink sink;
  try {
    ingest::pick_reader(f.src)->read(f.src, sink);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "t.csv: line 3: malformed timestamp '2022/13/01 00:20'");
  }
  write_file(d / "t.csv", header + "2022/09/01 00:20,1,A,2,B,1.00,Euro,1.00,Euro\n");
  FixtureSource g(d / "t.csv");
  try {
    ingest::pick_reader(g.src)->read(g.src, sink);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "t.csv: line 2: expected 10 fields, found 9");
  }
  write_file(d / "t.csv", header + "2022/09/01 00:20,1,\"A,2,B,1.00,Euro,1.00,Euro,Wire\n");
  FixtureSource h(d / "t.csv");
  try {
    ingest::pick_reader(h.src)->read(h.src, sink);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "t.csv: line 3: unterminated quoted field (opened on line 2)");
  }
}

TEST(Payments, MoneyTransferRecordsWithMap) {
  FixtureSource f(fixture("payments/mto.csv"));
  f.src.options.column_map = ingest::parse_column_map(
      "control_number=MTCN,time=Date,sender_name=Sender,sender_phone=Sender Phone,send_location=Origin,"
      "receiver_name=Receiver,receiver_phone=Receiver Phone,payout_location=Destination,amount=Amount,currency=Currency");
  f.src.options.region = "DE";
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->name(), "mto-csv");
  RecordingSink sink;
  r->read(f.src, sink);
  const std::string& sha = f.src.sha256;
  const std::string samir = keys::account("mto", "+33612345678");
  const std::string nour = keys::account("mto", "+4915123456789");
  const std::string p1 = keys::record("Payment", sha, "row:1");
  const std::string l1 = "row:1 bytes 89+136";
  const std::string t1 = "2023-06-12T14:03:00.000Z";
  EXPECT_EQ(sink.about(p1), (std::vector<Row>{
                                {"payer", samir, l1, t1},
                                {"beneficiary", nour, l1, t1},
                                {"amount", "1250.00", l1, t1},
                                {"currency", "EUR", l1, t1},
                                {"date", t1, l1, t1},
                                {"controlNumber", "4839201746", l1, t1},
                                {"sendLocation", "Paris 11e agent 0412", l1, t1},
                                {"payoutLocation", "Berlin Neukölln", l1, t1},
                            }));
  EXPECT_EQ(sink.about(samir), (std::vector<Row>{
                                   {"platform", "mto", l1, t1},
                                   {"userId", "+33612345678", l1, t1},
                                   {"displayName", "Samir Tarek", l1, t1},
                                   {"owner", keys::record("Person", sha, samir), l1, t1},
                               }));
  EXPECT_EQ(sink.values(keys::phone("+4915123456789"), "number"), std::vector<std::string>{"+4915123456789"});
  const std::string p2 = keys::record("Payment", sha, "row:2");
  EXPECT_EQ(sink.values(p2, "beneficiary"), std::vector<std::string>{samir});
  EXPECT_EQ(sink.values(p2, "currency"), std::vector<std::string>{"USD"});
  EXPECT_EQ(sink.values(p2, "amount"), std::vector<std::string>{"800"});
}

TEST(Payments, MapNamingMissingColumnIsNotPicked) {
  FixtureSource f(fixture("payments/mto.csv"));
  f.src.options.column_map = ingest::parse_column_map("control_number=Reference");
  EXPECT_EQ(ingest::pick_reader(f.src)->name(), "text");
}

}  // namespace
}  // namespace corridor::test

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scan_helpers.hpp"

using namespace corridor::extract;
using namespace corridor::extract::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Date, FormsAndLanguages) {
  EXPECT_THAT(of_type("on 14/03/2025 21:30 and 2025-04-01", "date"), ElementsAre("2025-03-14T21:30", "2025-04-01"));
  EXPECT_THAT(of_type("14 mars 2025, March 14, 2025", "date"), ElementsAre("2025-03-14", "2025-03-14"));
  EXPECT_THAT(of_type("\u0661\u0664 \u0645\u0627\u0631\u0633 \u0662\u0660\u0662\u0665", "date"), ElementsAre("2025-03-14"));
  EXPECT_THAT(of_type("03/25/2025", "date"), ElementsAre("2025-03-25"));  // only month-first fits
  EXPECT_THAT(of_type("2025-03-14T06:05:09", "date"), ElementsAre("2025-03-14T06:05:09"));
}

TEST(Date, HardNegatives) {
  EXPECT_THAT(of_type("31/02/2025", "date"), IsEmpty());
  EXPECT_THAT(of_type("14/13/2025", "date"), IsEmpty());
  EXPECT_THAT(of_type("v1.14.03.2025", "date"), IsEmpty());
  EXPECT_THAT(of_type("2025-03-14 25:00", "date"), IsEmpty());
}

TEST(Vessel, ImoAndMmsi) {
  EXPECT_THAT(values("IMO 9074729 and MMSI: 636012345"), ElementsAre("imo:9074729", "mmsi:636012345"));
  EXPECT_THAT(of_type("IMO no. 9176187", "imo"), ElementsAre("9176187"));
  EXPECT_THAT(of_type("IMO 9074728", "imo"), IsEmpty());      // check digit off by one
  EXPECT_THAT(of_type("MMSI 123456789", "mmsi"), IsEmpty());  // no such MID
  EXPECT_THAT(of_type("ref 636012345", "mmsi"), IsEmpty());   // no keyword
}

TEST(Ip, V4AndV6) {
  EXPECT_THAT(values("host 192.168.10.25, 2001:DB8:0:0::1 and fe80::1"),
              ElementsAre("ipv4:192.168.10.25", "ipv6:2001:db8::1", "ipv6:fe80::1"));
  EXPECT_THAT(values("v 1.2.3.4.5, 256.1.1.1, 01.2.3.4"), IsEmpty());
  EXPECT_THAT(values("at 12:30:45 std::map aa:bb:cc:dd:ee:ff"), IsEmpty());
}

TEST(Card, LuhnAndIssuer) {
  const auto ms = scan_text("card 4111 1111 1111 1111 exp");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].value, "4111111111111111");
  EXPECT_EQ(ms[0].detail, "scheme=visa");
  EXPECT_THAT(of_type("378282246310005 / 5555-5555-5555-4444", "card"), ElementsAre("378282246310005", "5555555555554444"));
  EXPECT_THAT(of_type("4111 1111 1111 1112", "card"), IsEmpty());  // Luhn off by one
  EXPECT_THAT(of_type("9111111111111111", "card"), IsEmpty());     // no issuer starts with 9
}

TEST(Bic, NeedsItsKeyword) {
  EXPECT_THAT(of_type("BIC: DEUTDEFF500, SWIFT code BNPAFRPP", "bic"), ElementsAre("DEUTDEFF500", "BNPAFRPP"));
  EXPECT_THAT(of_type("SWIFT BNPAFRPP, ABSOLUTE", "bic"), ElementsAre("BNPAFRPP"));
  EXPECT_THAT(of_type("BIC: DEUTXXFF", "bic"), IsEmpty());  // no country XX
  EXPECT_THAT(of_type("ABSOLUTE", "bic"), IsEmpty());
}

TEST(Coord, DecimalAndDms) {
  EXPECT_THAT(of_type("at 32.88721, 13.19135 then 32\u00b053'14\"N 13\u00b011'29\"E and 33.1\u00b0 N 11.5\u00b0 W", "coord"),
              ElementsAre("32.887210,13.191350", "32.887222,13.191389", "33.100000,-11.500000"));
  EXPECT_THAT(of_type("-33.86785, -151.20732", "coord"), ElementsAre("-33.867850,-151.207320"));
  EXPECT_THAT(of_type("95.12345, 13.19135", "coord"), IsEmpty());       // latitude beyond 90
  EXPECT_THAT(of_type("12.50, 13.75", "coord"), IsEmpty());             // two prices, not a position
  EXPECT_THAT(of_type("32\u00b075'14\"N 13\u00b011'29\"E", "coord"), IsEmpty());  // 75 minutes
}

TEST(Card, NotInsideAnAccountNumber) {
  // A mistyped IBAN whose digits happen to pass Luhn is still no card.
  EXPECT_THAT(of_type("IBAN TR74 4224 8323 0178 2015 0000 00", "card"), IsEmpty());
}

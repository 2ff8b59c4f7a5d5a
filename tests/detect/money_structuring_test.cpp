// Structuring: several payments just under 10,000 by one payer, or into one account from
// several, fire; invoices spread around 10,000, a single large purchase and the same
// amounts weeks apart do not.
#include <gtest/gtest.h>

#include "detect/money_fixture.hpp"

using corridor::test::Book;
namespace money = corridor::detect::money;

TEST(MoneyStructuring, OnePayerJustUnderTheThresholdFires) {
  Book b;
  b.noise();
  std::set<std::uint64_t> planted;
  for (int i = 0; i < 5; ++i) planted.insert(b.pay("cashier", i % 2 ? "boss" : "boss2", 9400 + 110 * i, 50 + 30 * i));
  b.done();
  const auto found = Book::above(money::find_structuring(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.accounts(found[0]), std::set<std::string>({"cashier", "boss", "boss2"}));
  EXPECT_EQ(b.g.key(found[0].accounts.front()), "cashier");
  EXPECT_EQ(b.payments(found[0]), planted);
  EXPECT_TRUE(b.reasons_cite_payments(found[0]));
  EXPECT_NE(found[0].title.find("just under 10,000.00 EUR"), std::string::npos) << found[0].title;
}

TEST(MoneyStructuring, SmurfsIntoOneAccountFire) {
  Book b;
  b.noise();
  std::set<std::uint64_t> planted;
  for (int i = 0; i < 4; ++i) planted.insert(b.pay("smurf" + std::to_string(i), "drop", 9700 - 50 * i, 20 + 11 * i, "USD"));
  b.done();
  const auto found = Book::above(money::find_structuring(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.g.key(found[0].accounts.front()), "drop");
  EXPECT_EQ(found[0].accounts.size(), 5u);
  EXPECT_EQ(b.payments(found[0]), planted);
}

TEST(MoneyStructuring, InvoicesAroundTheThresholdAndOneOffsDoNotFire) {
  Book b;
  b.noise();
  const double invoices[] = {8700, 9300, 10400, 11200, 9900, 10100, 8900, 12500, 10800};
  for (int i = 0; i < 9; ++i) b.pay("builder", "supplier" + std::to_string(i % 3), invoices[i], 30 + 20 * i);
  b.pay("buyer", "car_dealer", 9500, 100);  // one used car
  for (int i = 0; i < 3; ++i) b.pay("saver", "broker", 9800, 10 + 300 * i);  // weeks apart
  for (int month = 0; month < 2; ++month)  // three fixed instalments at one lender, every month
    for (int loan = 0; loan < 3; ++loan) b.pay("landlord", "lender", 9100 + 300 * loan, month * 720 + 150 + 20 * loan);
  b.pay("yen_payer", "x", 9900, 50, "JPY");  // 9,900 yen is not 10,000 dollars
  b.pay("yen_payer", "x", 9900, 51, "JPY");
  b.pay("yen_payer", "x", 9900, 52, "JPY");
  b.done();
  EXPECT_TRUE(Book::above(money::find_structuring(b.g)).empty());
}

TEST(MoneyStructuring, OtherCurrenciesUseTheDollarThreshold) {
  Book b;
  for (int i = 0; i < 4; ++i) b.pay("a", "b", 1400000 + 10000 * i, 10 + 10 * i, "JPY");  // about 10,100-10,300 USD: over
  for (int i = 0; i < 4; ++i) b.pay("c", "d", 1300000 + 10000 * i, 10 + 10 * i, "JPY");  // 9,360-9,580 USD: under
  b.done();
  const auto found = Book::above(money::find_structuring(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.g.key(found[0].accounts.front()), "c");
}

TEST(MoneyStructuring, MonthsOfVaryingTransfersToOnePayeeStillFire) {
  // The demo's collector: just under 10,000 every day or two for two months, to the same two
  // people; similar amounts a month apart, but never the same amount twice.
  Book b;
  std::set<std::uint64_t> planted;
  for (int i = 0; i < 40; ++i)
    planted.insert(b.pay("collector", i % 3 ? "boss" : "boss2", 9013.17 + 23.9 * ((i * 7) % 40), 10 + 36 * i));
  b.done();
  const auto found = Book::above(money::find_structuring(b.g));
  ASSERT_EQ(found.size(), 1u);  // one run of two months, not one finding a week
  EXPECT_EQ(b.g.key(found[0].accounts.front()), "collector");
  EXPECT_EQ(b.accounts(found[0]), std::set<std::string>({"collector", "boss", "boss2"}));
  EXPECT_EQ(b.payments(found[0]), planted);
}

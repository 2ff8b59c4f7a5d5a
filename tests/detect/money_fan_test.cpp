// Fan-in and fan-out: planted bursts fire with exactly their accounts and payments; a
// landlord's rents, a shop's customers and a funded payroll do not.
#include <gtest/gtest.h>

#include "detect/money_fixture.hpp"

using corridor::test::Book;
namespace money = corridor::detect::money;

TEST(MoneyFan, PlantedFanInFiresWithItsPayersAndPayments) {
  Book b;
  b.noise();
  std::set<std::uint64_t> planted;
  std::set<std::string> members = {"sink"};
  for (int i = 0; i < 8; ++i) {
    const std::string payer = "family" + std::to_string(i);
    members.insert(payer);
    planted.insert(b.pay(payer, "sink", 2800 + 100 * i, 200 + 7.5 * i));
  }
  b.pay("sink", "boss", 20000, 260);  // and on it goes
  b.done();
  const auto found = Book::above(money::find_fan_in(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, "fan_in");
  EXPECT_EQ(b.accounts(found[0]), members);
  EXPECT_EQ(b.g.key(found[0].accounts.front()), "sink");
  EXPECT_EQ(b.payments(found[0]), planted);
  EXPECT_GE(found[0].score, 0.8);
  EXPECT_TRUE(b.reasons_cite_payments(found[0]));
  EXPECT_NE(found[0].title.find("8 payers into sink"), std::string::npos) << found[0].title;
}

TEST(MoneyFan, HowManyPayersItTakesDependsOnTheAccountsOwnRate) {
  // Five one-off payers into an account that receives nothing else fire; the same five into
  // an account that receives a payment or two most days are its ordinary business.
  Book b;
  b.noise();
  for (int i = 0; i < 5; ++i) b.pay("p" + std::to_string(i), "mule", 6000 + 250 * i, 100 + 20 * i);
  for (int i = 0; i < 5; ++i) b.pay("q" + std::to_string(i), "trader", 6000 + 250 * i, 100 + 20 * i);
  for (int day = 0; day < 35; ++day) b.pay("client" + std::to_string(day), "trader", 900 + 37 * day, 24 * day + 3);
  b.done();
  const auto found = Book::above(money::find_fan_in(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.g.key(found[0].accounts.front()), "mule");
  EXPECT_EQ(found[0].accounts.size(), 6u);
}

TEST(MoneyFan, LandlordShopAndNoiseDoNotFire) {
  Book b;
  b.noise();
  // Ten tenants pay the same rent at the start of two months.
  for (int month = 0; month < 2; ++month)
    for (int i = 0; i < 10; ++i) b.pay("tenant" + std::to_string(i), "landlord", 1200, month * 720 + 10 + 9 * i);
  // A shop: 60 customers, each buying now and then over five weeks.
  std::mt19937 rng(3);
  for (int i = 0; i < 400; ++i)
    b.pay("customer" + std::to_string(rng() % 60), "shop", 5 + (rng() % 9000) / 100.0, (rng() % 840));
  b.done();
  EXPECT_TRUE(Book::above(money::find_fan_in(b.g)).empty());
}

TEST(MoneyFan, PlantedFanOutFiresAndFundedPayrollDoesNot) {
  Book b;
  b.noise();
  // Laundering: 60,000 arrive, then six one-off beneficiaries within two days.
  std::set<std::uint64_t> planted;
  b.pay("placer", "splitter", 60000, 300);
  for (int i = 0; i < 6; ++i) planted.insert(b.pay("splitter", "drop" + std::to_string(i), 9500 - 100 * i, 305 + 8 * i));
  // Payroll: a parent company funds it the day before; the same 20 employees every two weeks.
  for (int run = 0; run < 3; ++run) {
    const double payday = 24 + run * 14 * 24;
    b.pay("parent", "employer", 52000, payday - 20);
    for (int i = 0; i < 20; ++i) b.pay("employer", "employee" + std::to_string(i), 2500 + 10 * i, payday + 0.1 * i);
  }
  b.done();
  const auto found = Book::above(money::find_fan_out(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.g.key(found[0].accounts.front()), "splitter");
  EXPECT_EQ(b.payments(found[0]), planted);
  EXPECT_EQ(found[0].accounts.size(), 7u);
  // The funding is a reason of its own, citing the payment that came in.
  bool funded = false;
  for (const auto& r : found[0].reasons)
    if (r.text.find("had come in") != std::string::npos) funded = r.weight > 0 && r.payments.size() == 1;
  EXPECT_TRUE(funded);
}

// Scatter-gather and gather-scatter: planted instances fire with exactly their accounts and
// payments; payroll whose employees pay one landlord, and a shop paying its suppliers, do not.
#include <gtest/gtest.h>

#include "detect/money_fixture.hpp"

using corridor::test::Book;
namespace money = corridor::detect::money;

TEST(MoneyScatterGather, PlantedScatterGatherFires) {
  Book b;
  b.noise();
  std::set<std::uint64_t> planted;
  std::set<std::string> members = {"source", "target"};
  for (int i = 0; i < 5; ++i) {
    const std::string m = "smurf" + std::to_string(i);
    members.insert(m);
    const double amount = 7000 + 300 * i;
    planted.insert(b.pay("source", m, amount, 100 + 6 * i));
    planted.insert(b.pay(m, "target", amount * 0.96, 100 + 6 * i + 5 + i));
  }
  b.done();
  const auto found = Book::above(money::find_scatter_gather(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.accounts(found[0]), members);
  EXPECT_EQ(b.g.key(found[0].accounts[0]), "source");
  EXPECT_EQ(b.g.key(found[0].accounts[1]), "target");
  EXPECT_EQ(b.payments(found[0]), planted);
  EXPECT_TRUE(b.reasons_cite_payments(found[0]));
}

TEST(MoneyScatterGather, PayrollAndRentToOneLandlordDoesNotFire) {
  Book b;
  b.noise();
  // Six employees paid every month; each pays the same landlord most of it the next day.
  for (int month = 0; month < 2; ++month)
    for (int i = 0; i < 6; ++i) {
      b.pay("employer", "worker" + std::to_string(i), 2000, month * 720 + 24 + i);
      b.pay("worker" + std::to_string(i), "landlord", 1400, month * 720 + 40 + i);
    }
  // A company pays four contractors who each buy a coffee at the same shop.
  for (int i = 0; i < 4; ++i) {
    b.pay("company", "contractor" + std::to_string(i), 5000, 300 + i);
    b.pay("contractor" + std::to_string(i), "cafe", 4.5, 310 + i);
  }
  b.done();
  EXPECT_TRUE(Book::above(money::find_scatter_gather(b.g)).empty());
}

TEST(MoneyGatherScatter, PlantedGatherScatterFires) {
  Book b;
  b.noise();
  std::set<std::uint64_t> planted;
  std::set<std::string> members = {"hub"};
  double in = 0;
  for (int i = 0; i < 4; ++i) {
    members.insert("in" + std::to_string(i));
    planted.insert(b.pay("in" + std::to_string(i), "hub", 6000 + 500 * i, 400 + 10 * i));
    in += 6000 + 500 * i;
  }
  for (int i = 0; i < 5; ++i) {
    members.insert("out" + std::to_string(i));
    planted.insert(b.pay("hub", "out" + std::to_string(i), in * 0.94 / 5, 445 + 6 * i));
  }
  b.done();
  const auto found = Book::above(money::find_gather_scatter(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.accounts(found[0]), members);
  EXPECT_EQ(b.payments(found[0]), planted);
  EXPECT_TRUE(b.reasons_cite_payments(found[0]));
}

TEST(MoneyGatherScatter, ShopAndLandlordDoNotFire) {
  Book b;
  b.noise();
  std::mt19937 rng(5);
  for (int i = 0; i < 500; ++i)
    b.pay("client" + std::to_string(rng() % 200), "store", 10 + (rng() % 20000) / 100.0, rng() % 840);
  for (int i = 0; i < 8; ++i) b.pay("store", "supplier" + std::to_string(i % 4), 2500, 50 + 100 * i);
  for (int month = 0; month < 2; ++month) {
    for (int i = 0; i < 8; ++i) b.pay("tenant" + std::to_string(i), "owner", 1000, month * 720 + 5 + 10 * i);
    b.pay("owner", "bank", 6000, month * 720 + 200);
  }
  b.done();
  EXPECT_TRUE(Book::above(money::find_gather_scatter(b.g)).empty());
}

// Pass-through: a mule passing money straight on, and a chain of accounts each passing it
// on within hours, fire with exactly their payments; salary and rent, and a payment
// service with hundreds of small pass-throughs, do not.
#include <gtest/gtest.h>

#include "detect/money_fixture.hpp"

using corridor::test::Book;
namespace money = corridor::detect::money;

TEST(MoneyPassThrough, MuleFires) {
  Book b;
  b.noise();
  std::set<std::uint64_t> planted;
  for (int i = 0; i < 3; ++i) {
    const double amount = 5000 + 1000 * i;
    planted.insert(b.pay("organiser", "mule", amount, 100 + 48 * i));
    planted.insert(b.pay("mule", "seller" + std::to_string(i), amount * 0.98, 100 + 48 * i + 2));
  }
  b.done();
  const auto found = Book::above(money::find_pass_through(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.g.key(found[0].accounts.front()), "mule");
  EXPECT_EQ(b.accounts(found[0]), std::set<std::string>({"mule", "organiser", "seller0", "seller1", "seller2"}));
  EXPECT_EQ(b.payments(found[0]), planted);
  EXPECT_TRUE(b.reasons_cite_payments(found[0]));
}

TEST(MoneyPassThrough, SplitIntoSeveralPaymentsStillMatches) {
  Book b;
  std::set<std::uint64_t> planted;
  for (int i = 0; i < 2; ++i) {
    planted.insert(b.pay("boss", "mule", 9000, 10 + 100 * i));
    planted.insert(b.pay("mule", "x" + std::to_string(i), 4000, 12 + 100 * i));
    planted.insert(b.pay("mule", "y" + std::to_string(i), 4700, 13 + 100 * i));
  }
  b.done();
  const auto found = Book::above(money::find_pass_through(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.payments(found[0]), planted);
}

TEST(MoneyPassThrough, ChainOfAccountsFires) {
  Book b;
  b.noise();
  std::set<std::uint64_t> planted;
  const std::vector<std::string> chain = {"start", "hop1", "hop2", "hop3", "end"};
  double amount = 15000;
  for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
    planted.insert(b.pay(chain[i], chain[i + 1], amount, 200 + 5 * static_cast<double>(i)));
    amount *= 0.97;
  }
  b.done();
  const auto found = Book::above(money::find_pass_through(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.accounts(found[0]), std::set<std::string>(chain.begin(), chain.end()));
  EXPECT_EQ(b.g.key(found[0].accounts.front()), "start");
  EXPECT_EQ(b.payments(found[0]), planted);
}

TEST(MoneyPassThrough, SalaryRentAndPaymentServiceDoNotFire) {
  Book b;
  b.noise();
  for (int month = 0; month < 2; ++month) {  // salary in, most of it out to rent and savings next morning
    b.pay("employer", "worker", 3000, month * 720 + 24);
    b.pay("worker", "landlord", 1500, month * 720 + 34);
    b.pay("worker", "savings", 1200, month * 720 + 35);
  }
  std::mt19937 rng(11);
  for (int i = 0; i < 300; ++i) {  // a payment service: card payments passed to merchants
    const double amount = 5 + (rng() % 30000) / 100.0, hour = rng() % 830;
    b.pay("buyer" + std::to_string(rng() % 250), "paysvc", amount, hour);
    b.pay("paysvc", "merchant" + std::to_string(rng() % 40), std::round(amount * 98.5) / 100, hour + 1 + (rng() % 5));
  }
  b.done();
  for (const auto& f : Book::above(money::find_pass_through(b.g))) ADD_FAILURE() << f.title << " " << f.score;
}

// Cycles: a planted round trip through four accounts fires with exactly its hops; refunds,
// bill-splitting triangles, out-of-order hops and routine monthly circles do not.
#include <gtest/gtest.h>

#include "detect/money_fixture.hpp"

using corridor::test::Book;
namespace money = corridor::detect::money;

TEST(MoneyCycles, PlantedCycleFiresWithItsHops) {
  Book b;
  b.noise();
  std::set<std::uint64_t> planted;
  double amount = 12000;
  const std::vector<std::string> ring = {"a", "b", "c", "d"};
  for (std::size_t i = 0; i < ring.size(); ++i) {
    planted.insert(b.pay(ring[i], ring[(i + 1) % ring.size()], amount, 100 + 9 * static_cast<double>(i)));
    amount *= 0.97;
  }
  b.done();
  const auto found = Book::above(money::find_cycles(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.accounts(found[0]), std::set<std::string>({"a", "b", "c", "d"}));
  EXPECT_EQ(b.g.key(found[0].accounts.front()), "a");  // where the money left from
  EXPECT_EQ(b.payments(found[0]), planted);
  EXPECT_TRUE(b.reasons_cite_payments(found[0]));
}

TEST(MoneyCycles, RoundTripsThatAreNotLaunderingDoNotFire) {
  Book b;
  b.noise();
  b.pay("buyer", "store", 300, 10);  // refund: two accounts only
  b.pay("store", "buyer", 300, 40);
  b.pay("x", "y", 50, 100);  // splitting bills: unrelated amounts
  b.pay("y", "z", 900, 120);
  b.pay("z", "x", 20, 130);
  b.pay("p", "q", 5000, 200);  // the hops out of time order
  b.pay("q", "r", 4900, 190);
  b.pay("r", "p", 4800, 210);
  for (int month = 0; month < 2; ++month) {  // a routine circle: the same every month
    b.pay("k", "l", 2000, month * 720 + 300);
    b.pay("l", "m", 1950, month * 720 + 310);
    b.pay("m", "k", 1900, month * 720 + 320);
  }
  b.done();
  EXPECT_TRUE(Book::above(money::find_cycles(b.g)).empty());
}

TEST(MoneyCycles, AHopKeepingTooLittleBreaksTheCycle) {
  Book b;
  b.pay("a", "b", 10000, 1);
  b.pay("b", "c", 5000, 2);  // half held back
  b.pay("c", "a", 4900, 3);
  b.done();
  EXPECT_TRUE(money::find_cycles(b.g).empty());
}

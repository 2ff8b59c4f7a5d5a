// Price match: families paying a collector advertised prices (some as a deposit and the
// rest) fire, citing the advertisements; tenants paying a rent that equals an advertised
// price every month, and one such payment into a shop, do not.
#include <gtest/gtest.h>

#include "detect/money_fixture.hpp"

using corridor::test::Book;
namespace money = corridor::detect::money;

namespace {

money::PriceMatchSettings advertised() {
  money::PriceMatchSettings s;
  s.prices = {{3000, "EUR", 501, true}, {2500, "EUR", 502, false}, {3000, "EUR", 503, true}, {1500, "USD", 504, false}};
  return s;
}

}  // namespace

TEST(MoneyPriceMatch, FamiliesPayingAdvertisedPricesFire) {
  Book b;
  b.noise();
  std::set<std::uint64_t> planted;
  for (int i = 0; i < 4; ++i) planted.insert(b.pay("family" + std::to_string(i), "collector", 3000, 100 + 30 * i));
  planted.insert(b.pay("family4", "collector", 500, 110));  // deposit ...
  planted.insert(b.pay("family4", "collector", 2000, 300));  // ... and the rest
  planted.insert(b.pay("family5", "collector", 10200, 150, "SAR", 2500, "EUR"));  // riyal in, euro out
  b.pay("family5", "collector", 17.5, 400);  // a fee, not a price
  b.done();
  const auto found = Book::above(money::find_price_matches(b.g, advertised()));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.g.key(found[0].accounts.front()), "collector");
  EXPECT_EQ(found[0].accounts.size(), 7u);
  EXPECT_EQ(b.payments(found[0]), planted);
  std::set<std::uint64_t> sources;
  for (const auto& r : found[0].reasons) sources.insert(r.sources.begin(), r.sources.end());
  EXPECT_EQ(sources, std::set<std::uint64_t>({501, 502, 503}));
  EXPECT_TRUE(b.reasons_cite_payments(found[0]));
}

TEST(MoneyPriceMatch, RentEqualToAPriceAndOneOffsDoNotFire) {
  Book b;
  b.noise();
  for (int month = 0; month < 2; ++month)
    for (int i = 0; i < 5; ++i) b.pay("tenant" + std::to_string(i), "landlord", 2500, month * 720 + 10 + i);
  b.pay("someone", "shop", 3000, 50);
  for (int i = 0; i < 40; ++i) b.pay("client" + std::to_string(i), "shop", 20 + i, 60 + i);
  b.done();
  EXPECT_TRUE(Book::above(money::find_price_matches(b.g, advertised())).empty());
  EXPECT_TRUE(money::find_price_matches(b.g, {}).empty());  // nothing advertised, nothing to match
}

// Escrow: deposits from several payers held for weeks, then released at once, fire — more
// strongly right after an arrival, which the reason cites; a landlord's rents and mortgage,
// a savings club and one saver do not.
#include <gtest/gtest.h>

#include "detect/money_fixture.hpp"

using corridor::test::Book;
namespace money = corridor::detect::money;

namespace {

std::set<std::uint64_t> plant_escrow(Book& b) {
  std::set<std::uint64_t> planted;
  for (int i = 0; i < 8; ++i) planted.insert(b.pay("family" + std::to_string(i), "hawala", 2500 + 200 * i, 50 + 60 * i));
  planted.insert(b.pay("hawala", "organiser", 12000, 600));  // 5 days after the last deposit, 92 % of them
  planted.insert(b.pay("hawala", "organiser", 11500, 602));
  return planted;
}

}  // namespace

TEST(MoneyEscrow, HeldDepositsReleasedAtOnceFire) {
  Book b;
  b.noise();
  const auto planted = plant_escrow(b);
  b.done();
  const auto found = Book::above(money::find_escrow(b.g));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(b.g.key(found[0].accounts[0]), "hawala");
  EXPECT_EQ(b.g.key(found[0].accounts[1]), "organiser");
  EXPECT_EQ(found[0].accounts.size(), 10u);
  EXPECT_EQ(b.payments(found[0]), planted);
  EXPECT_TRUE(b.reasons_cite_payments(found[0]));
}

TEST(MoneyEscrow, ReleaseAfterAnArrivalWeighsMoreAndCitesIt) {
  Book b;
  plant_escrow(b);
  b.done();
  money::EscrowSettings s;
  const double plain = money::find_escrow(b.g, s).at(0).score;
  s.arrivals.push_back({Book::kStart + 597 * 3600, "arrival of the boat at Lampedusa", 4242});
  s.arrivals.push_back({Book::kStart + 100 * 3600, "an earlier arrival", 1});
  const auto found = money::find_escrow(b.g, s);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_GT(found[0].score, plain);
  bool cited = false;
  for (const auto& r : found[0].reasons)
    if (r.text.find("arrival of the boat") != std::string::npos)
      cited = r.sources == std::vector<std::uint64_t>{4242} && r.payments.size() == 2 && r.weight > 0;
  EXPECT_TRUE(cited);
}

TEST(MoneyEscrow, LandlordSavingsClubAndSaverDoNotFire) {
  Book b;
  b.noise();
  for (int month = 0; month < 2; ++month) {  // rents, then the mortgage a week later
    for (int i = 0; i < 6; ++i) b.pay("tenant" + std::to_string(i), "landlord", 1100, month * 720 + 5 + 12 * i);
    b.pay("landlord", "bank", 5200, month * 720 + 190);
  }
  for (int week = 0; week < 4; ++week) {  // savings club: the pot goes to a member each week
    for (int i = 0; i < 8; ++i) b.pay("member" + std::to_string(i), "club", 200, week * 168 + 2 + i);
    b.pay("club", "member" + std::to_string(week), 1600, week * 168 + 100);
  }
  for (int i = 0; i < 4; ++i) b.pay("employer", "saver", 3000, 10 + 168 * i);  // one depositor
  b.pay("saver", "car_dealer", 11000, 700);
  b.done();
  for (const auto& f : Book::above(money::find_escrow(b.g))) ADD_FAILURE() << f.title << " " << f.score;
}

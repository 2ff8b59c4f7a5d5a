#include <gtest/gtest.h>

#include "resolve/febrl.hpp"
#include "resolve/linker.hpp"

using namespace corridor::resolve;

namespace {
const std::string kDir = std::string(CORRIDOR_SHARED_DATA) + "/febrl";

std::set<IdPair> pairs_of(const std::vector<PersonRecord>& recs, const LinkResult& r) {
  std::set<IdPair> out;
  for (const auto& m : r.matches) out.insert(ordered(recs[m.a].id, recs[m.b].id));
  return out;
}
}  // namespace

// The target: F1 >= 0.95 on both Febrl tasks.
TEST(Febrl, Dataset4LinkageF1AtLeast095) {
  auto recs = read_febrl(kDir + "/febrl_dataset4a.csv", 0);
  const auto b = read_febrl(kDir + "/febrl_dataset4b.csv", 1);
  recs.insert(recs.end(), b.begin(), b.end());
  ASSERT_EQ(recs.size(), 10000u);
  const auto truth = read_true_pairs(kDir + "/febrl_dataset4_true_pairs.csv");
  ASSERT_EQ(truth.size(), 5000u);
  LinkOptions options;
  options.linkage = true;
  options.one_to_one = true;
  const auto r = link_persons(recs, options);
  const auto a = accuracy(pairs_of(recs, r), truth);
  EXPECT_GE(a.f1(), 0.95) << "precision " << a.precision() << " recall " << a.recall();
}

TEST(Febrl, Dataset3DeduplicationF1AtLeast095) {
  const auto recs = read_febrl(kDir + "/febrl_dataset3.csv", 0);
  const auto truth = read_true_pairs(kDir + "/febrl_dataset3_true_pairs.csv");
  const auto r = link_persons(recs, LinkOptions{});
  const auto a = accuracy(pairs_of(recs, r), truth);
  EXPECT_GE(a.f1(), 0.95) << "precision " << a.precision() << " recall " << a.recall();
}

TEST(Febrl, AccuracyCounts) {
  const std::set<IdPair> truth = {{"a", "b"}, {"c", "d"}};
  const std::set<IdPair> predicted = {{"a", "b"}, {"a", "c"}};
  const auto a = accuracy(predicted, truth);
  EXPECT_EQ(a.true_positives, 1u);
  EXPECT_EQ(a.false_positives, 1u);
  EXPECT_EQ(a.false_negatives, 1u);
  EXPECT_DOUBLE_EQ(a.f1(), 0.5);
  EXPECT_EQ(ordered("z", "a"), (IdPair{"a", "z"}));
}

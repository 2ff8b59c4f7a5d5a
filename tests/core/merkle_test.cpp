#include "core/merkle.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

using namespace corridor;

namespace {

nlohmann::json vectors() {
  std::ifstream in(CORRIDOR_TEST_DATA "/merkle/vectors.json");
  return nlohmann::json::parse(in);
}

std::vector<Digest> leaves(const nlohmann::json& v, std::size_t n) {
  std::vector<Digest> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(merkle::leaf_hash(v["leaves"][i].get<std::string>()));
  return out;
}

std::vector<Digest> digests(const nlohmann::json& arr) {
  std::vector<Digest> out;
  for (const auto& h : arr) out.push_back(digest_from_hex(h.get<std::string>()));
  return out;
}

}  // namespace

// Roots and proofs computed independently with Python's hashlib (tests/data/merkle).
TEST(Merkle, RootsMatchIndependentComputation) {
  auto v = vectors();
  for (std::size_t n = 0; n <= 40; ++n)
    EXPECT_EQ(to_hex(merkle::root(leaves(v, n))), v["roots"][std::to_string(n)].get<std::string>()) << n;
}

TEST(Merkle, AFrontierGrownLeafByLeafHasTheIndependentRootAtEverySize) {
  auto v = vectors();
  const auto all = leaves(v, 40);
  merkle::Frontier f;
  EXPECT_EQ(to_hex(f.root()), v["roots"]["0"].get<std::string>());
  for (std::size_t n = 1; n <= 40; ++n) {
    f.append(all[n - 1]);
    EXPECT_EQ(f.size(), n);
    EXPECT_EQ(to_hex(f.root()), v["roots"][std::to_string(n)].get<std::string>()) << n;
  }
}

TEST(Merkle, InclusionProofsMatchAndVerify) {
  auto v = vectors();
  for (const auto& c : v["inclusion"]) {
    const std::size_t idx = c["index"], size = c["size"];
    auto l = leaves(v, size);
    auto proof = merkle::inclusion_proof(l, idx);
    EXPECT_EQ(proof, digests(c["path"])) << idx << "/" << size;
    const Digest root = merkle::root(l);
    EXPECT_TRUE(merkle::verify_inclusion(idx, size, l[idx], proof, root));
    // The wrong leaf, the wrong index or a damaged path must not verify.
    EXPECT_FALSE(merkle::verify_inclusion(idx, size, merkle::leaf_hash("forged"), proof, root));
    if (size > 1) {
      EXPECT_FALSE(merkle::verify_inclusion((idx + 1) % size, size, l[idx], proof, root));
    }
    if (!proof.empty()) {
      proof[0][0] ^= 1;
      EXPECT_FALSE(merkle::verify_inclusion(idx, size, l[idx], proof, root));
    }
  }
}

TEST(Merkle, ConsistencyProofsMatchAndVerify) {
  auto v = vectors();
  for (const auto& c : v["consistency"]) {
    const std::size_t m = c["old"], n = c["new"];
    auto l = leaves(v, n);
    auto proof = merkle::consistency_proof(l, m);
    EXPECT_EQ(proof, digests(c["proof"])) << m << "->" << n;
    const Digest old_root = merkle::root(std::span<const Digest>(l).first(m));
    const Digest new_root = merkle::root(l);
    EXPECT_TRUE(merkle::verify_consistency(m, n, old_root, new_root, proof)) << m << "->" << n;
    Digest bad = old_root;
    bad[5] ^= 0x40;
    EXPECT_FALSE(merkle::verify_consistency(m, n, bad, new_root, proof));
    EXPECT_FALSE(merkle::verify_consistency(m, n, old_root, bad, proof));
  }
}

TEST(Merkle, EmptyTreeAndOutOfRange) {
  EXPECT_EQ(to_hex(merkle::root({})), to_hex(sha256("")));
  std::vector<Digest> one{merkle::leaf_hash("a")};
  EXPECT_TRUE(merkle::inclusion_proof(one, 0).empty());
  EXPECT_TRUE(merkle::verify_inclusion(0, 1, one[0], {}, one[0]));
  EXPECT_FALSE(merkle::verify_inclusion(1, 1, one[0], {}, one[0]));
}

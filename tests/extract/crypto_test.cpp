#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/sha256.hpp"
#include "extract/checks.hpp"
#include "scan_helpers.hpp"

using namespace corridor::extract;
using namespace corridor::extract::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Crypto, BitcoinBase58AndBech32) {
  const auto ms = scan_text(
      "pay 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa or 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy or "
      "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4 or "
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0");
  ASSERT_EQ(ms.size(), 4u);
  EXPECT_EQ(ms[0].value, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
  EXPECT_EQ(ms[0].detail, "kind=p2pkh");
  EXPECT_EQ(ms[1].detail, "kind=p2sh");
  EXPECT_EQ(ms[2].value, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
  EXPECT_EQ(ms[2].detail, "kind=p2wpkh");
  EXPECT_EQ(ms[3].detail, "kind=p2tr");
}

TEST(Crypto, BitcoinHardNegatives) {
  EXPECT_THAT(of_type("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "btc"), IsEmpty());  // checksum
  EXPECT_THAT(of_type("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "btc"), IsEmpty());
  EXPECT_THAT(of_type("bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "btc"), IsEmpty());  // mixed case
  // v1 program with a bech32 (not bech32m) checksum, BIP-350 test vector
  EXPECT_THAT(of_type("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", "btc"), IsEmpty());
}

TEST(Crypto, EthereumEip55) {
  const auto ms = scan_text("ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed; 0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].value, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
  EXPECT_EQ(ms[0].detail, "check=eip55");
  EXPECT_EQ(ms[1].detail, "check=none");
  EXPECT_DOUBLE_EQ(ms[1].confidence, 0.9);
  EXPECT_THAT(of_type("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "eth"), IsEmpty());  // case flipped
  EXPECT_THAT(of_type("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed12", "eth"), IsEmpty());  // longer hex
}

TEST(Crypto, Tron) {
  EXPECT_THAT(of_type("USDT TRC20: TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW", "tron"),
              ElementsAre("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW"));
  EXPECT_THAT(of_type("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMV", "tron"), IsEmpty());
}

TEST(Crypto, Keccak256KnownAnswer) {
  EXPECT_EQ(corridor::to_hex(keccak256("")), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  EXPECT_EQ(corridor::to_hex(keccak256(std::string(200, 'a'))).size(), 64u);
}

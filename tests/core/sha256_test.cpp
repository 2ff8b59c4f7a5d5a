#include "core/sha256.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

using namespace corridor;

// FIPS 180-2 test vectors.
TEST(Sha256, KnownVectors) {
  EXPECT_EQ(to_hex(sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(to_hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(to_hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, StreamingEqualsOneShot) {
  std::string data(100000, 'x');
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>(i * 7);
  Sha256 h;
  for (std::size_t i = 0; i < data.size(); i += 4093) h.update(std::string_view(data).substr(i, 4093));
  EXPECT_EQ(h.finish(), sha256(data));
}

TEST(Sha256, HexRoundTripAndRejects) {
  Digest d = sha256("abc");
  EXPECT_EQ(digest_from_hex(to_hex(d)), d);
  EXPECT_TRUE(is_sha256_hex(to_hex(d)));
  EXPECT_FALSE(is_sha256_hex("abc"));
  EXPECT_FALSE(is_sha256_hex(std::string(63, 'a') + "g"));
  EXPECT_THROW(digest_from_hex("zz"), Error);
}

// One-time codes against RFC 6238's test values (appendix B, SHA-1), and base-32 secrets.
#include <gtest/gtest.h>

#include "core/totp.hpp"

using namespace corridor;

namespace {
const std::string kSecret = "12345678901234567890";  // RFC 6238's SHA-1 seed
std::span<const std::uint8_t> secret() { return {reinterpret_cast<const std::uint8_t*>(kSecret.data()), kSecret.size()}; }
}  // namespace

TEST(Totp, Rfc6238Vectors) {
  EXPECT_EQ(totp_code(secret(), 59, 8), "94287082");
  EXPECT_EQ(totp_code(secret(), 1111111109, 8), "07081804");
  EXPECT_EQ(totp_code(secret(), 1111111111, 8), "14050471");
  EXPECT_EQ(totp_code(secret(), 1234567890, 8), "89005924");
  EXPECT_EQ(totp_code(secret(), 2000000000, 8), "69279037");
  EXPECT_EQ(totp_code(secret(), 20000000000, 8), "65353130");
  EXPECT_EQ(totp_code(secret(), 59), "287082");  // six digits: the last six
}

TEST(Totp, ACodeMatchesItsStepAndOneEitherSideOnly) {
  const std::int64_t t = 1111111109;
  const std::string code = totp_code(secret(), t);
  EXPECT_EQ(totp_step(secret(), code, t), t / 30);
  EXPECT_EQ(totp_step(secret(), code, t + 30), t / 30);
  EXPECT_EQ(totp_step(secret(), code, t - 30), t / 30);
  EXPECT_FALSE(totp_step(secret(), code, t + 90));
  EXPECT_FALSE(totp_step(secret(), "12345", t));
  EXPECT_FALSE(totp_step(secret(), "", t));
}

TEST(Base32, Rfc4648VectorsAndRoundTrip) {
  const std::string foobar = "foobar";
  const auto bytes = [](const std::string& s) { return std::vector<std::uint8_t>(s.begin(), s.end()); };
  EXPECT_EQ(base32_encode(bytes("f")), "MY");
  EXPECT_EQ(base32_encode(bytes("fo")), "MZXQ");
  EXPECT_EQ(base32_encode(bytes(foobar)), "MZXW6YTBOI");
  EXPECT_EQ(base32_decode("MZXW6YTBOI======"), bytes(foobar));
  EXPECT_EQ(base32_decode("mzxw6ytboi"), bytes(foobar));
  EXPECT_FALSE(base32_decode("MZ1W"));  // 1 is not in the alphabet
  EXPECT_EQ(base32_decode(base32_encode(bytes(kSecret))), bytes(kSecret));
}

#include <gtest/gtest.h>

#include "core/geo.hpp"
#include "core/ids.hpp"
#include "core/sha256.hpp"
#include "core/time.hpp"

using namespace corridor;

TEST(Time, FormatsAndParsesUtc) {
  EXPECT_EQ(format_utc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_utc(1798511641123), "2026-12-29T02:34:01.123Z");
  EXPECT_EQ(parse_iso8601("2026-12-29T02:34:01.123Z"), 1798511641123);
  EXPECT_EQ(parse_iso8601("2026-12-29T04:34:01.123+02:00"), 1798511641123);
  EXPECT_EQ(parse_iso8601("2000-02-29 00:00:00"), 951782400000);
  EXPECT_EQ(format_utc(-1), "1969-12-31T23:59:59.999Z");
}

TEST(Time, RejectsMalformed) {
  EXPECT_FALSE(parse_iso8601("2026-13-01T00:00:00Z"));
  EXPECT_FALSE(parse_iso8601("2026-12-01"));
  EXPECT_FALSE(parse_iso8601("2026-12-01T00:00:00Q"));
  EXPECT_FALSE(parse_iso8601("yesterday at noon"));
}

TEST(Ids, DeterministicAndSchemaScoped) {
  const std::string a = make_entity_id("Phone", "+218912345678");
  EXPECT_EQ(a, make_entity_id("Phone", "+218912345678"));
  EXPECT_EQ(a.rfind("phone-", 0), 0u);
  EXPECT_EQ(a.size(), 6u + 32u);
  EXPECT_NE(a.substr(6), make_entity_id("Email", "+218912345678").substr(6));
  EXPECT_NE(a, make_entity_id("Phone", "+218912345679"));
}

TEST(Ids, KeyedByTheInstallationKey) {
  // The tests' key folder holds a fixed key (tests/CMakeLists.txt): ids are the HMAC
  // under it, and equal to the same HMAC computed by OpenSSL's own HMAC.
  const IdKey& key = installation_id_key();
  EXPECT_EQ(to_hex(key), to_hex(sha256("corridor test installation id key")));
  const Digest mac = hmac_sha256(key, std::string("corridor\0Phone\0+218912345678", 28));
  EXPECT_EQ(make_entity_id("Phone", "+218912345678"), "phone-" + to_hex(std::span<const std::uint8_t>(mac.data(), 16)));
  EXPECT_EQ(id_key_fingerprint(key).size(), 16u);
  // Without the key the id cannot be recomputed from the number: the unkeyed id differs.
  use_unkeyed_entity_ids();
  const Digest plain = sha256(std::string("corridor\0Phone\0+218912345678", 28));
  EXPECT_EQ(make_entity_id("Phone", "+218912345678"), "phone-" + to_hex(std::span<const std::uint8_t>(plain.data(), 16)));
  use_keyed_entity_ids();
  EXPECT_NE(make_entity_id("Phone", "+218912345678").substr(6), to_hex(std::span<const std::uint8_t>(plain.data(), 16)));
}

TEST(Ids, HmacSha256MatchesRfc4231) {
  // RFC 4231, test case 2.
  const std::string key = "Jefe";
  const Digest d = hmac_sha256(std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(key.data()), key.size()),
                               "what do ya want for nothing?");
  EXPECT_EQ(to_hex(d), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Geo, HaversineKnownDistance) {
  // One degree of latitude on the mean sphere is 111.195 km.
  EXPECT_NEAR(haversine_m({0, 0}, {1, 0}), 111195.08, 0.5);
  EXPECT_NEAR(haversine_m({35.0, 12.0}, {35.0, 12.0}), 0.0, 1e-9);
  EXPECT_FALSE(valid_lat_lon(91, 0));
  EXPECT_TRUE(valid_lat_lon(-90, 180));
}

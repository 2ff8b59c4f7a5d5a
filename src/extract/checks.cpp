#include "extract/checks.hpp"

#include "core/sha256.hpp"
#include "extract/text.hpp"

namespace corridor::extract {

int iban_mod97(std::string_view s) {
  if (s.size() < 5) return -1;
  int r = 0;
  auto feed = [&](char c) {
    if (is_ascii_digit(c)) {
      r = (r * 10 + (c - '0')) % 97;
    } else if (is_upper(c)) {
      r = (r * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
    return true;
  };
  for (std::size_t i = 4; i < s.size(); ++i)
    if (!feed(s[i])) return -1;
  for (std::size_t i = 0; i < 4; ++i)
    if (!feed(s[i])) return -1;
  return r;
}

bool luhn_ok(std::string_view d) {
  int sum = 0;
  bool dbl = false;
  for (std::size_t i = d.size(); i-- > 0;) {
    if (!is_ascii_digit(d[i])) return false;
    int v = d[i] - '0';
    if (dbl) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
    dbl = !dbl;
  }
  return !d.empty() && sum % 10 == 0;
}

int mrz_check(std::string_view f) {
  static constexpr int kWeights[3] = {7, 3, 1};
  int sum = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const char c = f[i];
    int v;
    if (is_ascii_digit(c)) {
      v = c - '0';
    } else if (is_upper(c)) {
      v = c - 'A' + 10;
    } else if (c == '<') {
      v = 0;
    } else {
      return -1;
    }
    sum += v * kWeights[i % 3];
  }
  return sum % 10;
}

std::optional<std::vector<std::uint8_t>> base58_decode(std::string_view s) {
  static constexpr std::string_view kAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  if (s.size() > 128) return std::nullopt;
  std::vector<std::uint8_t> out;  // big-endian, grown as digits are fed
  for (char c : s) {
    const auto pos = kAlphabet.find(c);
    if (pos == std::string_view::npos) return std::nullopt;
    unsigned carry = static_cast<unsigned>(pos);
    for (std::size_t i = out.size(); i-- > 0;) {
      carry += 58u * out[i];
      out[i] = static_cast<std::uint8_t>(carry & 0xFF);
      carry >>= 8;
    }
    while (carry) {
      out.insert(out.begin(), static_cast<std::uint8_t>(carry & 0xFF));
      carry >>= 8;
    }
  }
  std::size_t zeros = 0;
  while (zeros < s.size() && s[zeros] == '1') ++zeros;
  out.insert(out.begin(), zeros, 0);
  return out;
}

std::optional<std::vector<std::uint8_t>> base58check_decode(std::string_view s) {
  auto raw = base58_decode(s);
  if (!raw || raw->size() < 5) return std::nullopt;
  const std::string_view payload(reinterpret_cast<const char*>(raw->data()), raw->size() - 4);
  const Digest once = sha256(payload);
  const Digest twice = sha256(std::string_view(reinterpret_cast<const char*>(once.data()), once.size()));
  for (int i = 0; i < 4; ++i) {
    if (twice[static_cast<std::size_t>(i)] != (*raw)[raw->size() - 4 + static_cast<std::size_t>(i)]) return std::nullopt;
  }
  raw->resize(raw->size() - 4);
  return raw;
}

namespace {

std::uint32_t bech32_polymod(const std::vector<std::uint8_t>& v) {
  static constexpr std::uint32_t kGen[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
  std::uint32_t chk = 1;
  for (auto x : v) {
    const std::uint32_t top = chk >> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ x;
    for (int i = 0; i < 5; ++i)
      if ((top >> i) & 1) chk ^= kGen[i];
  }
  return chk;
}

}  // namespace

std::optional<Bech32> segwit_decode(std::string_view addr) {
  static constexpr std::string_view kCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  if (addr.size() < 14 || addr.size() > 90) return std::nullopt;
  bool has_lower = false, has_upper = false;
  for (char c : addr) {
    has_lower = has_lower || (c >= 'a' && c <= 'z');
    has_upper = has_upper || is_upper(c);
  }
  if (has_lower && has_upper) return std::nullopt;  // BIP-173: mixed case is invalid
  const std::string a = lower(addr);
  const auto sep = a.rfind('1');
  if (sep == std::string::npos || sep == 0 || sep + 7 > a.size()) return std::nullopt;
  Bech32 r;
  r.hrp = a.substr(0, sep);
  std::vector<std::uint8_t> v;
  for (char c : r.hrp) v.push_back(static_cast<std::uint8_t>(c >> 5));
  v.push_back(0);
  for (char c : r.hrp) v.push_back(static_cast<std::uint8_t>(c & 31));
  std::vector<std::uint8_t> data;
  for (std::size_t i = sep + 1; i < a.size(); ++i) {
    const auto p = kCharset.find(a[i]);
    if (p == std::string_view::npos) return std::nullopt;
    data.push_back(static_cast<std::uint8_t>(p));
  }
  v.insert(v.end(), data.begin(), data.end());
  const std::uint32_t pm = bech32_polymod(v);
  if (pm != 1 && pm != 0x2bc830a3) return std::nullopt;
  r.bech32m = pm == 0x2bc830a3;
  data.resize(data.size() - 6);
  if (data.empty()) return std::nullopt;
  r.witness_version = data[0];
  // Regroup 5-bit values into bytes; leftover bits must be zero padding of under 5 bits.
  unsigned acc = 0, bits = 0;
  for (std::size_t i = 1; i < data.size(); ++i) {
    acc = (acc << 5) | data[i];
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      r.program.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xFF));
    }
  }
  if (bits >= 5 || (acc & ((1u << bits) - 1)) != 0) return std::nullopt;
  if (r.witness_version > 16 || r.program.size() < 2 || r.program.size() > 40) return std::nullopt;
  if (r.witness_version == 0 && r.program.size() != 20 && r.program.size() != 32) return std::nullopt;
  if ((r.witness_version == 0) == r.bech32m) return std::nullopt;  // v0 bech32, v1+ bech32m
  return r;
}

std::array<std::uint8_t, 32> keccak256(std::string_view data) {
  static constexpr std::uint64_t kRc[24] = {
      0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
      0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
      0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
      0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
      0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
      0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};
  static constexpr int kRot[25] = {0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43,
                                   25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14};
  auto rol = [](std::uint64_t x, int n) { return n == 0 ? x : (x << n) | (x >> (64 - n)); };
  std::uint64_t st[25] = {};
  auto permute = [&] {
    for (int round = 0; round < 24; ++round) {
      std::uint64_t c[5], d[5], b[25];
      for (int x = 0; x < 5; ++x) c[x] = st[x] ^ st[x + 5] ^ st[x + 10] ^ st[x + 15] ^ st[x + 20];
      for (int x = 0; x < 5; ++x) d[x] = c[(x + 4) % 5] ^ rol(c[(x + 1) % 5], 1);
      for (int i = 0; i < 25; ++i) st[i] ^= d[i % 5];
      for (int x = 0; x < 5; ++x)
        for (int y = 0; y < 5; ++y) b[y + 5 * ((2 * x + 3 * y) % 5)] = rol(st[x + 5 * y], kRot[x + 5 * y]);
      for (int x = 0; x < 5; ++x)
        for (int y = 0; y < 5; ++y)
          st[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
      st[0] ^= kRc[round];
    }
  };
  constexpr std::size_t kRate = 136;
  std::uint8_t block[kRate];
  std::size_t off = 0;
  auto absorb = [&](const std::uint8_t* p) {
    for (std::size_t i = 0; i < kRate / 8; ++i) {
      std::uint64_t w = 0;
      for (int k = 7; k >= 0; --k) w = (w << 8) | p[i * 8 + static_cast<std::size_t>(k)];
      st[i] ^= w;
    }
    permute();
  };
  while (data.size() - off >= kRate) {
    absorb(reinterpret_cast<const std::uint8_t*>(data.data() + off));
    off += kRate;
  }
  const std::size_t rest = data.size() - off;
  for (std::size_t i = 0; i < kRate; ++i) block[i] = 0;
  for (std::size_t i = 0; i < rest; ++i) block[i] = static_cast<std::uint8_t>(data[off + i]);
  block[rest] ^= 0x01;  // original Keccak padding, not SHA-3's 0x06
  block[kRate - 1] ^= 0x80;
  absorb(block);
  std::array<std::uint8_t, 32> out{};
  for (std::size_t i = 0; i < 32; ++i) out[i] = static_cast<std::uint8_t>(st[i / 8] >> (8 * (i % 8)));
  return out;
}

}  // namespace corridor::extract

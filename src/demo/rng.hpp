#pragma once
// The generator's only source of chance. std::uniform_*_distribution and std::shuffle are
// implementation-defined, so the same seed would give different cases with libstdc++ and
// libc++; xoshiro256** seeded through splitmix64 and the helpers below are fully specified,
// so a seed names one case on every platform.
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace corridor::demo {

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& w : s_) w = splitmix64(seed);
  }
  // An independent stream for one part of the case (posts, payments...), so that adding
  // draws to one writer never changes what another writes.
  Rng fork(std::string_view label) const {
    std::uint64_t h = s_[0] ^ 0xCBF29CE484222325ULL;
    for (unsigned char c : label) h = (h ^ c) * 0x100000001B3ULL;
    return Rng(h);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n): values below 2^64 mod n are rejected, so there is no modulo bias.
  std::uint64_t below(std::uint64_t n) {
    if (n <= 1) return 0;
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
      const std::uint64_t r = next();
      if (r >= threshold) return r % n;
    }
  }
  // Uniform integer in [lo, hi].
  std::int64_t range(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  int irange(int lo, int hi) { return static_cast<int>(range(lo, hi)); }
  // Uniform double in [0, 1) from the top 53 bits: exact, so identical everywhere.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }
  bool chance(double p) { return unit() < p; }

  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }
  template <class T, std::size_t N>
  const T& pick(const T (&a)[N]) {
    return a[below(N)];
  }
  // Fisher-Yates with our own draws.
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }
  // Index drawn with the given weights.
  std::size_t weighted(const std::vector<double>& w) {
    double total = 0;
    for (double x : w) total += x;
    double r = unit() * total;
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (r < w[i]) return i;
      r -= w[i];
    }
    return w.size() - 1;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

}  // namespace corridor::demo

#pragma once
// A payment book for the money pattern tests: named accounts, payments at hours from a
// fixed start, optional background noise (random small payments among 300 accounts over
// five weeks), and helpers to read findings back by account name and payment number.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "detect/money_patterns.hpp"

namespace corridor::test {

namespace money = corridor::detect::money;

class Book {
 public:
  static constexpr std::int64_t kStart = 1661990400;  // 2022-09-01 00:00 UTC

  // Returns the payment's number (its Payment::source).
  std::uint64_t pay(const std::string& from, const std::string& to, double amount, double hours,
                    const std::string& currency = "EUR", double received = 0, const std::string& received_currency = "") {
    money::Payment p;
    p.t = kStart + static_cast<std::int64_t>(hours * 3600);
    p.payer = g.account(from);
    p.beneficiary = g.account(to);
    p.amount = amount;
    p.currency = g.currency(currency);
    if (received > 0) {
      p.received = received;
      p.received_currency = g.currency(received_currency.empty() ? currency : received_currency);
    }
    p.source = next_++;
    g.add(p);
    return p.source;
  }

  // Ordinary traffic: 300 accounts paying each other random amounts with cents
  // (log-uniform, 5 to 5,000 EUR) at random times over 35 days, none of them named in a test.
  void noise(int payments = 3000, unsigned seed = 7) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> who(0, 299);
    std::uniform_real_distribution<double> hour(0, 35 * 24), decade(0.7, 3.7);
    for (int i = 0; i < payments; ++i) {
      const int a = who(rng);
      int b = who(rng);
      if (b == a) b = (a + 1) % 300;
      const double amount = std::round(std::pow(10.0, decade(rng)) * 100) / 100;
      const std::uint64_t id = pay("bg" + std::to_string(a), "bg" + std::to_string(b), amount, hour(rng));
      noise_.insert(id);
    }
  }

  void done() { g.finish(); }

  std::set<std::string> accounts(const money::Finding& f) const {
    std::set<std::string> out;
    for (auto a : f.accounts) out.insert(g.key(a));
    return out;
  }
  std::set<std::uint64_t> payments(const money::Finding& f) const {
    std::set<std::uint64_t> out;
    for (auto p : f.payments) out.insert(g[p].source);
    return out;
  }
  // Findings at or above `min` (0.5: what a case stores by default).
  static std::vector<money::Finding> above(std::vector<money::Finding> v, double min = 0.5) {
    std::erase_if(v, [&](const money::Finding& f) { return f.score < min; });
    return v;
  }
  // Every reason cites payments or other evidence, and every payment of a reason is one of
  // the finding's or a real payment of the book.
  bool reasons_cite_payments(const money::Finding& f) const {
    for (const auto& r : f.reasons) {
      if (r.payments.empty() && r.sources.empty()) return false;
      for (auto p : r.payments)
        if (p >= g.size()) return false;
    }
    return !f.reasons.empty();
  }

  money::PaymentGraph g;

 private:
  std::uint64_t next_ = 0;
  std::set<std::uint64_t> noise_;
};

}  // namespace corridor::test

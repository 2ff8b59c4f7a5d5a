// Structuring (smurfing): several payments just under a reporting threshold within days,
// by one payer or into one beneficiary, so that no single one is reported (10,000 USD
// currency transaction reports, 10,000 EUR cash declarations). Payments of that size
// happen (a used car, an invoice), so one is nothing; what speaks for structuring is that
// several cluster just under the line while none of the account's payments of about that
// size reach it. Invoices spread evenly around the threshold score low.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "detect/money_patterns.hpp"

namespace corridor::detect::money {

namespace {

// The threshold that applies to a payment, in its own currency (0: none).
double threshold_of(const PaymentGraph& g, const StructuringSettings& s, const Payment& p) {
  const std::string& code = g.currency_code(p.currency);
  for (const auto& t : s.thresholds)
    if (t.currency == code) return t.amount;
  const double rate = usd_rate(code);
  return rate > 0 ? s.usd_threshold / rate : 0;
}

enum class Band { kNone, kUnder, kOver };

}  // namespace

std::vector<Finding> find_structuring(const PaymentGraph& g, const StructuringSettings& s) {
  // Each payment's place against its threshold, computed once.
  std::vector<Band> band(g.size(), Band::kNone);
  std::vector<double> closeness(g.size(), 0);
  for (PaymentId i = 0; i < g.size(); ++i) {
    const Payment& p = g[i];
    const double t = threshold_of(g, s, p);
    if (t <= 0 || p.payer == p.beneficiary) continue;
    if (p.amount >= s.band * t && p.amount < t) {
      band[i] = Band::kUnder;
      closeness[i] = p.amount / t;
    } else if (p.amount >= t && p.amount < t / s.band) {
      band[i] = Band::kOver;
    }
  }

  std::vector<Finding> out;
  std::vector<PaymentId> under, over;
  for (int side = 0; side < 2; ++side) {
    const bool by_payer = side == 0;
    for (AccountId a = 0; a < g.accounts(); ++a) {
      const auto list = by_payer ? g.out(a) : g.in(a);
      under.clear();
      over.clear();
      for (PaymentId id : list) {
        if (band[id] == Band::kUnder) under.push_back(id);
        else if (band[id] == Band::kOver) over.push_back(id);
      }
      if (under.size() < static_cast<std::size_t>(s.min_payments)) continue;
      // One instance: a run of such payments each within `window` of the previous, holding
      // at least min_payments inside some `window` (weeks of it are one finding, not many).
      for (std::size_t i = 0; i < under.size();) {
        std::size_t j = i + 1;
        while (j < under.size() && g[under[j]].t - g[under[j - 1]].t <= s.window) ++j;
        std::size_t densest = 0;
        for (std::size_t x = i, y = i; x < j; ++x) {
          while (y < j && g[under[y]].t - g[under[x]].t <= s.window) ++y;
          densest = std::max(densest, y - x);
        }
        if (densest < static_cast<std::size_t>(s.min_payments)) {
          i = j;
          continue;
        }
        Finding f;
        f.kind = "structuring";
        f.accounts.push_back(a);
        f.payments.assign(under.begin() + static_cast<std::ptrdiff_t>(i), under.begin() + static_cast<std::ptrdiff_t>(j));
        const std::int64_t t0 = g[f.payments.front()].t, t1 = g[f.payments.back()].t;
        i = j;
        double close = 0;
        for (PaymentId id : f.payments) {
          const AccountId c = by_payer ? g[id].beneficiary : g[id].payer;
          if (std::find(f.accounts.begin(), f.accounts.end(), c) == f.accounts.end()) f.accounts.push_back(c);
          close += closeness[id];
        }
        // Seen from the beneficiary, a single payer is the payer's own structuring.
        if (!by_payer && f.accounts.size() < 3) continue;
        close /= static_cast<double>(f.payments.size());
        std::vector<PaymentId> above;
        for (PaymentId id : over)
          if (g[id].t >= t0 - s.window && g[id].t <= t1 + s.window) above.push_back(id);
        const double c = static_cast<double>(f.payments.size()), u = static_cast<double>(above.size());
        const Payment& first = g[f.payments.front()];
        const double threshold = threshold_of(g, s, first);

        char text[256];
        Evidence e(-3.0);
        std::snprintf(text, sizeof text, "%zu payments %s %s between %s and %s, within %s (%zu within %s at the densest)",
                      f.payments.size(), by_payer ? "by" : "into", g.label(a).c_str(),
                      g.money(s.band * threshold, first.currency).c_str(), g.money(threshold, first.currency).c_str(),
                      hours_text(t1 - t0).c_str(), densest, hours_text(s.window).c_str());
        e.add(text, std::min(static_cast<double>(densest) - 2, 3.0) + std::min(c / static_cast<double>(densest) - 1, 2.0),
              f.payments);
        if (above.empty()) {
          std::snprintf(text, sizeof text, "none of its payments of that size reached %s", g.money(threshold, first.currency).c_str());
          e.add(text, 2, f.payments);
        } else {
          std::snprintf(text, sizeof text, "%zu of its payments of that size were at or just above %s (an even spread, like invoices)",
                        above.size(), g.money(threshold, first.currency).c_str());
          e.add(text, clamp(2 * (c - 2 * u) / c, -3, 2), above);
        }
        std::snprintf(text, sizeof text, "on average %s of the threshold", percent(close).c_str());
        e.add(text, 4 * (close - 0.925), f.payments);
        // Standing orders (rent, instalments) repeat their exact amounts month after month.
        std::vector<PaymentId> routine;
        for (PaymentId id : f.payments)
          if (g.standing_order(id)) routine.push_back(id);
        if (!routine.empty()) {
          std::snprintf(text, sizeof text, "%zu of them are standing orders (the same amount a month apart: rent, instalments)",
                        routine.size());
          e.add(text, -6 * static_cast<double>(routine.size()) / c, routine);
        }
        if (!by_payer) {
          std::snprintf(text, sizeof text, "from %zu different payers", f.accounts.size() - 1);
          e.add(text, 0.3 * std::min<double>(static_cast<double>(f.accounts.size()) - 2, 5), f.payments);
        }
        e.into(f);
        if (f.score < kMinScore) continue;
        std::snprintf(text, sizeof text, "%zu payments just under %s %s %s within %s", f.payments.size(),
                      g.money(threshold, first.currency).c_str(), by_payer ? "by" : "into", g.label(a).c_str(),
                      hours_text(t1 - t0).c_str());
        f.title = text;
        out.push_back(std::move(f));
      }
    }
  }
  return out;
}

}  // namespace corridor::detect::money

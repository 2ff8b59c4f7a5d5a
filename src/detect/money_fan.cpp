// Fan-in and fan-out: many distinct payers into one account, or one account paying many
// distinct beneficiaries, within a short window (AMLworld's FAN-IN and FAN-OUT; the
// collector who receives the families' payments). The two are mirror images and share
// this file. Ordinary hubs do this all the time (a shop's customers, a utility's bills, a
// company's payroll), so the burst alone is not enough; what speaks for laundering:
//   - the burst is far above the account's own rate outside the window,
//   - the counterparties are one-off, not routine (similar amounts >= 5 days apart),
//   - the amounts add up to real money,
//   - the money moves on soon after (fan-in) or had just come in (fan-out).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "detect/money_patterns.hpp"

namespace corridor::detect::money {

namespace {

// Schemes move money through dozens of accounts at most; hundreds of counterparties in
// days are a utility's bills, a shop's takings or a payroll.
constexpr int kMassMarket = 30;
// The shortest period an account's own rate is measured over.
constexpr std::int64_t kMinActive = 14 * kDay;

struct Burst {
  std::size_t begin = 0, end = 0;  // indexes into the account's list
  int counterparties = 0;
};

// Non-overlapping windows (at most `window` long) over a time-ordered list of payments in
// which `min` or more distinct counterparties appear; each is the densest window starting
// inside the first qualifying one. Self-payments do not count.
std::vector<Burst> bursts(const PaymentGraph& g, AccountId self, std::span<const PaymentId> list, bool fan_in,
                          std::int64_t window, int min, std::vector<int>& count) {
  std::vector<Burst> out;
  const std::size_t n = list.size();
  if (n < static_cast<std::size_t>(min)) return out;
  const auto party = [&](std::size_t k) {
    const Payment& p = g[list[k]];
    return fan_in ? p.payer : p.beneficiary;
  };
  // distinct[i]: distinct counterparties in [t_i, t_i + window]; end[i]: one past the window.
  std::vector<int> distinct(n);
  std::vector<std::size_t> ends(n);
  std::size_t j = 0;
  int d = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (j < i) j = i;
    while (j < n && g[list[j]].t - g[list[i]].t <= window) {
      const AccountId c = party(j);
      if (c != self && count[c]++ == 0) ++d;
      ++j;
    }
    distinct[i] = d;
    ends[i] = j;
    const AccountId c = party(i);
    if (c != self && --count[c] == 0) --d;
  }
  for (std::size_t i = 0; i < n;) {
    if (distinct[i] < min) {
      ++i;
      continue;
    }
    std::size_t best = i;
    for (std::size_t k = i + 1; k < ends[i]; ++k)
      if (distinct[k] > distinct[best]) best = k;
    out.push_back({best, ends[best], distinct[best]});
    i = ends[best];
  }
  return out;
}

std::vector<Finding> find_fans(const PaymentGraph& g, const FanSettings& s, bool fan_in) {
  std::vector<Finding> out;
  std::vector<int> count(g.accounts(), 0);
  std::vector<char> seen(g.accounts(), 0);
  const double span = static_cast<double>(std::max<std::int64_t>(g.last_time() - g.first_time(), s.window));
  std::size_t active = 0;  // accounts with payments in this direction: the windows searched
  for (AccountId a = 0; a < g.accounts(); ++a) active += !(fan_in ? g.in(a) : g.out(a)).empty();
  const double tests = log_tests(active, s.window, static_cast<std::int64_t>(span));
  for (AccountId a = 0; a < g.accounts(); ++a) {
    const auto list = fan_in ? g.in(a) : g.out(a);
    const auto found = bursts(g, a, list, fan_in, s.window, s.min_counterparties, count);
    if (found.empty()) continue;
    std::size_t own = 0;  // the account's payments in this direction, self-payments aside
    for (PaymentId id : list) own += (fan_in ? g[id].payer : g[id].beneficiary) != a;
    for (const Burst& b : found) {
      Finding f;
      f.kind = fan_in ? "fan_in" : "fan_out";
      f.accounts.push_back(a);
      double volume = 0;
      int one_off = 0;
      std::vector<PaymentId> routine;
      for (std::size_t k = b.begin; k < b.end; ++k) {
        const PaymentId id = list[k];
        const Payment& p = g[id];
        const AccountId c = fan_in ? p.payer : p.beneficiary;
        if (c == a) continue;
        f.payments.push_back(id);
        volume += fan_in ? p.usd_received : p.usd;
        if (seen[c]) continue;
        seen[c] = 1;
        f.accounts.push_back(c);
        const bool rec = fan_in ? g.routine(c, a) : g.routine(a, c);
        if (rec) routine.push_back(id);
        else ++one_off;
      }
      for (std::size_t k = 1; k < f.accounts.size(); ++k) seen[f.accounts[k]] = 0;
      const int n = b.counterparties;
      const double outside = static_cast<double>(own - f.payments.size());
      // The account's own rate while it is active in this direction (a utility bills for
      // a fortnight a month, a new account has only its burst): at least two weeks.
      const std::int64_t active_span = std::clamp<std::int64_t>(
          g[list.back()].t - g[list.front()].t, kMinActive, std::max(kMinActive, static_cast<std::int64_t>(span)));
      const double usual = usual_in(outside, s.window, active_span);
      const std::int64_t t0 = g[f.payments.front()].t, t1 = g[f.payments.back()].t;

      // Onward (fan-in): paid out again soon after. Funded (fan-out): had just come in.
      std::vector<PaymentId> follow;
      double followed = 0;
      if (fan_in) {
        const auto outs = g.out(a);
        for (std::size_t k = g.lower_bound(outs, t0); k < outs.size() && g[outs[k]].t <= t1 + s.follow; ++k) {
          if (g[outs[k]].beneficiary == a) continue;
          follow.push_back(outs[k]);
          followed += g[outs[k]].usd;
        }
      } else {
        const auto ins = g.in(a);
        for (std::size_t k = g.lower_bound(ins, t0 - s.follow); k < ins.size() && g[ins[k]].t <= t1; ++k) {
          if (g[ins[k]].payer == a) continue;
          follow.push_back(ins[k]);
          followed += g[ins[k]].usd_received;
        }
      }
      const double onward = volume > 0 ? std::min(1.0, followed / volume) : 0;

      const std::string who = fan_in ? "payers" : "beneficiaries";
      const std::string& name = g.label(a);
      char text[256];
      Evidence e(-2.5);
      // The burst of one-off counterparties against the account's own rate: how often would
      // it see this many by chance, and how many windows were searched to find it?
      const double sur = surprise(one_off, usual);
      std::snprintf(text, sizeof text,
                    "%d %s %s %s within %s (%d one-off), where about %.1f would be usual for it: chance 1 in %s per "
                    "window, and %s windows were searched",
                    n, who.c_str(), fan_in ? "into" : "paid by", name.c_str(), hours_text(t1 - t0).c_str(), one_off, usual,
                    odds_text(sur).c_str(), odds_text(tests).c_str());
      e.add(text, 0.9 * clamp(sur - tests, -4, 6), f.payments);
      if (n > kMassMarket) {
        std::snprintf(text, sizeof text, "%d %s: a mass-market business (bills, takings, wages) rather than a scheme", n,
                      who.c_str());
        e.add(text, -1.5 * clamp(std::log2(static_cast<double>(n) / kMassMarket), 0, 4), f.payments);
      }
      if (routine.empty()) {
        std::snprintf(text, sizeof text, "all %d %s are one-off: none %s routinely", n, who.c_str(),
                      fan_in ? "pays this account" : "is paid by this account");
        e.add(text, 0.5, f.payments);
      } else {
        std::snprintf(text, sizeof text, "%zu of %d %s %s routinely (similar amounts >= 5 days apart)", routine.size(), n,
                      who.c_str(), fan_in ? "pay this account" : "are paid by this account");
        e.add(text, -6 * (1 - static_cast<double>(one_off) / std::max(1, n)), routine);
      }
      // Laundering moves sums; a utility's bills or a shop's takings are many small payments.
      std::vector<double> sizes;
      for (PaymentId id : f.payments) sizes.push_back(fan_in ? g[id].usd_received : g[id].usd);
      std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2), sizes.end());
      const double median = sizes[sizes.size() / 2];
      std::snprintf(text, sizeof text, "%s %.0f USD in total, %.0f USD per payment (median)", fan_in ? "received" : "paid",
                    volume, median);
      e.add(text, 1.5 * clamp(std::log10(std::max(median, 1.0) / 2000), -2, 0.33), f.payments);
      const double spread = log_spread(sizes);
      std::snprintf(text, sizeof text, spread < 0.7 ? "the amounts are alike (spread %.2f)" : "the amounts are assorted (spread %.2f)",
                    spread);
      e.add(text, clamp(0.7 - spread, -1, 0.5), f.payments);
      if (onward >= 0.2) {
        std::snprintf(text, sizeof text, fan_in ? "%s of it paid out again by %s within %s" : "%s of it had come in to %s within %s before",
                      percent(onward).c_str(), name.c_str(), hours_text(s.follow).c_str());
        e.add(text, onward, follow);
      }
      e.into(f);
      if (f.score < kMinScore) continue;
      std::snprintf(text, sizeof text, "%d %s %s %s within %s", n, who.c_str(), fan_in ? "into" : "paid by", name.c_str(),
                    hours_text(t1 - t0).c_str());
      f.title = text;
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace

std::vector<Finding> find_fan_in(const PaymentGraph& g, const FanSettings& s) { return find_fans(g, s, true); }
std::vector<Finding> find_fan_out(const PaymentGraph& g, const FanSettings& s) { return find_fans(g, s, false); }

}  // namespace corridor::detect::money

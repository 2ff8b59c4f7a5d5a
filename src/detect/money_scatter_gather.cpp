// Scatter-gather: S pays several intermediaries, and each of them passes most of what it
// received on to the same T within hours or days (AMLworld's SCATTER-GATHER; smurfs
// between the collector and the organiser). What speaks against it: the relationships are
// routine (a company's payroll whose employees pay the same landlord every month).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "detect/money_patterns.hpp"

namespace corridor::detect::money {

namespace {

struct Hop {
  AccountId source, target, middle;
  std::int64_t t;  // of the scatter payment
  PaymentId scatter, gather;
};

}  // namespace

std::vector<Finding> find_scatter_gather(const PaymentGraph& g, const ScatterGatherSettings& s) {
  std::vector<Hop> hops;
  for (PaymentId i = 0; i < g.size(); ++i) {
    const Payment& p = g[i];
    if (p.payer == p.beneficiary) continue;
    const auto outs = g.out(p.beneficiary);
    for (std::size_t k = g.lower_bound(outs, p.t); k < outs.size(); ++k) {
      const PaymentId j = outs[k];
      const Payment& q = g[j];
      if (q.t > p.t + s.hop) break;
      if (j <= i || q.beneficiary == p.payer || q.beneficiary == p.beneficiary) continue;
      const double r = g.onward_ratio(p, q);
      if (r >= s.min_ratio && r <= s.max_ratio) hops.push_back({p.payer, q.beneficiary, p.beneficiary, p.t, i, j});
    }
  }
  std::sort(hops.begin(), hops.end(), [](const Hop& a, const Hop& b) {
    if (a.source != b.source) return a.source < b.source;
    if (a.target != b.target) return a.target < b.target;
    return a.scatter != b.scatter ? a.scatter < b.scatter : a.gather < b.gather;
  });

  std::vector<Finding> out;
  std::vector<AccountId> middles;
  for (std::size_t i = 0; i < hops.size();) {
    std::size_t end = i;
    while (end < hops.size() && hops[end].source == hops[i].source && hops[end].target == hops[i].target) ++end;
    middles.clear();
    for (std::size_t k = i; k < end; ++k) middles.push_back(hops[k].middle);
    std::sort(middles.begin(), middles.end());
    if (std::unique(middles.begin(), middles.end()) - middles.begin() < s.min_intermediaries) {
      i = end;
      continue;
    }
    // Windows of `s.window` over the scatter times, non-overlapping, first come first served.
    for (std::size_t a = i; a < end;) {
      std::size_t b = a;
      while (b < end && hops[b].t - hops[a].t <= s.window) ++b;
      middles.clear();
      for (std::size_t k = a; k < b; ++k) middles.push_back(hops[k].middle);
      std::sort(middles.begin(), middles.end());
      middles.erase(std::unique(middles.begin(), middles.end()), middles.end());
      if (static_cast<int>(middles.size()) < s.min_intermediaries) {
        ++a;
        continue;
      }
      const AccountId src = hops[a].source, dst = hops[a].target;
      Finding f;
      f.kind = "scatter_gather";
      f.accounts = {src, dst};
      f.accounts.insert(f.accounts.end(), middles.begin(), middles.end());
      std::vector<PaymentId> scatter, gather, routine;
      double sent = 0, passed = 0;
      std::vector<double> delays;
      for (std::size_t k = a; k < b; ++k) {
        const Hop& h = hops[k];
        if (scatter.empty() || std::find(scatter.begin(), scatter.end(), h.scatter) == scatter.end()) {
          scatter.push_back(h.scatter);
          sent += g[h.scatter].usd;
          if (g.routine(src, h.middle)) routine.push_back(h.scatter);
        }
        if (std::find(gather.begin(), gather.end(), h.gather) == gather.end()) {
          gather.push_back(h.gather);
          passed += g[h.gather].usd;
          delays.push_back(static_cast<double>(g[h.gather].t - g[h.scatter].t));
          if (g.routine(h.middle, dst)) routine.push_back(h.gather);
        }
      }
      f.payments = scatter;
      f.payments.insert(f.payments.end(), gather.begin(), gather.end());
      std::sort(f.payments.begin(), f.payments.end());
      std::nth_element(delays.begin(), delays.begin() + static_cast<std::ptrdiff_t>(delays.size() / 2), delays.end());
      const double median_delay = delays[delays.size() / 2];
      const double kept = sent > 0 ? std::min(passed / sent, 1.2) : 0;
      const std::size_t m = middles.size();
      const double routine_share = static_cast<double>(routine.size()) / static_cast<double>(scatter.size() + gather.size());

      char text[256];
      Evidence e(-3.0);
      std::snprintf(text, sizeof text, "%s paid %zu accounts that each passed it on to %s", g.label(src).c_str(), m,
                    g.label(dst).c_str());
      e.add(text, 1.2 * std::min<double>(static_cast<double>(m) - 2, 4), f.payments);
      std::snprintf(text, sizeof text, "%s of what was scattered arrived at %s", percent(kept).c_str(), g.label(dst).c_str());
      e.add(text, 2 * (std::min(kept, 1.0) - 0.5), gather);
      std::snprintf(text, sizeof text, "passed on after %s (median)", hours_text(static_cast<std::int64_t>(median_delay)).c_str());
      e.add(text, 1 - median_delay / static_cast<double>(s.hop), gather);
      std::snprintf(text, sizeof text, "%.0f USD scattered", sent);
      e.add(text, 0.5 * clamp(std::log10(std::max(sent, 1.0) / 5000), -2, 1.5), scatter);
      if (!routine.empty()) {
        std::snprintf(text, sizeof text, "%zu of the %zu payments are routine (similar amounts >= 5 days apart)", routine.size(),
                      scatter.size() + gather.size());
        e.add(text, -6 * routine_share, routine);
      }
      e.into(f);
      a = b;
      if (f.score < kMinScore) continue;
      std::snprintf(text, sizeof text, "%s -> %zu accounts -> %s within %s", g.label(src).c_str(), m, g.label(dst).c_str(),
                    hours_text(g[f.payments.back()].t - g[f.payments.front()].t).c_str());
      f.title = text;
      out.push_back(std::move(f));
    }
    i = end;
  }
  return out;
}

}  // namespace corridor::detect::money

// Gather-scatter: several payers into a hub within days, then the hub pays most of it
// out to several beneficiaries (AMLworld's GATHER-SCATTER; a hawala agent or a cashier
// pooling and redistributing). Ordinary businesses gather and scatter all the time, so
// the gathering must stand out from the hub's own rate and the counterparties must not
// be routine; paying out much more than came in means other money is mixed in.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "detect/money_patterns.hpp"

namespace corridor::detect::money {

std::vector<Finding> find_gather_scatter(const PaymentGraph& g, const GatherScatterSettings& s) {
  std::vector<Finding> out;
  std::vector<char> seen(g.accounts(), 0);
  const double span = static_cast<double>(std::max<std::int64_t>(g.last_time() - g.first_time(), s.max_gather));
  std::size_t active = 0;
  for (AccountId a = 0; a < g.accounts(); ++a) active += !g.in(a).empty() && !g.out(a).empty();
  const double tests = log_tests(active, s.gap, static_cast<std::int64_t>(span));
  std::vector<PaymentId> ins_own;
  for (AccountId h = 0; h < g.accounts(); ++h) {
    const auto ins = g.in(h);
    const auto outs = g.out(h);
    if (ins.size() < static_cast<std::size_t>(s.min_payers) || outs.size() < static_cast<std::size_t>(s.min_beneficiaries))
      continue;
    ins_own.clear();
    for (PaymentId id : ins)
      if (g[id].payer != h) ins_own.push_back(id);
    // Gatherings: incoming payments no more than `gap` apart. A run longer than
    // `max_gather` is the account's steady business (a shop, a utility), not a gathering.
    for (std::size_t i = 0; i < ins_own.size();) {
      std::size_t j = i + 1;
      while (j < ins_own.size() && g[ins_own[j]].t - g[ins_own[j - 1]].t <= s.gap) ++j;
      const std::size_t begin = i;
      i = j;
      if (g[ins_own[j - 1]].t - g[ins_own[begin]].t > s.max_gather) continue;
      std::vector<AccountId> payers;
      double gathered = 0;
      for (std::size_t k = begin; k < j; ++k) {
        const Payment& p = g[ins_own[k]];
        gathered += p.usd_received;
        if (!seen[p.payer]) {
          seen[p.payer] = 1;
          payers.push_back(p.payer);
        }
      }
      for (AccountId a : payers) seen[a] = 0;
      if (static_cast<int>(payers.size()) < s.min_payers || gathered <= 0) continue;
      const std::int64_t t0 = g[ins_own[begin]].t, t1 = g[ins_own[j - 1]].t;
      std::vector<PaymentId> scatter;
      std::vector<AccountId> beneficiaries;
      double scattered = 0;
      for (std::size_t k = g.lower_bound(outs, t0); k < outs.size() && g[outs[k]].t <= t1 + s.after; ++k) {
        const Payment& q = g[outs[k]];
        if (q.beneficiary == h || outs[k] < ins_own[begin]) continue;
        scatter.push_back(outs[k]);
        scattered += q.usd;
        if (!seen[q.beneficiary]) {
          seen[q.beneficiary] = 1;
          beneficiaries.push_back(q.beneficiary);
        }
      }
      for (AccountId a : beneficiaries) seen[a] = 0;
      const double ratio = scattered / gathered;
      if (static_cast<int>(beneficiaries.size()) < s.min_beneficiaries || ratio < s.min_ratio) continue;

      Finding f;
      f.kind = "gather_scatter";
      f.accounts.push_back(h);
      f.accounts.insert(f.accounts.end(), payers.begin(), payers.end());
      for (AccountId b : beneficiaries)
        if (std::find(payers.begin(), payers.end(), b) == payers.end()) f.accounts.push_back(b);
      std::vector<PaymentId> gather(ins_own.begin() + static_cast<std::ptrdiff_t>(begin), ins_own.begin() + static_cast<std::ptrdiff_t>(j));
      f.payments = gather;
      f.payments.insert(f.payments.end(), scatter.begin(), scatter.end());
      std::sort(f.payments.begin(), f.payments.end());
      std::vector<PaymentId> routine;
      for (PaymentId id : gather)
        if (g.routine(g[id].payer, h)) routine.push_back(id);
      for (PaymentId id : scatter)
        if (g.routine(h, g[id].beneficiary)) routine.push_back(id);
      const double routine_share = static_cast<double>(routine.size()) / static_cast<double>(f.payments.size());
      // Each side against the hub's own rate outside this instance.
      std::size_t outs_own = 0;
      for (PaymentId id : outs) outs_own += g[id].beneficiary != h;
      const std::int64_t in_window = std::max<std::int64_t>(t1 - t0, kDay);
      const std::int64_t out_window = std::max<std::int64_t>(g[scatter.back()].t - g[scatter.front()].t, kDay);
      // Rates while the account is active (at least two weeks), as for fan-in and fan-out.
      const std::int64_t first = std::min(g[ins_own.front()].t, g[outs.front()].t);
      const std::int64_t last = std::max(g[ins_own.back()].t, g[outs.back()].t);
      const std::int64_t span_s =
          std::clamp<std::int64_t>(last - first, 14 * kDay, std::max<std::int64_t>(14 * kDay, static_cast<std::int64_t>(span)));
      const double usual_payers = usual_in(static_cast<double>(ins_own.size() - gather.size()), in_window, span_s);
      const double usual_beneficiaries = usual_in(static_cast<double>(outs_own - scatter.size()), out_window, span_s);
      const double sur_in = surprise(static_cast<double>(payers.size()), usual_payers);
      const double sur_out = surprise(static_cast<double>(beneficiaries.size()), usual_beneficiaries);

      char text[256];
      Evidence e(-2.5);
      std::snprintf(text, sizeof text, "%zu payers into %s within %s, where about %.1f would be usual for it (chance 1 in %s)",
                    payers.size(), g.label(h).c_str(), hours_text(t1 - t0).c_str(), usual_payers, odds_text(sur_in).c_str());
      e.add(text, 0.45 * clamp(sur_in - tests / 2, -4, 6), gather);
      std::snprintf(text, sizeof text,
                    "then %zu beneficiaries paid by it within %s, where about %.1f would be usual (chance 1 in %s; "
                    "%s windows were searched)",
                    beneficiaries.size(), hours_text(g[scatter.back()].t - g[scatter.front()].t).c_str(), usual_beneficiaries,
                    odds_text(sur_out).c_str(), odds_text(tests).c_str());
      e.add(text, 0.45 * clamp(sur_out - tests / 2, -4, 6), scatter);
      std::vector<double> sizes;
      for (PaymentId id : gather) sizes.push_back(g[id].usd_received);
      const double spread = log_spread(sizes);
      std::snprintf(text, sizeof text, spread < 0.7 ? "the amounts gathered are alike (spread %.2f)"
                                                    : "the amounts gathered are assorted (spread %.2f)",
                    spread);
      e.add(text, clamp(0.7 - spread, -1, 0.5), gather);
      if (ratio <= s.max_ratio) {
        // Launderers pass on nearly all of it, less their cut: 85-100 % speaks most.
        const double off = ratio < 0.85 ? 0.85 - ratio : (ratio > 1.0 ? ratio - 1.0 : 0);
        std::snprintf(text, sizeof text, "%s of what was gathered was paid out", percent(ratio).c_str());
        e.add(text, 2 - 8 * off, scatter);
      } else {
        std::snprintf(text, sizeof text, "paid out %.1f times what was gathered: other money is mixed in", ratio);
        e.add(text, -clamp(2 * (ratio - s.max_ratio), 0, 2), scatter);
      }
      std::snprintf(text, sizeof text, "%.0f USD gathered", gathered);
      e.add(text, clamp(std::log10(gathered / 10000), -2, 0.5), gather);
      if (routine.empty()) {
        e.add("no payer or beneficiary is routine (similar amounts >= 5 days apart)", 0.5, f.payments);
      } else {
        std::snprintf(text, sizeof text, "%zu of the %zu payments are routine (similar amounts >= 5 days apart)", routine.size(),
                      f.payments.size());
        e.add(text, -6 * routine_share, routine);
      }
      e.into(f);
      if (f.score < kMinScore) continue;
      std::snprintf(text, sizeof text, "%zu payers -> %s -> %zu beneficiaries", payers.size(), g.label(h).c_str(),
                    beneficiaries.size());
      f.title = text;
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace corridor::detect::money

// Escrow (hawala "amana"): several payers deposit with one account, which holds the money
// without spending it, then releases most of it in one burst to one or a few others —
// the "pay after arrival" of the smuggling offers, released once the boat has arrived.
// With the case's arrival events (settings.arrivals), a release soon after an arrival
// weighs more. What speaks against it: the depositors pay routinely (tenants and a
// landlord's mortgage), the release goes back to a depositor (a savings club), the hold
// is short.
//
// The hold starts after the account's last real outflow: payouts smaller than
// max_spent_share of what was deposited so far do not end it.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "detect/money_patterns.hpp"

namespace corridor::detect::money {

std::vector<Finding> find_escrow(const PaymentGraph& g, const EscrowSettings& s) {
  std::vector<Finding> out;
  std::vector<char> seen(g.accounts(), 0);
  std::vector<PaymentId> ins, outs;
  for (AccountId h = 0; h < g.accounts(); ++h) {
    if (g.in(h).size() < static_cast<std::size_t>(s.min_depositors) || g.out(h).empty()) continue;
    ins.clear();
    outs.clear();
    for (PaymentId id : g.in(h))
      if (g[id].payer != h) ins.push_back(id);
    for (PaymentId id : g.out(h))
      if (g[id].beneficiary != h) outs.push_back(id);
    std::size_t hold_begin = 0;  // first deposit of the current hold, in `ins`
    double spent = 0;
    std::vector<PaymentId> spent_ids;
    std::size_t next_in = 0;  // deposits before the current outflow group
    std::vector<double> before(ins.size() + 1, 0);  // before[k]: deposits ins[0..k) in USD
    for (std::size_t k = 0; k < ins.size(); ++k) before[k + 1] = before[k] + g[ins[k]].usd_received;
    for (std::size_t i = 0; i < outs.size();) {
      // An outflow group: payments out within release_window of the first.
      std::size_t j = i;
      while (j < outs.size() && g[outs[j]].t - g[outs[i]].t <= s.release_window) ++j;
      const std::int64_t r0 = g[outs[i]].t, r1 = g[outs[j - 1]].t;
      while (next_in < ins.size() && ins[next_in] < outs[i]) ++next_in;
      const double deposited = before[next_in] - before[hold_begin];
      double released = 0;
      for (std::size_t k = i; k < j; ++k) released += g[outs[k]].usd;
      const std::size_t group_begin = i;
      i = j;
      if (deposited <= 0) {
        hold_begin = next_in;
        spent = 0;
        spent_ids.clear();
        continue;
      }
      if (released < s.min_release_share * deposited) {
        if (spent + released <= s.max_spent_share * deposited) {  // small payouts: the hold goes on
          spent += released;
          for (std::size_t k = group_begin; k < j; ++k) spent_ids.push_back(outs[k]);
        } else {
          hold_begin = next_in;
          spent = 0;
          spent_ids.clear();
        }
        continue;
      }
      // A release: look at the hold behind it.
      std::vector<PaymentId> deposits(ins.begin() + static_cast<std::ptrdiff_t>(hold_begin), ins.begin() + static_cast<std::ptrdiff_t>(next_in));
      std::vector<PaymentId> release(outs.begin() + static_cast<std::ptrdiff_t>(group_begin), outs.begin() + static_cast<std::ptrdiff_t>(j));
      hold_begin = next_in;
      const std::vector<PaymentId> spent_during = spent_ids;
      spent = 0;
      spent_ids.clear();
      std::vector<AccountId> depositors, beneficiaries;
      for (PaymentId id : deposits)
        if (!seen[g[id].payer]) {
          seen[g[id].payer] = 1;
          depositors.push_back(g[id].payer);
        }
      double back_to_depositors = 0;
      std::vector<PaymentId> back;
      for (PaymentId id : release) {
        const AccountId b = g[id].beneficiary;
        if (seen[b] == 1) {
          back_to_depositors += g[id].usd;
          back.push_back(id);
        }
        if (std::find(beneficiaries.begin(), beneficiaries.end(), b) == beneficiaries.end())
          beneficiaries.push_back(b);
      }
      for (AccountId a : depositors) seen[a] = 0;
      if (static_cast<int>(depositors.size()) < s.min_depositors ||
          static_cast<int>(beneficiaries.size()) > s.max_release_beneficiaries)
        continue;
      std::vector<std::int64_t> times;
      for (PaymentId id : deposits) times.push_back(g[id].t);
      std::nth_element(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2), times.end());
      const std::int64_t median_hold = r0 - times[times.size() / 2];
      const std::int64_t quiet = r0 - g[deposits.back()].t;  // last deposit -> release
      std::vector<PaymentId> routine;
      for (PaymentId id : deposits)
        if (g.routine(g[id].payer, h)) routine.push_back(id);

      Finding f;
      f.kind = "escrow";
      f.accounts.push_back(h);
      f.accounts.insert(f.accounts.end(), beneficiaries.begin(), beneficiaries.end());
      for (AccountId a : depositors)
        if (std::find(f.accounts.begin(), f.accounts.end(), a) == f.accounts.end()) f.accounts.push_back(a);
      f.payments = deposits;
      f.payments.insert(f.payments.end(), release.begin(), release.end());
      std::sort(f.payments.begin(), f.payments.end());
      const double share = released / deposited;

      char text[256];
      Evidence e(-3.0);
      std::snprintf(text, sizeof text, "%zu payers deposited with %s", depositors.size(), g.label(h).c_str());
      e.add(text, 0.3 * std::min<double>(static_cast<double>(depositors.size()) - 2, 6), deposits);
      // A price, a fare, a debt: escrow deposits are sums, not a shop's takings.
      std::vector<double> sizes;
      for (PaymentId id : deposits) sizes.push_back(g[id].usd_received);
      std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2), sizes.end());
      const double median_deposit = sizes[sizes.size() / 2];
      std::snprintf(text, sizeof text, "the median deposit is %.0f USD", median_deposit);
      e.add(text, 1.5 * clamp(std::log10(std::max(median_deposit, 1.0) / 1000), -2, 0.5), deposits);
      const double spread = log_spread(sizes);
      std::snprintf(text, sizeof text, spread < 0.7 ? "the deposits are alike (spread %.2f), like a price"
                                                    : "the deposits are assorted (spread %.2f), like invoices",
                    spread);
      e.add(text, clamp(2 * (0.7 - spread), -2, 1), deposits);
      std::snprintf(text, sizeof text, "held for %s (median deposit to release)%s", hours_text(median_hold).c_str(),
                    spent_during.empty() ? " without paying anything out" : ", paying out only a little");
      std::vector<PaymentId> hold_evidence = deposits;
      hold_evidence.insert(hold_evidence.end(), spent_during.begin(), spent_during.end());
      e.add(text, 1.5 * clamp(std::log2(static_cast<double>(std::max<std::int64_t>(median_hold, kHour)) / static_cast<double>(7 * kDay)), -2, 1),
            hold_evidence);
      std::snprintf(text, sizeof text, "then %s of it released to %zu account%s %s%s", percent(std::min(share, 9.99)).c_str(),
                    beneficiaries.size(), beneficiaries.size() == 1 ? "" : "s",
                    release.size() == 1 ? "in one payment" : "within ", release.size() == 1 ? "" : hours_text(r1 - r0).c_str());
      // More out than in: money from elsewhere is mixed in, this is not the deposits coming out.
      e.add(text, 3 * (std::min(share, 1.0) - 0.6) - 3 * std::max(0.0, share - 1.05), release);
      // Prices and fares are paid in round sums; invoices and takings carry cents.
      std::vector<PaymentId> round;
      for (PaymentId id : deposits) {
        const double a = g[id].received;
        if (a >= 100 && std::fmod(a, 100.0) == 0) round.push_back(id);
      }
      const double round_share = static_cast<double>(round.size()) / static_cast<double>(deposits.size());
      std::snprintf(text, sizeof text, "%zu of the %zu deposits are round sums (multiples of 100)", round.size(), deposits.size());
      e.add(text, 3 * (round_share - 0.5), round.empty() ? deposits : round);
      std::snprintf(text, sizeof text, "%.0f USD deposited", deposited);
      e.add(text, clamp(std::log10(deposited / 10000), -2, 1.5), deposits);
      if (quiet < s.min_hold && median_hold < s.min_hold) {
        std::snprintf(text, sizeof text, "released only %s after the last deposit", hours_text(quiet).c_str());
        e.add(text, -1.5, release);
      }
      if (!back.empty()) {
        std::snprintf(text, sizeof text, "%s of the release went back to a depositor (a savings club?)",
                      percent(back_to_depositors / released).c_str());
        e.add(text, -4 * back_to_depositors / released, back);
      }
      if (!routine.empty()) {
        std::snprintf(text, sizeof text, "%zu of the %zu deposits are routine (similar amounts >= 5 days apart)", routine.size(),
                      deposits.size());
        e.add(text, -4 * static_cast<double>(routine.size()) / static_cast<double>(deposits.size()), routine);
      }
      for (const Arrival& a : s.arrivals) {
        if (a.t > r0 || r0 - a.t > s.arrival_window) continue;
        std::snprintf(text, sizeof text, "released %s after %s", hours_text(r0 - a.t).c_str(), a.label.c_str());
        e.add(text, 2.0, release, {a.source});
        break;
      }
      e.into(f);
      if (f.score < kMinScore) continue;
      std::snprintf(text, sizeof text, "%zu deposits held by %s for %s, then %s released at once", deposits.size(),
                    g.label(h).c_str(), hours_text(median_hold).c_str(), percent(std::min(share, 9.99)).c_str());
      f.title = text;
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace corridor::detect::money

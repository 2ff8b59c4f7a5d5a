// Rapid pass-through: money comes into an account and (nearly) the same amount leaves it
// within hours, less a fee (a mule's account; AMLworld's RANDOM and STACK layering). A
// payment in is matched with one payment out, or with several that add up to it, or
// several in with one out; each payment is matched once, earliest first.
// Two findings come out of the matches:
//   - an account that passed money through two or more times (a mule),
//   - a chain: the money one account passed on was passed on again by the next (layering).
// Routine payments (salary in, rent out) and a steady stream of pass-throughs with many
// counterparties (a payment service, an exchange) score low.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_map>

#include "detect/money_patterns.hpp"

namespace corridor::detect::money {

namespace {

// A payment passed on in at most this many parts (or gathered from at most this many): a
// shop's hundreds of card payments would add up to anything.
constexpr std::size_t kMaxParts = 4;

struct Match {
  AccountId account;
  std::vector<PaymentId> in, out;
  std::int64_t delay;  // first in -> last out
};

// Matches in one account's payments. A payment is matched at most once as money coming in
// (`used_in`) and once as money going out (`used_out`): what one account passed on, the
// next may pass on again.
void match_account(const PaymentGraph& g, const PassThroughSettings& s, AccountId a, std::vector<char>& used_in,
                   std::vector<char>& used_out, std::vector<Match>& matches) {
  const auto ins = g.in(a), outs = g.out(a);
  if (ins.empty() || outs.empty()) return;
  const auto self = [&](PaymentId id) { return g[id].payer == g[id].beneficiary; };
  // One in -> one out, or one in -> several out.
  for (PaymentId pin : ins) {
    if (self(pin) || used_in[pin]) continue;
    const Payment& p = g[pin];
    const auto eligible = [&](PaymentId q) {
      return q > pin && !used_out[q] && !self(q) && g[q].beneficiary != p.payer;
    };
    const std::size_t from = g.lower_bound(outs, p.t);
    std::vector<PaymentId> chosen;
    for (std::size_t k = from; k < outs.size() && g[outs[k]].t <= p.t + s.max_delay; ++k) {
      const double r = g.onward_ratio(p, g[outs[k]]);
      if (eligible(outs[k]) && r >= s.min_ratio && r <= s.max_ratio) {
        chosen.assign(1, outs[k]);
        break;
      }
    }
    if (chosen.empty()) {  // several smaller payments out that add up to it, in time order
      double sum = 0;
      for (std::size_t k = from; k < outs.size() && g[outs[k]].t <= p.t + s.max_delay && sum < s.min_ratio &&
                                 chosen.size() < kMaxParts;
           ++k) {
        if (!eligible(outs[k])) continue;
        const double r = g.onward_ratio(p, g[outs[k]]);
        if (r >= s.min_ratio) continue;
        chosen.push_back(outs[k]);
        sum += r;
      }
      if (chosen.size() < 2 || sum < s.min_ratio || sum > s.max_ratio) continue;
    }
    used_in[pin] = 1;
    for (PaymentId q : chosen) used_out[q] = 1;
    matches.push_back({a, {pin}, chosen, g[chosen.back()].t - p.t});
  }
  // Several in -> one out.
  for (PaymentId q : outs) {
    if (self(q) || used_out[q]) continue;
    const Payment& o = g[q];
    std::vector<PaymentId> chosen;
    double sum = 0;  // in USD
    for (std::size_t k = g.lower_bound(ins, o.t + 1); k-- > 0;) {
      const PaymentId pin = ins[k];
      if (g[pin].t < o.t - s.max_delay) break;
      if (pin >= q || used_in[pin] || self(pin) || g[pin].payer == o.beneficiary) continue;
      if (g[pin].usd_received > o.usd / s.min_ratio) continue;
      if (chosen.size() == kMaxParts) {
        chosen.clear();
        break;
      }
      chosen.push_back(pin);
      sum += g[pin].usd_received;
      if (o.usd >= s.min_ratio * sum && o.usd <= s.max_ratio * sum) break;
      if (o.usd < s.min_ratio * sum) {
        chosen.clear();
        break;
      }
    }
    if (chosen.size() < 2 || !(o.usd >= s.min_ratio * sum && o.usd <= s.max_ratio * sum)) continue;
    std::reverse(chosen.begin(), chosen.end());
    for (PaymentId pin : chosen) used_in[pin] = 1;
    used_out[q] = 1;
    matches.push_back({a, chosen, {q}, o.t - g[chosen.front()].t});
  }
}

}  // namespace

std::vector<Finding> find_pass_through(const PaymentGraph& g, const PassThroughSettings& s) {
  std::vector<Match> ms;
  std::vector<char> used_in(g.size(), 0), used_out(g.size(), 0);
  for (AccountId a = 0; a < g.accounts(); ++a) match_account(g, s, a, used_in, used_out, ms);

  std::vector<double> in_volume(g.accounts(), 0);
  for (const Payment& p : g.payments())
    if (p.payer != p.beneficiary) in_volume[p.beneficiary] += p.usd_received;

  const auto score_matches = [&](Finding& f, const std::vector<std::size_t>& which, bool chain) {
    std::vector<PaymentId> ins, outs, routine;
    double passed = 0, delay_sum = 0;
    std::vector<AccountId> parties;
    for (std::size_t i : which) {
      const Match& m = ms[i];
      ins.insert(ins.end(), m.in.begin(), m.in.end());
      outs.insert(outs.end(), m.out.begin(), m.out.end());
      for (PaymentId id : m.in) {
        passed += g[id].usd_received;
        parties.push_back(g[id].payer);
        if (g.routine(g[id].payer, g[id].beneficiary)) routine.push_back(id);
      }
      for (PaymentId id : m.out) {
        parties.push_back(g[id].beneficiary);
        if (g.routine(g[id].payer, g[id].beneficiary)) routine.push_back(id);
      }
      delay_sum += static_cast<double>(m.delay);
    }
    f.payments = ins;
    f.payments.insert(f.payments.end(), outs.begin(), outs.end());
    std::sort(f.payments.begin(), f.payments.end());
    f.payments.erase(std::unique(f.payments.begin(), f.payments.end()), f.payments.end());
    std::sort(parties.begin(), parties.end());
    parties.erase(std::unique(parties.begin(), parties.end()), parties.end());
    const double n = static_cast<double>(which.size());
    const double delay = delay_sum / n;
    char text[256];
    Evidence e(-3.0);
    if (chain) {
      std::vector<AccountId> passers;
      for (std::size_t i : which) passers.push_back(ms[i].account);
      std::sort(passers.begin(), passers.end());
      passers.erase(std::unique(passers.begin(), passers.end()), passers.end());
      std::snprintf(text, sizeof text, "money passed on by %zu accounts in a row, each within %s", passers.size(),
                    hours_text(s.max_delay).c_str());
      e.add(text, 1.2 * std::min(n, 5.0), f.payments);
    } else {
      std::snprintf(text, sizeof text, "%s passed money on %zu times, each within %s", g.label(f.accounts.front()).c_str(),
                    which.size(), hours_text(s.max_delay).c_str());
      e.add(text, std::min(n - 1, 4.0), f.payments);
      const double share = in_volume[f.accounts.front()] > 0 ? std::min(1.0, passed / in_volume[f.accounts.front()]) : 0;
      std::snprintf(text, sizeof text, "%s of all the money it received went straight out again", percent(share).c_str());
      e.add(text, 4 * (share - 0.5), ins);
      if (n > 12) {
        std::snprintf(text, sizeof text, "%zu pass-throughs with %zu counterparties: a steady business (payment service, exchange)?",
                      which.size(), parties.size());
        e.add(text, -1.5 * clamp(std::log2(n / 12), 0, 4), f.payments);
      }
    }
    std::snprintf(text, sizeof text, "on average passed on after %s", hours_text(static_cast<std::int64_t>(delay)).c_str());
    e.add(text, 1 - delay / static_cast<double>(s.max_delay), outs);
    std::snprintf(text, sizeof text, "%.0f USD passed through, %.0f USD each time on average", passed, passed / n);
    e.add(text, clamp(std::log10(std::max(passed / n, 1.0) / 2000), -2, 1), ins);
    if (!routine.empty()) {
      std::snprintf(text, sizeof text, "%zu of the %zu payments are routine (similar amounts >= 5 days apart)", routine.size(),
                    f.payments.size());
      e.add(text, -6 * static_cast<double>(routine.size()) / static_cast<double>(f.payments.size()), routine);
    }
    e.into(f);
  };

  std::vector<Finding> out;
  // Mules: accounts with min_pairs matches or more.
  std::vector<std::size_t> order(ms.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return ms[x].account < ms[y].account; });
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && ms[order[j]].account == ms[order[i]].account) ++j;
    if (j - i >= static_cast<std::size_t>(s.min_pairs)) {
      Finding f;
      f.kind = "pass_through";
      const AccountId a = ms[order[i]].account;
      f.accounts.push_back(a);
      const std::vector<std::size_t> which(order.begin() + static_cast<std::ptrdiff_t>(i), order.begin() + static_cast<std::ptrdiff_t>(j));
      for (std::size_t k : which) {
        for (PaymentId id : ms[k].in)
          if (std::find(f.accounts.begin(), f.accounts.end(), g[id].payer) == f.accounts.end()) f.accounts.push_back(g[id].payer);
        for (PaymentId id : ms[k].out)
          if (std::find(f.accounts.begin(), f.accounts.end(), g[id].beneficiary) == f.accounts.end())
            f.accounts.push_back(g[id].beneficiary);
      }
      score_matches(f, which, false);
      if (f.score >= kMinScore) {
        char text[256];
        std::snprintf(text, sizeof text, "%s passed money straight on %zu times", g.label(a).c_str(), which.size());
        f.title = text;
        out.push_back(std::move(f));
      }
    }
    i = j;
  }

  // Chains: a match whose outgoing payment is the incoming payment of another match.
  std::unordered_map<PaymentId, std::size_t> by_in;
  for (std::size_t i = 0; i < ms.size(); ++i)
    for (PaymentId id : ms[i].in) by_in.emplace(id, i);
  std::vector<std::size_t> parent(ms.size());
  std::iota(parent.begin(), parent.end(), 0);
  const auto root = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  bool any = false;
  for (std::size_t i = 0; i < ms.size(); ++i)
    for (PaymentId id : ms[i].out)
      if (auto it = by_in.find(id); it != by_in.end()) {
        parent[root(i)] = root(it->second);
        any = true;
      }
  if (!any) return out;
  std::unordered_map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < ms.size(); ++i) groups[root(i)].push_back(i);
  std::vector<std::vector<std::size_t>> chains;
  for (auto& [r, members] : groups)
    if (members.size() >= 2) chains.push_back(std::move(members));
  std::sort(chains.begin(), chains.end());
  for (auto& which : chains) {
    std::sort(which.begin(), which.end(), [&](std::size_t x, std::size_t y) { return ms[x].in.front() < ms[y].in.front(); });
    Finding f;
    f.kind = "pass_through";
    // The accounts in the order the money went: the first payer, then each account that passed it on.
    f.accounts.push_back(g[ms[which.front()].in.front()].payer);
    for (std::size_t k : which)
      if (std::find(f.accounts.begin(), f.accounts.end(), ms[k].account) == f.accounts.end()) f.accounts.push_back(ms[k].account);
    for (std::size_t k : which)
      for (PaymentId id : ms[k].out)
        if (std::find(f.accounts.begin(), f.accounts.end(), g[id].beneficiary) == f.accounts.end())
          f.accounts.push_back(g[id].beneficiary);
    score_matches(f, which, true);
    if (f.score < kMinScore) continue;
    char text[256];
    std::snprintf(text, sizeof text, "money from %s passed on through %zu accounts within %s", g.label(f.accounts.front()).c_str(),
                  which.size(), hours_text(g[f.payments.back()].t - g[f.payments.front()].t).c_str());
    f.title = text;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace corridor::detect::money

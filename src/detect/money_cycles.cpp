// Cycles: money that comes back to the account it left through 3 or more others, each
// hop after the previous one and carrying most of its amount (AMLworld's CYCLE; round-
// tripping to make dirty money look like income). Two-account round trips are left out:
// refunds and repaid loans do that every day. Cycles whose hops are routine relationships
// (rent, payroll) are the ordinary circulation of money and score low.
//
// Search: depth-first from every payment, forward in time, inside the strongly connected
// component of its accounts (no cycle leaves one), with a budget per starting payment.
// Each cycle is found once, from its earliest payment; repeats over the same accounts are
// one finding.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "detect/money_patterns.hpp"

namespace corridor::detect::money {

namespace {

// Strongly connected components of the account graph (self-payments ignored), iterative
// Tarjan. Returns the component of each account and the size of each component.
std::vector<std::uint32_t> components(const PaymentGraph& g, std::vector<std::uint32_t>& sizes) {
  const std::size_t n = g.accounts();
  constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  std::vector<std::uint32_t> index(n, kNone), low(n, 0), comp(n, kNone);
  std::vector<char> on_stack(n, 0);
  std::vector<AccountId> stack;
  struct Frame {
    AccountId v;
    std::size_t next;
  };
  std::vector<Frame> call;
  std::uint32_t counter = 0;
  for (AccountId root = 0; root < n; ++root) {
    if (index[root] != kNone) continue;
    call.push_back({root, 0});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = 1;
    while (!call.empty()) {
      Frame& fr = call.back();
      const auto outs = g.out(fr.v);
      if (fr.next < outs.size()) {
        const AccountId w = g[outs[fr.next++]].beneficiary;
        if (w == fr.v) continue;
        if (index[w] == kNone) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = 1;
          call.push_back({w, 0});
        } else if (on_stack[w]) {
          low[fr.v] = std::min(low[fr.v], index[w]);
        }
        continue;
      }
      const AccountId v = fr.v;
      call.pop_back();
      if (!call.empty()) low[call.back().v] = std::min(low[call.back().v], low[v]);
      if (low[v] == index[v]) {
        const auto id = static_cast<std::uint32_t>(sizes.size());
        std::uint32_t size = 0;
        AccountId w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = 0;
          comp[w] = id;
          ++size;
        } while (w != v);
        sizes.push_back(size);
      }
    }
  }
  return comp;
}

struct Step {
  PaymentId payment;
  std::size_t next;  // position in the beneficiary's outgoing list
};

}  // namespace

std::vector<Finding> find_cycles(const PaymentGraph& g, const CycleSettings& s) {
  std::vector<std::uint32_t> sizes;
  const auto comp = components(g, sizes);
  std::vector<char> on_path(g.accounts(), 0);
  std::map<std::vector<AccountId>, std::vector<std::vector<PaymentId>>> cycles;  // accounts (rotated) -> instances

  std::vector<Step> path;
  for (PaymentId start = 0; start < g.size(); ++start) {
    const Payment& p0 = g[start];
    const AccountId origin = p0.payer;
    if (origin == p0.beneficiary || comp[origin] != comp[p0.beneficiary] ||
        sizes[comp[origin]] < static_cast<std::uint32_t>(s.min_length))
      continue;
    const std::int64_t deadline = p0.t + s.window;
    int budget = s.max_expansions;
    std::vector<PaymentId> best;
    double best_kept = 0;
    path.clear();
    path.push_back({start, g.lower_bound(g.out(p0.beneficiary), p0.t)});
    on_path[origin] = on_path[p0.beneficiary] = 1;
    while (!path.empty() && budget > 0) {
      Step& top = path.back();
      const Payment& prev = g[top.payment];
      const auto outs = g.out(prev.beneficiary);
      bool pushed = false;
      while (top.next < outs.size() && budget > 0) {
        const PaymentId qid = outs[top.next++];
        const Payment& q = g[qid];
        if (q.t > deadline) {
          top.next = outs.size();
          break;
        }
        if (qid <= top.payment || comp[q.beneficiary] != comp[origin] || q.beneficiary == q.payer) continue;
        const double r = g.onward_ratio(prev, q);
        if (r < s.min_ratio || r > s.max_ratio) continue;
        --budget;
        const int length = static_cast<int>(path.size()) + 1;
        if (q.beneficiary == origin) {
          if (length >= s.min_length) {
            const double kept = q.usd / std::max(p0.usd, 1e-9);
            if (best.empty() || kept > best_kept) {
              best.clear();
              for (const Step& st : path) best.push_back(st.payment);
              best.push_back(qid);
              best_kept = kept;
            }
          }
          continue;
        }
        if (on_path[q.beneficiary] || length >= s.max_length) continue;
        on_path[q.beneficiary] = 1;
        path.push_back({qid, g.lower_bound(g.out(q.beneficiary), q.t)});
        pushed = true;
        break;
      }
      if (!pushed && &top == &path.back() && top.next >= outs.size()) {
        on_path[g[top.payment].beneficiary] = 0;
        path.pop_back();
      }
    }
    for (const Step& st : path) on_path[g[st.payment].beneficiary] = 0;
    on_path[origin] = 0;
    if (best.empty()) continue;
    std::vector<AccountId> ring;
    for (PaymentId id : best) ring.push_back(g[id].payer);
    std::rotate(ring.begin(), std::min_element(ring.begin(), ring.end()), ring.end());
    cycles[ring].push_back(std::move(best));
  }

  std::vector<Finding> out;
  for (auto& [ring, instances] : cycles) {
    Finding f;
    f.kind = "cycle";
    const auto& first = instances.front();
    for (PaymentId id : first) f.accounts.push_back(g[id].payer);
    std::vector<PaymentId> routine;
    double kept_sum = 0, span_sum = 0;
    for (const auto& inst : instances) {
      f.payments.insert(f.payments.end(), inst.begin(), inst.end());
      kept_sum += g[inst.back()].usd / std::max(g[inst.front()].usd, 1e-9);
      span_sum += static_cast<double>(g[inst.back()].t - g[inst.front()].t);
      for (PaymentId id : inst)
        if (g.routine(g[id].payer, g[id].beneficiary)) routine.push_back(id);
    }
    std::sort(f.payments.begin(), f.payments.end());
    f.payments.erase(std::unique(f.payments.begin(), f.payments.end()), f.payments.end());
    const double k = static_cast<double>(instances.size());
    const double kept = kept_sum / k, span = span_sum / k;
    const int length = static_cast<int>(ring.size());
    const double routine_share = static_cast<double>(routine.size()) / static_cast<double>(f.payments.size());

    char text[256];
    Evidence e(-2.5);
    std::snprintf(text, sizeof text, "%s left %s and came back through %d other accounts", g.money(g[first.front()].amount, g[first.front()].currency).c_str(),
                  g.label(f.accounts.front()).c_str(), length - 1);
    e.add(text, 0.6 * std::min(length - 2, 5), first);
    std::snprintf(text, sizeof text, "%s of the amount came back", percent(kept).c_str());
    e.add(text, 4 * (kept - s.min_ratio), first);
    std::snprintf(text, sizeof text, "the round trip took %s", hours_text(static_cast<std::int64_t>(span)).c_str());
    e.add(text, 1.5 * (1 - span / static_cast<double>(s.window)), first);
    e.add(g.money(g[first.front()].amount, g[first.front()].currency) + " sent round",
          0.5 * clamp(std::log10(std::max(g[first.front()].usd, 1.0) / 5000), -2, 1.5), first);
    if (instances.size() > 1) {
      std::snprintf(text, sizeof text, "the same round trip %zu times", instances.size());
      e.add(text, 0.5 * std::min(k - 1, 3.0), f.payments);
    }
    if (!routine.empty()) {
      std::snprintf(text, sizeof text, "%zu of the %zu hops are routine payments (similar amounts >= 5 days apart)",
                    routine.size(), f.payments.size());
      e.add(text, -6 * routine_share, routine);
    }
    e.into(f);
    if (f.score < kMinScore) continue;
    std::snprintf(text, sizeof text, "money went round %d accounts and back to %s within %s", length,
                  g.label(f.accounts.front()).c_str(), hours_text(static_cast<std::int64_t>(span)).c_str());
    f.title = text;
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.payments.front() < b.payments.front(); });
  return out;
}

}  // namespace corridor::detect::money

// Price match: payments into one account that equal a price advertised in the case's posts
// or messages ("3000€ per person"), or a deposit and the rest from one payer that add up
// to one — the families paying the collector. Round prices are common amounts (rent, a
// used car), so one payment is nothing: the pattern is several payers, most of what the
// account receives, several different advertised prices, and payers that are not routine.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "detect/money_patterns.hpp"

namespace corridor::detect::money {

namespace {

struct Distinct {
  double amount = 0;
  std::string currency;
  double usd = 0;
  std::vector<std::uint64_t> sources;
  bool offer = false;
};

struct Hit {
  AccountId beneficiary, payer;
  std::vector<PaymentId> payments;  // one, or a deposit and the rest
  std::size_t price;
};

class Prices {
 public:
  explicit Prices(const PriceMatchSettings& s) : s_(s) {
    std::map<std::pair<std::string, long long>, std::size_t> index;
    for (const Price& p : s.prices) {
      if (p.amount <= 0) continue;
      const auto key = std::make_pair(p.currency, std::llround(p.amount * 100));
      auto [it, fresh] = index.try_emplace(key, list_.size());
      if (fresh) {
        const double rate = usd_rate(p.currency);
        list_.push_back({p.amount, p.currency, rate > 0 ? p.amount * rate : 0, {}, false});
      }
      Distinct& d = list_[it->second];
      if (d.sources.size() < 10) d.sources.push_back(p.source);
      d.offer = d.offer || p.offer;
    }
    for (std::size_t i = 0; i < list_.size(); ++i) {
      if (list_[i].usd > 0) by_usd_.push_back(i);
      by_currency_[list_[i].currency].push_back(i);
    }
    std::sort(by_usd_.begin(), by_usd_.end(), [&](std::size_t a, std::size_t b) { return list_[a].usd < list_[b].usd; });
    for (auto& [code, v] : by_currency_)
      std::sort(v.begin(), v.end(), [&](std::size_t a, std::size_t b) { return list_[a].amount < list_[b].amount; });
  }
  bool empty() const { return list_.empty(); }
  const Distinct& operator[](std::size_t i) const { return list_[i]; }

  // The advertised price an amount equals, if any: same currency within `tolerance`,
  // else in USD within `fx_tolerance`.
  std::ptrdiff_t match(double amount, const std::string& currency, double usd) const {
    if (const auto c = by_currency_.find(currency); c != by_currency_.end()) {
      auto it = std::lower_bound(c->second.begin(), c->second.end(), amount - s_.tolerance,
                                 [&](std::size_t i, double v) { return list_[i].amount < v; });
      if (it != c->second.end() && std::abs(amount - list_[*it].amount) <= s_.tolerance)
        return static_cast<std::ptrdiff_t>(*it);
    }
    if (usd <= 0 || s_.fx_tolerance <= 0) return -1;
    auto it = std::lower_bound(by_usd_.begin(), by_usd_.end(), usd * (1 - s_.fx_tolerance),
                               [&](std::size_t i, double v) { return list_[i].usd < v; });
    for (; it != by_usd_.end() && list_[*it].usd <= usd * (1 + s_.fx_tolerance); ++it)
      if (list_[*it].currency != currency) return static_cast<std::ptrdiff_t>(*it);
    return -1;
  }

 private:
  const PriceMatchSettings& s_;
  std::vector<Distinct> list_;
  std::vector<std::size_t> by_usd_;
  std::map<std::string, std::vector<std::size_t>> by_currency_;
};

}  // namespace

std::vector<Finding> find_price_matches(const PaymentGraph& g, const PriceMatchSettings& s) {
  const Prices prices(s);
  if (prices.empty()) return {};
  const auto match = [&](const Payment& p) {
    std::ptrdiff_t m = prices.match(p.received, g.currency_code(p.received_currency), p.usd_received);
    if (m < 0 && (p.currency != p.received_currency || p.amount != p.received))
      m = prices.match(p.amount, g.currency_code(p.currency), p.usd);
    return m;
  };
  std::vector<Hit> hits;
  std::vector<char> matched(g.size(), 0);
  for (PaymentId i = 0; i < g.size(); ++i) {
    const Payment& p = g[i];
    if (p.payer == p.beneficiary) continue;
    if (const auto m = match(p); m >= 0) {
      hits.push_back({p.beneficiary, p.payer, {i}, static_cast<std::size_t>(m)});
      matched[i] = 1;
    }
  }
  // A deposit and the rest: two payments from one payer to one beneficiary within `split`.
  std::vector<PaymentId> pair;
  for (AccountId a = 0; a < g.accounts(); ++a) {
    const auto outs = g.out(a);
    if (outs.size() < 2) continue;
    pair.assign(outs.begin(), outs.end());
    std::stable_sort(pair.begin(), pair.end(), [&](PaymentId x, PaymentId y) { return g[x].beneficiary < g[y].beneficiary; });
    for (std::size_t i = 0; i < pair.size();) {
      std::size_t j = i;
      while (j < pair.size() && g[pair[j]].beneficiary == g[pair[i]].beneficiary) ++j;
      const std::size_t end = std::min(j, i + 16);
      for (std::size_t x = i; x < end; ++x) {
        const Payment& p = g[pair[x]];
        if (matched[pair[x]] || p.beneficiary == a) continue;
        for (std::size_t y = x + 1; y < end; ++y) {
          const Payment& q = g[pair[y]];
          if (matched[pair[y]] || q.t - p.t > s.split) continue;
          std::ptrdiff_t m = -1;
          if (p.received_currency == q.received_currency)
            m = prices.match(p.received + q.received, g.currency_code(p.received_currency), p.usd_received + q.usd_received);
          if (m < 0) continue;
          hits.push_back({p.beneficiary, a, {pair[x], pair[y]}, static_cast<std::size_t>(m)});
          matched[pair[x]] = matched[pair[y]] = 1;
          break;
        }
      }
      i = j;
    }
  }
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& x, const Hit& y) { return x.beneficiary < y.beneficiary; });

  std::vector<Finding> out;
  for (std::size_t i = 0; i < hits.size();) {
    std::size_t j = i;
    while (j < hits.size() && hits[j].beneficiary == hits[i].beneficiary) ++j;
    const AccountId b = hits[i].beneficiary;
    std::vector<AccountId> payers;
    std::vector<std::size_t> used_prices;
    std::vector<PaymentId> all, splits, routine, offer_payments;
    std::vector<std::uint64_t> sources, offer_sources;
    for (std::size_t k = i; k < j; ++k) {
      const Hit& h = hits[k];
      if (std::find(payers.begin(), payers.end(), h.payer) == payers.end()) payers.push_back(h.payer);
      if (std::find(used_prices.begin(), used_prices.end(), h.price) == used_prices.end()) {
        used_prices.push_back(h.price);
        const auto& src = prices[h.price].sources;
        sources.insert(sources.end(), src.begin(), src.end());
        if (prices[h.price].offer) offer_sources.insert(offer_sources.end(), src.begin(), src.end());
      }
      all.insert(all.end(), h.payments.begin(), h.payments.end());
      if (h.payments.size() > 1) splits.insert(splits.end(), h.payments.begin(), h.payments.end());
      if (prices[h.price].offer) offer_payments.insert(offer_payments.end(), h.payments.begin(), h.payments.end());
      if (g.routine(h.payer, b)) routine.insert(routine.end(), h.payments.begin(), h.payments.end());
    }
    i = j;
    if (static_cast<int>(payers.size()) < s.min_payers) continue;
    std::sort(all.begin(), all.end());
    std::size_t incoming = 0;
    for (PaymentId id : g.in(b)) incoming += g[id].payer != b;
    const double share = static_cast<double>(all.size()) / static_cast<double>(std::max<std::size_t>(incoming, 1));

    Finding f;
    f.kind = "price_match";
    f.accounts.push_back(b);
    f.accounts.insert(f.accounts.end(), payers.begin(), payers.end());
    f.payments = all;
    char text[256];
    Evidence e(-3.0);
    std::snprintf(text, sizeof text, "%zu payers paid %s an advertised price", payers.size(), g.label(b).c_str());
    e.add(text, 0.8 * std::min<double>(static_cast<double>(payers.size()) - 1, 6), all, sources);
    std::snprintf(text, sizeof text, "%s of the payments it received match an advertised price", percent(share).c_str());
    e.add(text, 3 * (share - 0.3), all);
    if (used_prices.size() > 1) {
      std::snprintf(text, sizeof text, "%zu different advertised prices", used_prices.size());
      e.add(text, 0.25 * std::min<double>(static_cast<double>(used_prices.size()) - 1, 4), all, sources);
    }
    if (!offer_sources.empty()) e.add("prices from texts assessed as smuggling offers", 1.0, offer_payments, offer_sources);
    if (!splits.empty()) {
      std::snprintf(text, sizeof text, "%zu paid a deposit and then the rest", splits.size() / 2);
      e.add(text, 0.5, splits);
    }
    if (!routine.empty()) {
      std::snprintf(text, sizeof text, "%zu of the %zu payments are routine (similar amounts >= 5 days apart)", routine.size(),
                    all.size());
      e.add(text, -6 * static_cast<double>(routine.size()) / static_cast<double>(all.size()), routine);
    }
    e.into(f);
    if (f.score < kMinScore) continue;
    std::snprintf(text, sizeof text, "%zu payers paid %s advertised prices", payers.size(), g.label(b).c_str());
    f.title = text;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace corridor::detect::money

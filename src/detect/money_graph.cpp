#include "detect/money_graph.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace corridor::detect::money {

double usd_rate(std::string_view c) {
  static constexpr std::array<std::pair<std::string_view, double>, 27> kRates = {{
      {"USD", 1.0},      {"EUR", 1.08},     {"GBP", 1.25},    {"CHF", 1.10},      {"CAD", 0.74},    {"AUD", 0.67},
      {"JPY", 0.0072},   {"CNY", 0.14},     {"INR", 0.012},   {"RUB", 0.012},     {"MXN", 0.055},   {"BRL", 0.19},
      {"SAR", 0.2667},   {"ILS", 0.27},     {"TRY", 0.04},    {"XBT", 30000.0},   {"USDT", 1.0},    {"LYD", 0.21},
      {"TND", 0.32},     {"EGP", 0.03},     {"IQD", 0.00076}, {"DZD", 0.0074},    {"MAD", 0.10},    {"PKR", 0.0036},
      {"IRR", 0.0000238}, {"AFN", 0.014},   {"XOF", 0.0016},
  }};
  for (const auto& [code, rate] : kRates)
    if (code == c) return rate;
  return 0;
}

AccountId PaymentGraph::account(std::string_view key, std::string_view label) {
  auto [it, fresh] = account_index_.try_emplace(std::string(key), static_cast<AccountId>(keys_.size()));
  if (fresh) {
    keys_.emplace_back(key);
    labels_.emplace_back(label);
  } else if (labels_[it->second].empty() && !label.empty()) {
    labels_[it->second] = std::string(label);
  }
  return it->second;
}

std::uint16_t PaymentGraph::currency(std::string_view code) {
  auto [it, fresh] = currency_index_.try_emplace(std::string(code), static_cast<std::uint16_t>(currencies_.size()));
  if (fresh) {
    currencies_.emplace_back(code);
    rates_.push_back(usd_rate(code));
  }
  return it->second;
}

void PaymentGraph::add(Payment p) {
  if (finished_) throw std::logic_error("PaymentGraph::add after finish");
  if (p.received == 0 && p.amount != 0) {
    p.received = p.amount;
    p.received_currency = p.currency;
  }
  payments_.push_back(p);
}

void PaymentGraph::finish() {
  if (finished_) return;
  finished_ = true;
  std::stable_sort(payments_.begin(), payments_.end(), [](const Payment& a, const Payment& b) { return a.t < b.t; });
  const auto usd = [&](double amount, std::uint16_t c) {
    const double r = c < rates_.size() ? rates_[c] : 0;
    return r > 0 ? amount * r : amount;
  };
  const std::size_t n = keys_.size();
  out_start_.assign(n + 1, 0);
  in_start_.assign(n + 1, 0);
  for (auto& p : payments_) {
    p.usd = usd(p.amount, p.currency);
    p.usd_received = usd(p.received, p.received_currency);
    ++out_start_[p.payer + 1];
    ++in_start_[p.beneficiary + 1];
  }
  std::partial_sum(out_start_.begin(), out_start_.end(), out_start_.begin());
  std::partial_sum(in_start_.begin(), in_start_.end(), in_start_.begin());
  out_ids_.resize(payments_.size());
  in_ids_.resize(payments_.size());
  std::vector<std::uint32_t> out_fill(out_start_.begin(), out_start_.end() - 1),
      in_fill(in_start_.begin(), in_start_.end() - 1);
  for (PaymentId i = 0; i < payments_.size(); ++i) {
    const Payment& p = payments_[i];
    out_ids_[out_fill[p.payer]++] = i;
    in_ids_[in_fill[p.beneficiary]++] = i;
  }
  // Routine pairs and standing orders: each account's outgoing payments grouped by
  // beneficiary, in time order.
  standing_.assign(payments_.size(), 0);
  std::vector<PaymentId> by_pair;
  for (AccountId a = 0; a < n; ++a) {
    const auto outs = out(a);
    if (outs.size() < 2) continue;
    by_pair.assign(outs.begin(), outs.end());
    std::stable_sort(by_pair.begin(), by_pair.end(),
                     [&](PaymentId x, PaymentId y) { return payments_[x].beneficiary < payments_[y].beneficiary; });
    for (std::size_t i = 0; i < by_pair.size();) {
      std::size_t j = i;
      while (j < by_pair.size() && payments_[by_pair[j]].beneficiary == payments_[by_pair[i]].beneficiary) ++j;
      bool found = false;
      // Bounded: a pair paid more than 64 times is judged on its first 64 payments.
      const std::size_t end = std::min(j, i + 64);
      for (std::size_t x = i; x < end; ++x)
        for (std::size_t y = x + 1; y < end; ++y) {
          const Payment& p = payments_[by_pair[x]];
          const Payment& q = payments_[by_pair[y]];
          if (q.t - p.t < 5 * kDay) continue;
          const double hi = std::max(p.usd, q.usd), lo = std::min(p.usd, q.usd);
          if (hi <= 0 || lo < 0.85 * hi) continue;
          found = true;
          if (q.t - p.t >= 25 * kDay && p.currency == q.currency && std::abs(p.amount - q.amount) < 0.005)
            standing_[by_pair[x]] = standing_[by_pair[y]] = 1;
        }
      if (found) routine_.insert((static_cast<std::uint64_t>(a) << 32) | payments_[by_pair[i]].beneficiary);
      i = j;
    }
  }
}

std::size_t PaymentGraph::lower_bound(std::span<const PaymentId> list, std::int64_t t) const {
  const auto it = std::partition_point(list.begin(), list.end(), [&](PaymentId i) { return payments_[i].t < t; });
  return static_cast<std::size_t>(it - list.begin());
}

bool PaymentGraph::routine(AccountId payer, AccountId beneficiary) const {
  return routine_.count((static_cast<std::uint64_t>(payer) << 32) | beneficiary) > 0;
}

double PaymentGraph::onward_ratio(const Payment& in, const Payment& out) const {
  if (in.received_currency == out.currency && in.received > 0) return out.amount / in.received;
  return in.usd_received > 0 ? out.usd / in.usd_received : 0;
}

std::string PaymentGraph::money(double amount, std::uint16_t c) const {
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.2f", amount);
  std::string s = digits;
  const auto dot = s.find('.');
  std::string whole = s.substr(0, dot), grouped;
  const bool negative = !whole.empty() && whole[0] == '-';
  if (negative) whole.erase(0, 1);
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  return (negative ? "-" : "") + grouped + s.substr(dot) + (c < currencies_.size() ? " " + currencies_[c] : "");
}

void Evidence::add(std::string text, double weight, std::vector<PaymentId> payments,
                   std::vector<std::uint64_t> sources) {
  logit_ += weight;
  reasons_.push_back({std::move(text), weight, std::move(payments), std::move(sources)});
}

void Evidence::into(Finding& f) {
  f.score = score();
  std::stable_sort(reasons_.begin(), reasons_.end(),
                   [](const FindingReason& a, const FindingReason& b) { return std::abs(a.weight) > std::abs(b.weight); });
  f.reasons = std::move(reasons_);
  reasons_.clear();
}

double clamp(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }

double surprise(double n, double usual) {
  const double lambda = std::max(usual, 1e-3);
  if (n <= lambda) return 0;
  // log10 of sum_{k >= n} e^-l l^k / k!, summed in log space from the first term.
  const int first = static_cast<int>(std::ceil(n));
  const auto log_term = [&](int k) { return -lambda + k * std::log(lambda) - std::lgamma(k + 1.0); };
  const double top = log_term(first);
  double sum = 0;
  for (int k = first; k < first + 400; ++k) {
    const double rel = log_term(k) - top;
    if (rel < -40) break;
    sum += std::exp(rel);
  }
  return std::max(0.0, -(top + std::log(sum)) / std::log(10.0));
}

double usual_in(double outside, std::int64_t window, std::int64_t span) {
  const double w = static_cast<double>(window);
  return (outside + 0.5) * w / std::max(static_cast<double>(span) - w, w);
}

double log_tests(std::size_t accounts, std::int64_t window, std::int64_t span) {
  const double windows = std::max(1.0, static_cast<double>(span) / static_cast<double>(std::max<std::int64_t>(window, 1)));
  return std::log10(std::max(1.0, static_cast<double>(accounts) * windows));
}

double log_spread(const std::vector<double>& amounts) {
  if (amounts.size() < 2) return 0;
  double sum = 0, sq = 0;
  for (double a : amounts) {
    const double l = std::log(std::max(a, 0.01));
    sum += l;
    sq += l * l;
  }
  const double n = static_cast<double>(amounts.size()), mean = sum / n;
  return std::sqrt(std::max(0.0, sq / n - mean * mean));
}

std::string hours_text(std::int64_t seconds) {
  char buf[32];
  if (seconds < 2 * kHour) std::snprintf(buf, sizeof buf, "%lld min", static_cast<long long>(seconds / 60));
  else if (seconds < 3 * kDay) std::snprintf(buf, sizeof buf, "%.0f h", static_cast<double>(seconds) / kHour);
  else std::snprintf(buf, sizeof buf, "%.1f d", static_cast<double>(seconds) / kDay);
  return buf;
}

std::string percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f %%", 100 * share);
  return buf;
}

std::string odds_text(double surprise) {
  const double v = std::pow(10.0, surprise);
  char buf[32];
  if (v >= 1e12) std::snprintf(buf, sizeof buf, "10^%.0f", surprise);
  else if (v >= 1e9) std::snprintf(buf, sizeof buf, "%.0f billion", v / 1e9);
  else if (v >= 1e6) std::snprintf(buf, sizeof buf, "%.1f million", v / 1e6);
  else if (v >= 1e3) std::snprintf(buf, sizeof buf, "%.0f,%03.0f", std::floor(v / 1e3), std::fmod(std::round(v), 1e3));
  else std::snprintf(buf, sizeof buf, "%.0f", std::max(v, 1.0));
  return buf;
}

}  // namespace corridor::detect::money

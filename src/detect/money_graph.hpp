#pragma once
// The payment graph the money detectors read (issue 7, part 2): payments between accounts
// sorted by time, each account's incoming and outgoing payments in time order, amounts
// compared across currencies in US dollars at fixed reference rates, and what every
// detector returns: a Finding with its accounts, its payments, a score from 0 to 1 and the
// weighted reasons behind the score. Pure logic: no case store, no files.
//
// A Finding is an assessment for a person to review, never a fact about anyone.
#include <cmath>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace corridor::detect::money {

using AccountId = std::uint32_t;
using PaymentId = std::uint32_t;  // index into PaymentGraph::payments(), in time order

inline constexpr std::int64_t kHour = 3600;
inline constexpr std::int64_t kDay = 24 * kHour;

// US dollars per unit at fixed reference rates (rounded 2022-2024 averages; "XBT" bitcoin,
// "USDT" tether). Only for comparing amounts in different currencies and for thresholds in
// currencies that have none of their own: never for reporting an amount. 0 when unknown.
double usd_rate(std::string_view currency);

struct Payment {
  std::int64_t t = 0;  // Unix seconds, UTC
  AccountId payer = 0;
  AccountId beneficiary = 0;
  double amount = 0;    // as paid, in `currency`
  double received = 0;  // as received, in `received_currency` (the same on most rows)
  std::uint16_t currency = 0;           // index into PaymentGraph::currency_code
  std::uint16_t received_currency = 0;
  double usd = 0;           // `amount` in USD at the reference rate (amount itself when unknown)
  double usd_received = 0;  // `received` in USD
  std::uint64_t source = 0;  // the caller's key for this payment (a row, a list index)
};

class PaymentGraph {
 public:
  // Building: intern accounts and currencies, add payments, then finish() once.
  AccountId account(std::string_view key, std::string_view label = {});
  std::uint16_t currency(std::string_view code);
  // `p.payer`, `p.beneficiary`, `p.currency`, `p.received_currency` from the functions above.
  // A payment without a received amount (0) receives what was paid.
  void add(Payment p);
  // Sorts the payments by time (stable: equal times keep the order of add), fills the
  // USD amounts and the per-account lists. Call once, after the last add.
  void finish();

  std::size_t size() const { return payments_.size(); }
  const std::vector<Payment>& payments() const { return payments_; }
  const Payment& operator[](PaymentId i) const { return payments_[i]; }
  std::size_t accounts() const { return keys_.size(); }
  const std::string& key(AccountId a) const { return keys_[a]; }
  const std::string& label(AccountId a) const { return labels_[a].empty() ? keys_[a] : labels_[a]; }
  const std::string& currency_code(std::uint16_t c) const { return currencies_[c]; }

  // Payments out of / into an account, in time order; self-payments appear in both.
  std::span<const PaymentId> out(AccountId a) const {
    return {out_ids_.data() + out_start_[a], out_ids_.data() + out_start_[a + 1]};
  }
  std::span<const PaymentId> in(AccountId a) const {
    return {in_ids_.data() + in_start_[a], in_ids_.data() + in_start_[a + 1]};
  }
  // First payment at or after `t` in a time-ordered list of payment ids.
  std::size_t lower_bound(std::span<const PaymentId> list, std::int64_t t) const;

  std::int64_t first_time() const { return payments_.empty() ? 0 : payments_.front().t; }
  std::int64_t last_time() const { return payments_.empty() ? 0 : payments_.back().t; }

  // Routine relationship: the payer paid the beneficiary similar amounts (within 15 %) at
  // least twice, 5 days or more apart (rent, payroll, standing orders, club dues). A
  // deposit and the rest of a price are not routine: their amounts differ.
  bool routine(AccountId payer, AccountId beneficiary) const;
  // A standing order: the payer paid the beneficiary exactly this amount (to the cent)
  // again 25 days or more before or after (rent, an instalment). Structuring varies its
  // amounts; standing orders repeat them.
  bool standing_order(PaymentId p) const { return standing_[p] != 0; }

  // Ratio of an outgoing amount to an incoming one as the account saw them: exact when the
  // incoming payment arrived in the currency the outgoing one left in, else in USD.
  double onward_ratio(const Payment& in, const Payment& out) const;

  // Formats "9,850.00 EUR".
  std::string money(double amount, std::uint16_t currency) const;

 private:
  std::vector<Payment> payments_;
  std::vector<std::string> keys_, labels_, currencies_;
  std::vector<double> rates_;
  std::unordered_map<std::string, AccountId> account_index_;
  std::unordered_map<std::string, std::uint16_t> currency_index_;
  std::vector<std::uint32_t> out_start_, in_start_;
  std::vector<PaymentId> out_ids_, in_ids_;
  std::unordered_set<std::uint64_t> routine_;  // payer << 32 | beneficiary
  std::vector<char> standing_;                 // by payment
  bool finished_ = false;
};

// One reason of a finding: what was seen, its log-odds contribution (negative: speaks
// against the pattern), and the payments it was seen in.
struct FindingReason {
  std::string text;
  double weight = 0;
  std::vector<PaymentId> payments;
  std::vector<std::uint64_t> sources;  // other evidence, by the caller's key (Price, Arrival)
};

struct Finding {
  std::string kind;   // "fan_in", "fan_out", "scatter_gather", "gather_scatter", "cycle",
                      // "structuring", "pass_through", "escrow", "price_match"
  std::string title;  // one line: "9 payers into 8A01 within 96 h"
  std::vector<AccountId> accounts;  // the central account(s) first, then the others
  std::vector<PaymentId> payments;  // every payment the pattern is made of, in time order
  double score = 0;                 // 0..1
  std::vector<FindingReason> reasons;  // by decreasing |weight|
};

// Log-odds accumulator: score = logistic(bias + Σ weights); reasons keep their evidence.
class Evidence {
 public:
  explicit Evidence(double bias) : logit_(bias) {}
  void add(std::string text, double weight, std::vector<PaymentId> payments = {},
           std::vector<std::uint64_t> sources = {});
  double logit() const { return logit_; }
  double score() const { return 1.0 / (1.0 + std::exp(-logit_)); }
  // Fills the finding's score and reasons (by decreasing |weight|).
  void into(Finding& f);

 private:
  double logit_;
  std::vector<FindingReason> reasons_;
};

// Findings scoring below this are not returned.
inline constexpr double kMinScore = 0.1;

double clamp(double x, double lo, double hi);

// How surprising `n` events are in a window where `usual` are expected: -log10 of the
// Poisson probability of n or more (0: nothing unusual; 6: one window in a million).
double surprise(double n, double usual);
// The events expected in a window of `window` seconds for an account that had `outside`
// of them in the rest of `span` seconds, with half an event of prior so that an account
// seen once is not taken for one that never does it.
double usual_in(double outside, std::int64_t window, std::int64_t span);
// log10 of the number of windows a search looks at (accounts x span / window): a burst that
// chance produces once in 10^surprise windows is expected that many times in the data
// when surprise equals this.
double log_tests(std::size_t accounts, std::int64_t window, std::int64_t span);
// Standard deviation of the natural logarithms of the amounts: 0 for equal amounts, about
// 0.3 for a price give or take, above 1 for an assortment of invoices.
double log_spread(const std::vector<double>& amounts);
std::string hours_text(std::int64_t seconds);  // "36 h", "4.5 d"
std::string percent(double share);             // "87 %"
std::string odds_text(double surprise);        // 10^surprise: "1,000", "2.5 million", "10^14"

}  // namespace corridor::detect::money

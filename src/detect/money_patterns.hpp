#pragma once
// The money patterns (issue 7, part 2), one file each (money_<pattern>.cpp), all reading a
// finished PaymentGraph and returning Findings. docs/money.md explains every threshold.
#include <string>
#include <vector>

#include "detect/money_graph.hpp"

namespace corridor::detect::money {

// Many payers into one account (fan_in), or one account paying many (fan_out), in a burst.
struct FanSettings {
  std::int64_t window = 96 * kHour;  // the burst: counterparties within this much time
  int min_counterparties = 4;        // distinct payers (fan_in) / beneficiaries (fan_out)
  std::int64_t follow = 72 * kHour;  // onward (fan_in) / funding (fan_out) flow looked for
};

// S pays several intermediaries, each of which passes most of it on to the same T.
struct ScatterGatherSettings {
  std::int64_t window = 7 * kDay;  // the scatter payments of one instance
  std::int64_t hop = 72 * kHour;   // intermediary receives -> pays on
  double min_ratio = 0.5, max_ratio = 1.02;  // onward amount / amount received
  int min_intermediaries = 3;
};

// Several payers into a hub that then pays several beneficiaries, most of what came in.
struct GatherScatterSettings {
  std::int64_t gap = 72 * kHour;    // incoming payments this close form one gathering
  std::int64_t after = 96 * kHour;  // the scatter: after the first incoming payment, until the last + this
  int min_payers = 3, min_beneficiaries = 3;
  double min_ratio = 0.5, max_ratio = 1.05;  // out / in
  std::int64_t max_gather = 10 * kDay;       // a longer run of incoming payments is steady business
};

// Money that comes back to where it started through 3 or more accounts, each hop after the
// previous one, keeping most of the amount.
struct CycleSettings {
  int min_length = 3, max_length = 10;
  std::int64_t window = 10 * kDay;       // first hop to last hop
  double min_ratio = 0.7, max_ratio = 1.02;  // amount of a hop / amount of the previous hop
  int max_expansions = 20000;            // search budget per starting payment
};

// Several payments just under a reporting threshold by one payer or into one beneficiary.
struct Threshold {
  std::string currency;  // ISO 4217
  double amount = 0;
};
struct StructuringSettings {
  // In the payment's own currency; other currencies use usd_threshold through usd_rate.
  std::vector<Threshold> thresholds = {{"USD", 10000}, {"EUR", 10000}, {"GBP", 10000}, {"CHF", 10000},
                                       {"CAD", 10000}, {"AUD", 10000}};
  double usd_threshold = 10000;
  double band = 0.85;              // "just under": band * threshold <= amount < threshold
  std::int64_t window = 7 * kDay;  // the payments of one instance
  int min_payments = 3;
};

// Money in and (nearly) the same money out again soon after, more than once.
struct PassThroughSettings {
  std::int64_t max_delay = 24 * kHour;
  double min_ratio = 0.85, max_ratio = 1.02;  // out / in
  int min_pairs = 2;
};

// Deposits from several payers held without spending, then released in one burst to
// others, optionally right after an arrival.
struct Arrival {
  std::int64_t t = 0;
  std::string label;         // "arrival of vessel 247123456 at Lampedusa"
  std::uint64_t source = 0;  // the caller's key (a statement id)
};
struct EscrowSettings {
  int min_depositors = 3;
  std::int64_t min_hold = 5 * kDay;        // last deposit of the hold -> release, median deposit >= this before
  std::int64_t release_window = 48 * kHour;
  double min_release_share = 0.7;          // of what was deposited
  double max_spent_share = 0.1;            // paid out during the hold
  int max_release_beneficiaries = 3;
  std::int64_t arrival_window = 7 * kDay;  // a release this soon after an arrival is tied to it
  std::vector<Arrival> arrivals;
};

// Payments equal to a price advertised in the case (posts, messages), or a deposit and the
// rest that add up to one.
struct Price {
  double amount = 0;
  std::string currency;       // ISO 4217
  std::uint64_t source = 0;   // the caller's key (a statement id)
  bool offer = false;         // the text it came from was assessed as a smuggling offer
};
struct PriceMatchSettings {
  std::vector<Price> prices;
  double tolerance = 0.005;        // same currency, in units of it: to the cent
  double fx_tolerance = 0;         // other currencies compared in USD; 0: not at all
  std::int64_t split = 30 * kDay;  // deposit and rest from one payer to one beneficiary
  int min_payers = 3;
};

struct MoneySettings {
  FanSettings fan;
  ScatterGatherSettings scatter_gather;
  GatherScatterSettings gather_scatter;
  CycleSettings cycle;
  StructuringSettings structuring;
  PassThroughSettings pass_through;
  EscrowSettings escrow;
  PriceMatchSettings price_match;
};

std::vector<Finding> find_fan_in(const PaymentGraph& g, const FanSettings& s = {});
std::vector<Finding> find_fan_out(const PaymentGraph& g, const FanSettings& s = {});
std::vector<Finding> find_scatter_gather(const PaymentGraph& g, const ScatterGatherSettings& s = {});
std::vector<Finding> find_gather_scatter(const PaymentGraph& g, const GatherScatterSettings& s = {});
std::vector<Finding> find_cycles(const PaymentGraph& g, const CycleSettings& s = {});
std::vector<Finding> find_structuring(const PaymentGraph& g, const StructuringSettings& s = {});
std::vector<Finding> find_pass_through(const PaymentGraph& g, const PassThroughSettings& s = {});
std::vector<Finding> find_escrow(const PaymentGraph& g, const EscrowSettings& s = {});
std::vector<Finding> find_price_matches(const PaymentGraph& g, const PriceMatchSettings& s = {});

// Every pattern, in the order they run; `kind` is the Finding kind and the suffix of the
// indicator's detector name ("money.fan_in").
struct Pattern {
  const char* kind;
  const char* summary;
  std::vector<Finding> (*run)(const PaymentGraph& g, const MoneySettings& s);
};
const std::vector<Pattern>& patterns();

}  // namespace corridor::detect::money

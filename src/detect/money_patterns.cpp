#include "detect/money_patterns.hpp"

namespace corridor::detect::money {

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> table = {
      {"fan_in", "many one-off payers into one account in a burst",
       [](const PaymentGraph& g, const MoneySettings& s) { return find_fan_in(g, s.fan); }},
      {"fan_out", "one account paying many one-off beneficiaries in a burst",
       [](const PaymentGraph& g, const MoneySettings& s) { return find_fan_out(g, s.fan); }},
      {"scatter_gather", "scattered to intermediaries who all pass it on to one account",
       [](const PaymentGraph& g, const MoneySettings& s) { return find_scatter_gather(g, s.scatter_gather); }},
      {"gather_scatter", "gathered from several payers, then paid out to several beneficiaries",
       [](const PaymentGraph& g, const MoneySettings& s) { return find_gather_scatter(g, s.gather_scatter); }},
      {"cycle", "money back where it started through 3 or more accounts",
       [](const PaymentGraph& g, const MoneySettings& s) { return find_cycles(g, s.cycle); }},
      {"structuring", "several payments just under a reporting threshold",
       [](const PaymentGraph& g, const MoneySettings& s) { return find_structuring(g, s.structuring); }},
      {"pass_through", "money in and straight out again, repeatedly or along a chain",
       [](const PaymentGraph& g, const MoneySettings& s) { return find_pass_through(g, s.pass_through); }},
      {"escrow", "deposits held, then released at once (after an arrival)",
       [](const PaymentGraph& g, const MoneySettings& s) { return find_escrow(g, s.escrow); }},
      {"price_match", "payments equal to advertised prices",
       [](const PaymentGraph& g, const MoneySettings& s) { return find_price_matches(g, s.price_match); }},
  };
  return table;
}

}  // namespace corridor::detect::money

// payments.csv in the IBM AMLworld transaction schema (Altman et al., NeurIPS 2023), so
// the same reader serves the public benchmark and this case. Background traffic is
// ordinary; the planted rows are the money side of the network, with Is Laundering = 1:
//   fan_in      migrants' families (many accounts) pay one collector the advertised price
//   escrow      families deposit with the hawala agent; released to the organiser only
//               after the arrival date (the "pay after arrival" of the offers)
//   structuring the collector moves the money on in amounts just under 10,000
//   pass_through money in and out of an account within hours, nearly the same amount
// Legitimate fan-in (a landlord, a utility) is planted too, as hard negatives.
#include <algorithm>
#include <cstdio>

#include "core/error.hpp"
#include "demo/writers.hpp"

namespace corridor::demo {

namespace {

struct Row {
  std::int64_t t = 0;
  Account from, to;
  double received = 0;
  std::string rcur;
  double paid = 0;
  std::string pcur;
  std::string format;
  bool laundering = false;
  std::string pattern;  // planted pattern name, empty for background
  std::string note;     // which migrant or member, for the ground truth
  std::size_t seq = 0;  // creation order: ties in time keep it, so sorting is deterministic
};

double round2(double x) { return static_cast<double>(static_cast<std::int64_t>(x * 100 + 0.5)) / 100; }

std::string hex_account(Rng& rng) {
  static const char* hex = "0123456789ABCDEF";
  std::string a = "8";
  for (int i = 0; i < 8; ++i) a += hex[rng.below(16)];
  return a;
}

std::string format_time(std::int64_t t) {
  const Civil c = civil_from_unix(t);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d/%02d/%02d %02d:%02d", c.year, c.month, c.day, c.hour, c.minute);
  return buf;
}

}  // namespace

void write_payments(const Network& net, const Timeline& tl, Rng rng, int count, const std::filesystem::path& out,
                    Json& truth) {
  std::vector<Row> rows;
  auto add = [&](Row r) {
    r.t -= r.t % 60;  // AMLworld has minute resolution
    r.seq = rows.size();
    rows.push_back(std::move(r));
  };

  const Member& collector = net.by_role("cashier", 0);
  const Member& hawala = net.by_role("hawala", 0);
  const Member& boss = net.by_role("organiser", 0);
  const Member& boss2 = net.by_role("organiser", 1);
  const auto logistics = net.all_with_role("logistics");
  const Member& mule = logistics.empty() ? net.by_role("driver") : *logistics.front();

  // Planted rows take about a tenth of the file; migrants beyond that budget paid in cash.
  const std::size_t paying = std::min<std::size_t>(net.migrants.size(), static_cast<std::size_t>(std::max(4, count / 14)));
  double collected = 0, held = 0;
  std::vector<std::string> escrow_migrants;
  const std::int64_t season = tl.voyage_start - tl.start;
  for (std::size_t i = 0; i < paying; ++i) {
    const Migrant& m = net.migrants[i];
    const bool escrow = rng.chance(0.4);
    const std::int64_t when = tl.start + season / 3 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(season * 2 / 3 - 86400)));
    // Families in the Gulf pay in riyal; the collector receives euro.
    const bool riyal = m.nationality == "BGD";
    auto pay = [&](const Account& to, double eur, std::int64_t t, const std::string& pattern) {
      Row r;
      r.t = t;
      r.from = m.family;
      r.to = to;
      r.received = eur;
      r.rcur = "Euro";
      r.paid = riyal ? round2(eur * 4.08) : eur;
      r.pcur = riyal ? "Saudi Riyal" : "Euro";
      r.format = rng.chance(0.7) ? "Wire" : "ACH";
      r.laundering = true;
      r.pattern = pattern;
      r.note = m.id;
      add(std::move(r));
    };
    if (escrow) {
      pay(hawala.account, m.price_eur, when, "escrow");
      held += m.price_eur;
      escrow_migrants.push_back(m.id);
    } else if (rng.chance(0.3)) {
      // A deposit first, the rest when the departure date is fixed.
      const double deposit = 500.0 * rng.irange(1, 2);
      pay(collector.account, deposit, when, "fan_in");
      pay(collector.account, m.price_eur - deposit, when + rng.range(5, 20) * 86400, "fan_in");
      collected += m.price_eur;
    } else {
      pay(collector.account, m.price_eur, when, "fan_in");
      collected += m.price_eur;
    }
  }

  // Escrow release: after the arrival, the hawala agent pays the organiser in a few
  // transfers, keeping a commission.
  {
    double left = held * 0.94;
    std::int64_t t = tl.arrival + 3 * 3600;
    while (left > 1) {
      const double part = std::min(left, 20000.0 + 1000.0 * static_cast<double>(rng.below(15)));
      Row r{t, hawala.account, boss.account, round2(part), "Euro", round2(part), "Euro", "Wire", true, "escrow_release",
            boss.id, 0};
      add(std::move(r));
      left -= part;
      t += rng.range(600, 7200);
    }
  }

  // Structuring: the collector forwards what came in, each transfer just under 10,000.
  {
    double left = collected * 0.9;
    std::int64_t t = tl.start + season / 2;
    while (left > 100) {
      const double part = std::min(left, 9000.0 + static_cast<double>(rng.range(0, 95000)) / 100);
      Row r{t, collector.account, rng.chance(0.7) ? boss.account : boss2.account, round2(part), "Euro", round2(part),
            "Euro", rng.chance(0.5) ? "Cash" : "Wire", true, "structuring", collector.id, 0};
      add(std::move(r));
      left -= part;
      t += rng.range(18, 60) * 3600;
    }
  }

  // Pass-through: boat and engine money through the logistics man's account within hours.
  for (int i = 0; i < 8; ++i) {
    const std::int64_t t = tl.voyage_start - rng.range(3, 40) * 86400 + rng.range(0, 86399);
    const double amount = round2(4000 + rng.range(0, 6000) + static_cast<double>(rng.below(100)) / 100);
    add({t, boss.account, mule.account, amount, "US Dollar", amount, "US Dollar", "Wire", true, "pass_through", mule.id, 0});
    const double on = round2(amount * (0.97 + 0.02 * rng.unit()));
    Account seller{"0" + std::to_string(rng.range(2100, 2199)), hex_account(rng)};
    add({t + rng.range(20, 180) * 60, mule.account, seller, on, "US Dollar", on, "US Dollar",
         rng.chance(0.5) ? "Bitcoin" : "Cash", true, "pass_through", mule.id, 0});
  }

  // Background: a population of ordinary accounts, a few landlords and utilities that
  // many pay (legitimate fan-in), and AMLworld-style self "Reinvestment" rows.
  std::vector<Account> population;
  for (int i = 0; i < 2500; ++i) population.push_back({std::to_string(rng.range(1, 2999) * 10 + rng.range(0, 9)), hex_account(rng)});
  std::vector<Account> hubs(population.begin(), population.begin() + 6);
  static const std::vector<std::string> currencies = {"US Dollar", "US Dollar", "Euro", "Euro", "Euro", "UK Pound",
                                                      "Swiss Franc", "Saudi Riyal", "Yuan"};
  static const std::vector<std::string> formats = {"ACH", "ACH", "Cheque", "Credit Card", "Credit Card", "Cash", "Wire",
                                                   "Reinvestment"};
  const std::int64_t span = tl.end - tl.start;
  while (rows.size() < static_cast<std::size_t>(count)) {
    Row r;
    r.t = tl.start + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(span)));
    r.from = rng.pick(population);
    r.format = rng.pick(formats);
    if (r.format == "Reinvestment") r.to = r.from;
    else if (rng.chance(0.08)) r.to = rng.pick(hubs);
    else r.to = rng.pick(population);
    // Log-uniform amounts from cents to a few hundred thousand, like the benchmark.
    double amount = 1;
    const int decades = rng.irange(0, 5);
    for (int d = 0; d < decades; ++d) amount *= 10;
    amount = round2(amount * rng.uniform(1, 10));
    r.rcur = r.pcur = rng.pick(currencies);
    r.received = r.paid = amount;
    add(std::move(r));
  }
  if (rows.size() > static_cast<std::size_t>(count)) rows.resize(static_cast<std::size_t>(count));

  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.t != b.t ? a.t < b.t : a.seq < b.seq; });

  std::string csv = "Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering\n";
  Json planted_rows = Json::array();
  char amount_buf[64];
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const std::string ts = format_time(r.t);
    csv += ts;
    csv += ',' + r.from.bank + ',' + r.from.account + ',' + r.to.bank + ',' + r.to.account + ',';
    std::snprintf(amount_buf, sizeof amount_buf, "%.2f", r.received);
    const std::string received = amount_buf;
    csv += received;
    csv += ',' + r.rcur + ',';
    std::snprintf(amount_buf, sizeof amount_buf, "%.2f", r.paid);
    csv += amount_buf;
    csv += ',' + r.pcur + ',' + r.format + ',' + (r.laundering ? "1" : "0") + '\n';
    if (r.laundering) {
      planted_rows.push_back({{"row", i + 1},
                              {"timestamp", ts},
                              {"from", r.from.account},
                              {"to", r.to.account},
                              {"amount", received},
                              {"pattern", r.pattern},
                              {"party", r.note}});
    }
  }
  write_bytes(out, csv);

  Json& t = truth["payments"];
  t["file"] = out.filename().string();
  t["rows"] = rows.size();
  t["laundering_rows"] = planted_rows.size();
  t["collector_account"] = collector.account.account;
  t["hawala_account"] = hawala.account.account;
  t["escrow_migrants"] = escrow_migrants;
  t["threshold_eur"] = 10000;
  t["planted"] = std::move(planted_rows);
}

}  // namespace corridor::demo

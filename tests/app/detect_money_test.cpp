// The money detectors on a case, run as a user would: an AMLworld CSV and an advert
// ingested, `corridor detect CASE --detector money`, then the indicators with the
// statements behind their reasons. Planted: families paying a collector the advertised
// price (fan-in and price match), the collector forwarding it just under 10,000
// (structuring), and a mule passing money straight on; around them, ordinary traffic.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "model/entity_keys.hpp"
#include "support/temp_dir.hpp"

using corridor::test::run_corridor;
using corridor::test::TempDir;
using corridor::test::write_file;

namespace {

std::string stamp(int minutes) {
  const int day = 1 + minutes / 1440, hour = minutes / 60 % 24, minute = minutes % 60;
  char buf[32];
  std::snprintf(buf, sizeof buf, "2022/09/%02d %02d:%02d", day, hour, minute);
  return buf;
}

std::string row(int minutes, const std::string& from, const std::string& to, double amount,
                const std::string& currency = "Euro", const std::string& format = "Wire", int laundering = 0) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s,%s,%s,%.2f,%s,%.2f,%s,%s,%d\n", stamp(minutes).c_str(), from.c_str(), to.c_str(),
                amount, currency.c_str(), amount, currency.c_str(), format.c_str(), laundering);
  return buf;
}

// "bank,account" of a named test account.
std::string acct(const std::string& name) {
  std::string hex;
  unsigned h = 2166136261u;
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%u,8%08X", 100 + h % 50, h);
  return buf;
}

std::string account_id(const std::string& name) {
  std::string a = acct(name);
  a[a.find(',')] = ':';
  return corridor::keys::bank_account(a);
}

std::string payments_csv() {
  std::string csv =
      "Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,"
      "Payment Format,Is Laundering\n";
  // Ordinary traffic: 40 people paying each other amounts with cents, over 20 days.
  unsigned x = 12345;
  const auto next = [&] { return x = x * 1103515245u + 12345u, (x >> 8) % 100000; };
  for (int i = 0; i < 300; ++i) {
    const int a = static_cast<int>(next() % 40), b = static_cast<int>((a + 1 + next() % 39) % 40);
    csv += row(static_cast<int>(next() % (20 * 1440)), acct("person" + std::to_string(a)), acct("person" + std::to_string(b)),
               5 + static_cast<double>(next() % 300000) / 100);
  }
  // Seven families pay the collector the advertised 3,000 euro within three days.
  for (int i = 0; i < 7; ++i) csv += row(2000 + 600 * i, acct("family" + std::to_string(i)), acct("collector"), 3000, "Euro", "Wire", 1);
  // The collector forwards it just under 10,000, four times in five days.
  for (int i = 0; i < 4; ++i) csv += row(8000 + 1700 * i, acct("collector"), acct("organiser"), 9400 + 130 * i, "Euro", "Cash", 1);
  // A mule passes the boss's money straight on, three times.
  for (int i = 0; i < 3; ++i) {
    csv += row(15000 + 2880 * i, acct("boss"), acct("mule"), 6000 + 500 * i, "US Dollar", "Wire", 1);
    csv += row(15000 + 2880 * i + 90, acct("mule"), acct("seller" + std::to_string(i)), (6000 + 500 * i) * 0.98, "US Dollar",
               "Bitcoin", 1);
  }
  return csv;
}

}  // namespace

TEST(DetectMoney, IndicatorsOnACaseCiteThePaymentStatements) {
  TempDir t;
  const std::string dir = (t / "op").string();
  auto r = run_corridor({"case", "init", dir, "--title", "Money", "--examiner", "Examiner 1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  write_file(t / "payments.csv", payments_csv());
  write_file(t / "posts.jsonl",
             R"({"platform":"facebook","post_id":"p1","author_id":"u1","author_name":"Sea Travel","time":"2022-08-20T18:40:00Z","text":"Boat to Italy every week, price 3000 EUR per person, pay after arrival. WhatsApp +218 91 234 5678"})"
             "\n");
  r = run_corridor({"ingest", dir, (t / "payments.csv").string(), (t / "posts.jsonl").string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;

  r = run_corridor({"detect", dir, "--detector", "money", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto runs = nlohmann::json::parse(r.out)["runs"];
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0]["detector"], "money");
  const auto found = runs[0]["indicators"].get<std::size_t>();

  r = run_corridor({"indicators", dir, "--detector", "money", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto list = nlohmann::json::parse(r.out);
  const auto& indicators = list.is_array() ? list : list["indicators"];
  ASSERT_EQ(indicators.size(), found);

  std::map<std::string, std::set<std::string>> subjects;  // detector -> subjects of its indicators
  for (const auto& ind : indicators) {
    const std::string detector = ind["detector"];
    EXPECT_EQ(detector.rfind("money.", 0), 0u) << detector;
    EXPECT_GE(ind["score"].get<double>(), 0.5);
    EXPECT_LE(ind["score"].get<double>(), 1.0);
    for (const auto& s : ind["subjects"]) subjects[detector].insert(s.get<std::string>());
    ASSERT_FALSE(ind["reasons"].empty());
    for (const auto& reason : ind["reasons"]) {
      EXPECT_FALSE(reason["statements"].empty()) << reason["text"];
      for (const auto& st : reason["statements"]) {
        const std::string property = st["property"];
        // Every cited statement exists in the case (the listing reads it back) and is a
        // payment's, or the advert's price; the truth column is never evidence.
        EXPECT_TRUE(property == "payer" || property == "beneficiary" || property == "amount" || property == "currency" ||
                    property == "date" || property == "amountMentioned")
            << property;
        EXPECT_EQ(st["evidence_sha256"].get<std::string>().size(), 64u);
        EXPECT_FALSE(st["locator"].get<std::string>().empty());
      }
    }
  }
  const std::string collector = account_id("collector"), mule = account_id("mule");
  EXPECT_TRUE(subjects["money.fan_in"].count(collector)) << r.out;
  EXPECT_TRUE(subjects["money.structuring"].count(collector)) << r.out;
  EXPECT_TRUE(subjects["money.structuring"].count(account_id("organiser")));
  EXPECT_TRUE(subjects["money.price_match"].count(collector));
  for (int i = 0; i < 7; ++i) EXPECT_TRUE(subjects["money.price_match"].count(account_id("family" + std::to_string(i))));
  EXPECT_TRUE(subjects["money.pass_through"].count(mule));
  // Nothing about the ordinary traffic.
  for (const auto& [detector, ids] : subjects)
    for (int i = 0; i < 40; ++i) EXPECT_FALSE(ids.count(account_id("person" + std::to_string(i)))) << detector;

  // The price match cites the advert.
  bool cites_advert = false;
  for (const auto& ind : indicators)
    if (ind["detector"] == "money.price_match")
      for (const auto& reason : ind["reasons"])
        for (const auto& st : reason["statements"]) cites_advert |= st["property"] == "amountMentioned" && st["value"] == "3000 EUR";
  EXPECT_TRUE(cites_advert);

  // Running again replaces the open indicators instead of adding to them.
  r = run_corridor({"detect", dir, "--detector", "money"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_corridor({"indicators", dir, "--detector", "money", "--json"});
  const auto again = nlohmann::json::parse(r.out);
  EXPECT_EQ((again.is_array() ? again : again["indicators"]).size(), found);
}

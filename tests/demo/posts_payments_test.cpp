#include <gtest/gtest.h>

#include <set>

#include "core/unicode.hpp"
#include "demo_case.hpp"

namespace corridor::test {
namespace {

std::string digits_only(const std::string& utf8) {
  std::string out;
  for (char c : unicode::fold_digits(utf8))
    if (c >= '0' && c <= '9') out += c;
  return out;
}

TEST(Posts, EveryLineParsesWithTheFields) {
  const auto& sc = shared_case();
  std::set<std::string> ids;
  for (const auto& line : lines_of(read_file(sc.c.posts))) {
    const auto j = nlohmann::json::parse(line);
    for (const char* k : {"platform", "post_id", "author_id", "author_name", "time", "text", "url", "group"}) {
      ASSERT_TRUE(j.contains(k)) << k << " in " << line;
      EXPECT_TRUE(j[k].is_string()) << k;
    }
    EXPECT_TRUE(ids.insert(j["post_id"].get<std::string>()).second) << "duplicate post_id";
    EXPECT_EQ(j["time"].get<std::string>().size(), 20u);
  }
}

TEST(Posts, TruthListsEveryPostOnceAsOfferOrNegative) {
  const auto& sc = shared_case();
  std::map<std::string, std::string> text_of;
  for (const auto& line : lines_of(read_file(sc.c.posts))) {
    const auto j = nlohmann::json::parse(line);
    text_of[j["post_id"]] = j["text"];
  }
  const auto& t = sc.truth["posts"];
  EXPECT_EQ(t["offers"].size() + t["negatives"].size(), text_of.size());
  EXPECT_GT(t["offers"].size(), text_of.size() / 6);
  EXPECT_GT(t["negatives"].size(), text_of.size() / 2);
  std::set<std::string> seen;
  int with_member = 0;
  for (const auto& o : t["offers"]) {
    const std::string id = o["post_id"];
    ASSERT_TRUE(text_of.count(id)) << id;
    EXPECT_TRUE(seen.insert(id).second);
    const std::string digits = digits_only(text_of[id]);
    if (!o["phone"].is_null()) {
      // The number is in the text in some script and spacing: its last 7 digits survive.
      const std::string e164 = o["phone"];
      EXPECT_NE(digits.find(e164.substr(e164.size() - 7)), std::string::npos) << text_of[id] << " / " << e164;
    }
    if (!o["handle"].is_null()) {
      EXPECT_NE(text_of[id].find("@" + o["handle"].get<std::string>()), std::string::npos);
    }
    if (!o["member"].is_null()) ++with_member;
    // The advertised price is written in the text (maybe with a thousands separator).
    const std::string price = std::to_string(o["price"].get<int>());
    EXPECT_NE(digits.find(price), std::string::npos) << text_of[id];
  }
  EXPECT_GT(with_member, 0);
  for (const auto& n : t["negatives"]) {
    EXPECT_TRUE(seen.insert(n["post_id"].get<std::string>()).second);
    EXPECT_NE(n["kind"], "offer");
  }
}

TEST(Payments, HeaderAndRowsFollowAmlworld) {
  const auto& sc = shared_case();
  const auto lines = lines_of(read_file(sc.c.payments));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0],
            "Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment "
            "Currency,Payment Format,Is Laundering");
  std::string prev;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto f = split_csv(lines[i]);
    ASSERT_EQ(f.size(), 11u) << lines[i];
    EXPECT_EQ(f[0].size(), 16u) << f[0];  // 2025/03/01 00:20
    EXPECT_GE(f[0], prev) << "rows in time order";
    prev = f[0];
    EXPECT_TRUE(f[10] == "0" || f[10] == "1");
  }
}

TEST(Payments, EveryPlantedRowIsThereWithIsLaundering) {
  const auto& sc = shared_case();
  const auto lines = lines_of(read_file(sc.c.payments));
  std::size_t ones = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) ones += lines[i].back() == '1';
  const auto& planted = sc.truth["payments"]["planted"];
  EXPECT_EQ(planted.size(), ones);
  std::map<std::string, int> patterns;
  for (const auto& p : planted) {
    const std::size_t row = p["row"];
    ASSERT_LT(row, lines.size());
    const auto f = split_csv(lines[row]);
    EXPECT_EQ(f[0], p["timestamp"]);
    EXPECT_EQ(f[2], p["from"]);
    EXPECT_EQ(f[4], p["to"]);
    EXPECT_EQ(f[5], p["amount"]);
    EXPECT_EQ(f[10], "1");
    ++patterns[p["pattern"]];
  }
  for (const char* k : {"fan_in", "escrow", "escrow_release", "structuring", "pass_through"}) EXPECT_GT(patterns[k], 0) << k;
  // Structuring stays under the 10,000 threshold; escrow is released only after arrival.
  const std::string arrival = sc.truth["timeline"]["arrival"];
  for (const auto& p : planted) {
    if (p["pattern"] == "structuring") {
      EXPECT_LT(std::stod(p["amount"].get<std::string>()), 10000.0);
    }
    if (p["pattern"] == "escrow_release") {
      std::string ts = p["timestamp"];  // 2025/08/20 12:00 vs 2025-08-20T09:00:00Z
      for (auto& ch : ts) ch = ch == '/' ? '-' : (ch == ' ' ? 'T' : ch);
      EXPECT_GT(ts, arrival.substr(0, 16));
    }
  }
}

TEST(Payments, FanInComesFromManyFamiliesToOneCollector) {
  const auto& sc = shared_case();
  std::set<std::string> senders;
  for (const auto& p : sc.truth["payments"]["planted"]) {
    if (p["pattern"] == "fan_in") {
      EXPECT_EQ(p["to"], sc.truth["payments"]["collector_account"]);
      senders.insert(p["from"]);
    }
  }
  EXPECT_GE(senders.size(), 5u);
}

}  // namespace
}  // namespace corridor::test

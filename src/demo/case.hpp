#pragma once
// The invented case every writer draws from: the people of the network, the migrants
// they moved, the timeline, and the ground truth each writer adds to as it plants
// something. Everything here is fictitious.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "demo/rng.hpp"

namespace corridor::demo {

// An account as the AMLworld transaction schema names it: a bank code and an account id.
struct Account {
  std::string bank;     // "011", "02842"
  std::string account;  // "8012A47C3"
};

struct Member {
  std::string id;           // "N01"
  std::string name;         // Latin transliteration
  std::string name_native;  // in the person's own script (equal to name for Latin scripts)
  std::string alias;        // what chats call them ("Abu Yasin", "el-Hajj")
  std::string role;         // organiser, recruiter, driver, captain, hawala, forger, cashier, guard, logistics
  std::string country;      // ISO 3166 alpha-2: LY, SD, IT
  std::string city;
  std::vector<std::string> phones;  // E.164
  std::string telegram;             // handle without '@', empty if none
  std::int64_t telegram_id = 0;
  std::string wallet;  // USDT on Tron (base58check), empty if none
  std::string iban;    // empty if none
  Account account;     // in payments.csv
};

struct Migrant {
  std::string id;           // "M-0001": the only identifier the ground truth gives
  std::string first_name;   // used in chats only
  std::string nationality;  // ISO 3166 alpha-3 as in MRZs: ERI, SDN, NGA...
  std::string language;     // the language they write in: ar, ti, en, fa, ps, ur, ku, fr
  std::string recruiter;    // member id
  Account family;           // the relative who pays
  int price_eur = 0;        // the agreed price of the crossing
};

struct Network {
  std::vector<Member> members;
  std::vector<Migrant> migrants;
  std::vector<std::string> other_smuggler_phones;  // offers by people outside the network
  const Member& by_role(const std::string& role, std::size_t nth = 0) const;
  std::vector<const Member*> all_with_role(const std::string& role) const;
  const Member& by_id(const std::string& id) const;
};

// The case timeline, in Unix seconds (UTC).
struct Timeline {
  std::int64_t start = 0;         // first post and payment
  std::int64_t end = 0;           // last post and payment
  std::int64_t voyage_start = 0;  // the AIS log covers three days from here
  std::int64_t voyage_end = 0;
  std::int64_t arrival = 0;       // the last small boat reaches Lampedusa: escrow is released after it
};
Timeline case_timeline();

// The sea story the AIS log tells and the chats and photos echo: a mother vessel goes dark
// offshore, reappears, loiters and meets two small boats that left a launch beach west
// of Zuwara; the boats go on to Lampedusa.
struct StoryVessel {
  std::uint32_t mmsi = 0;
  std::string name, callsign;
};
struct Story {
  StoryVessel mother;       // class A fishing vessel
  StoryVessel boats[2];     // class B small craft
  double meet_lat = 0, meet_lon = 0;    // where the meetings happen
  double beach_lat = 0, beach_lon = 0;  // the launch beach
  double dark_lat = 0, dark_lon = 0;    // where the mother vessel goes dark
  std::int64_t dark_start = 0, dark_end = 0;       // the gap
  std::int64_t loiter_start = 0, loiter_end = 0;   // the mother vessel drifts
  std::int64_t depart[2] = {0, 0};                 // boats leave the beach
  std::int64_t meet_start[2] = {0, 0}, meet_end[2] = {0, 0};
  std::int64_t arrive[2] = {0, 0};                 // boats reach Lampedusa
};
Story make_story(Rng rng, const Timeline& tl);

Network make_network(Rng rng, int members, int migrants);

// "2025-08-18T04:20:00Z"
std::string iso_utc(std::int64_t unix_seconds);
struct Civil {
  int year, month, day, hour, minute, second;
};
Civil civil_from_unix(std::int64_t unix_seconds);

}  // namespace corridor::demo

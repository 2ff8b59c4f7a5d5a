// The people of the case. Roles follow how central Mediterranean networks are described in
// court records and UNODC reports: organisers in Libya and Sudan, recruiters where migrants
// gather, drivers across the Sahara, a captain, a hawala agent in Italy holding the money
// until arrival, a document forger; the migrants are victims and get pseudonymous ids.
#include <cstdio>
#include <set>

#include "core/time.hpp"
#include "demo/case.hpp"
#include "demo/identifiers.hpp"
#include "demo/names.hpp"

namespace corridor::demo {

namespace {

struct Slot {
  const char* role;
  const char* country;
  const char* community;
  const char* city;
};

// The first slots are the network's core; further members repeat the supporting roles.
const std::vector<Slot>& slots() {
  static const std::vector<Slot> s = {
      {"organiser", "LY", "ly", "Zuwara"},    {"organiser", "LY", "ly", "Sabratha"}, {"organiser", "SD", "sd", "Khartoum"},
      {"captain", "LY", "ly", "Zuwara"},      {"hawala", "IT", "er", "Milano"},      {"forger", "SD", "sd", "Omdurman"},
      {"cashier", "LY", "ly", "Tripoli"},     {"recruiter", "SD", "sd", "Khartoum"}, {"recruiter", "SD", "sd", "Gedaref"},
      {"recruiter", "LY", "ly", "Kufra"},     {"recruiter", "IT", "er", "Roma"},     {"driver", "LY", "ly", "Kufra"},
      {"driver", "SD", "sd", "Dongola"},      {"driver", "LY", "ly", "Sabha"},       {"guard", "LY", "ly", "Bani Walid"},
      {"logistics", "LY", "ly", "Zuwara"},    {"recruiter", "SD", "sd", "Port Sudan"}, {"recruiter", "LY", "ly", "Tripoli"},
      {"driver", "LY", "ly", "Ajdabiya"},     {"driver", "SD", "sd", "Atbara"},      {"guard", "LY", "ly", "Sabratha"},
      {"cashier", "IT", "it", "Catania"},     {"logistics", "IT", "it", "Agrigento"}, {"recruiter", "SD", "sd", "Kassala"},
      {"driver", "LY", "ly", "Ghadames"},     {"guard", "LY", "ly", "Zawiya"},       {"recruiter", "LY", "ly", "Misrata"},
      {"driver", "SD", "sd", "Khartoum"},     {"logistics", "LY", "ly", "Zawiya"},   {"guard", "SD", "sd", "Dongola"},
  };
  return s;
}

std::string account_id(Rng& rng, std::set<std::string>& used) {
  static const char* hex = "0123456789ABCDEF";
  for (;;) {
    std::string a = "80";
    for (int i = 0; i < 7; ++i) a += hex[rng.below(16)];
    if (used.insert(a).second) return a;
  }
}

std::string bank_code(Rng& rng, std::string_view country) {
  // AMLworld writes banks as numeric ids of varying width; ours keep a country flavour.
  if (country == "IT") return std::to_string(rng.range(1, 40) * 100 + 3);
  if (country == "LY") return "0" + std::to_string(rng.range(2100, 2199));
  if (country == "SD") return "0" + std::to_string(rng.range(3300, 3349));
  return std::to_string(rng.range(10, 29999));
}

std::string handle(Rng& rng, const Member& m) {
  static const std::vector<std::string_view> stems = {"safar", "tarhil", "bahr", "hijra", "lampedusa", "italia",
                                                      "europa", "rihla", "amal", "taxi", "cargo", "travel"};
  std::string given = m.name.substr(0, m.name.find(' '));
  for (auto& c : given) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  switch (rng.below(3)) {
    case 0: return given + "_" + std::string(rng.pick(stems)) + std::to_string(rng.range(1, 99));
    case 1: return std::string(rng.pick(stems)) + "_" + given;
    default: return std::string(rng.pick(stems)) + std::to_string(rng.range(2020, 2025)) + "_" + given.substr(0, 3);
  }
}

}  // namespace

const Member& Network::by_role(const std::string& role, std::size_t nth) const {
  auto all = all_with_role(role);
  return *all.at(nth % all.size());
}

std::vector<const Member*> Network::all_with_role(const std::string& role) const {
  std::vector<const Member*> out;
  for (const auto& m : members)
    if (m.role == role) out.push_back(&m);
  return out;
}

const Member& Network::by_id(const std::string& id) const {
  for (const auto& m : members)
    if (m.id == id) return m;
  return members.front();
}

Timeline case_timeline() {
  Timeline t;
  t.start = days_from_civil(2025, 3, 1) * 86400;
  t.end = days_from_civil(2025, 8, 31) * 86400;
  t.voyage_start = days_from_civil(2025, 8, 18) * 86400;
  t.voyage_end = t.voyage_start + 3 * 86400;
  t.arrival = t.voyage_start + 86400 + 22 * 3600;  // 19 August, 22:00 UTC (see make_story)
  return t;
}

Network make_network(Rng rng, int members, int migrants) {
  Network net;
  std::set<std::string> used_accounts, used_phones, used_handles;
  auto fresh_phone = [&](std::string_view country) {
    for (;;) {
      std::string p = mobile_e164(rng, country);
      if (used_phones.insert(p).second) return p;
    }
  };
  for (int i = 0; i < members; ++i) {
    const Slot& s = slots()[static_cast<std::size_t>(i) % slots().size()];
    Member m;
    char id[16];
    std::snprintf(id, sizeof id, "N%02d", i + 1);
    m.id = id;
    m.role = s.role;
    m.country = s.country;
    m.city = s.city;
    const PersonName n = make_name(rng, s.community);
    m.name = n.latin;
    m.name_native = n.native;
    m.alias = make_alias(rng, s.community);
    // Organisers and recruiters rotate SIM cards; drivers and guards keep one.
    const bool busy = m.role == "organiser" || m.role == "recruiter" || m.role == "cashier";
    const int nphones = busy ? rng.irange(2, 3) : 1;
    for (int k = 0; k < nphones; ++k) {
      // A Libyan organiser often also holds a Tunisian or Turkish line; Sudanese a Libyan one.
      std::string_view c = m.country;
      if (k == 2) c = m.country == "SD" ? "LY" : (m.country == "LY" ? "TN" : "TR");
      m.phones.push_back(fresh_phone(c));
    }
    if (m.role != "guard" && m.role != "driver" ? true : rng.chance(0.3)) {
      for (;;) {
        m.telegram = handle(rng, m);
        if (used_handles.insert(m.telegram).second) break;
      }
      m.telegram_id = rng.range(100000000, 7999999999);
    }
    if (m.role == "organiser" || m.role == "hawala" || m.role == "cashier" || m.role == "forger")
      m.wallet = make_tron_address(rng);
    if (m.country == "IT" || m.role == "organiser" || m.role == "cashier")
      m.iban = make_iban(rng, m.country == "IT" ? "IT" : (m.country == "SD" ? "TR" : "LY"));
    m.account = {bank_code(rng, m.country), account_id(rng, used_accounts)};
    net.members.push_back(std::move(m));
  }

  struct Nat {
    const char* code;
    const char* community;
    const char* language;
    const char* home;  // where the paying family lives (for the bank code)
    double weight;
    int base_price;
  };
  static const std::vector<Nat> nats = {
      {"ERI", "er", "ar", "DE", 20, 3200}, {"SDN", "sd", "ar", "SD", 25, 2500}, {"NGA", "ng", "en", "NG", 9, 3000},
      {"AFG", "af", "fa", "IR", 7, 4000},  {"PAK", "pk", "ur", "PK", 6, 4200},  {"SYR", "sy", "ar", "TR", 5, 3800},
      {"EGY", "eg", "ar", "EG", 8, 3500},  {"BGD", "bd", "en", "SA", 10, 4500}, {"MLI", "ml", "fr", "FR", 6, 2800},
      {"IRQ", "kurd", "ku", "DE", 4, 4500},
  };
  std::vector<double> weights;
  for (const auto& n : nats) weights.push_back(n.weight);
  const auto recruiters = net.all_with_role("recruiter");
  for (int i = 0; i < migrants; ++i) {
    const Nat& n = nats[rng.weighted(weights)];
    Migrant mg;
    char id[20];
    std::snprintf(id, sizeof id, "M-%04d", i + 1);
    mg.id = id;
    mg.nationality = n.code;
    mg.language = n.language;
    if (mg.nationality == "AFG" && rng.chance(0.4)) mg.language = "ps";
    mg.first_name = make_name(rng, n.community, rng.chance(0.2)).given;
    // Sudanese recruiters take East Africans; the others whoever reaches Libya.
    std::vector<const Member*> pool;
    for (const Member* r : recruiters) {
      const bool east = mg.nationality == "ERI" || mg.nationality == "SDN";
      if ((r->country == "SD" || r->country == "IT") == east) pool.push_back(r);
    }
    if (pool.empty()) pool = recruiters;
    mg.recruiter = pool.empty() ? std::string() : rng.pick(pool)->id;
    mg.family = {bank_code(rng, n.home), account_id(rng, used_accounts)};
    mg.price_eur = n.base_price + 100 * rng.irange(-3, 6);
    net.migrants.push_back(std::move(mg));
  }

  static const std::vector<std::string_view> outsiders = {"TN", "EG", "TR", "LY", "NE"};
  for (int i = 0; i < 12; ++i) net.other_smuggler_phones.push_back(fresh_phone(rng.pick(outsiders)));
  return net;
}

Civil civil_from_unix(std::int64_t t) {
  std::int64_t days = t / 86400, secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  // Howard Hinnant's civil_from_days.
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  Civil c;
  c.year = static_cast<int>(y + (m <= 2));
  c.month = static_cast<int>(m);
  c.day = static_cast<int>(d);
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs % 3600 / 60);
  c.second = static_cast<int>(secs % 60);
  return c;
}

std::string iso_utc(std::int64_t t) {
  const Civil c = civil_from_unix(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second);
  return buf;
}

}  // namespace corridor::demo

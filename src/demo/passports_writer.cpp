// Documents/passports.txt: the MRZs of the passports the network held, as a forger's or
// organiser's phone keeps them (typed out from scans, one block per document). Most are
// migrants' genuine passports taken as collateral; some are forged, each for a reason a
// document check must catch: a wrong check digit, one number under two names, an ICAO or
// national specimen number, an expired document.
#include <cstdio>

#include "demo/identifiers.hpp"
#include "demo/names.hpp"
#include "demo/writers.hpp"

namespace corridor::demo {

namespace {

std::string mrz_name(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 'a' && c <= 'z') out += static_cast<char>(c - 'a' + 'A');
    else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c);
    else if (c == ' ' || c == '-' || c == '\'') out += '<';
    else if (c == 0xC3 && i + 1 < s.size()) {  // Latin-1 supplement letters: é ë ï ç... to their base
      const unsigned char d = static_cast<unsigned char>(s[++i]);
      const char* map = "AAAAAAACEEEEIIII" "DNOOOOOxOUUUUYTs" "AAAAAAACEEEEIIII" "DNOOOOO/OUUUUYTY";
      const char m = map[(d - 0x80) & 0x3F];
      out += (m >= 'a' ? static_cast<char>(m - 'a' + 'A') : m);
    } else if (c == 0xC4 || c == 0xC5) {  // ı ş...: skip the lead byte, map roughly
      ++i;
      out += 'I';
    }
  }
  return out;
}

std::string pad(std::string s, std::size_t n) {
  if (s.size() > n) s.resize(n);
  s.append(n - s.size(), '<');
  return s;
}

std::string yymmdd(const Civil& c) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d%02d%02d", c.year % 100, c.month, c.day);
  return b;
}

struct Doc {
  std::string issuer, surname, given, number, nationality, sex;
  Civil birth{}, expiry{};
};

std::string line1(const Doc& d) { return pad("P<" + d.issuer + mrz_name(d.surname) + "<<" + mrz_name(d.given), 44); }

std::string line2(const Doc& d, bool break_check) {
  const std::string number = pad(d.number, 9);
  char number_check = mrz_check_digit(number);
  if (break_check) number_check = static_cast<char>('0' + (number_check - '0' + 3) % 10);
  const std::string birth = yymmdd(d.birth), expiry = yymmdd(d.expiry);
  const std::string personal = pad("", 14);
  std::string l = number + number_check + d.nationality + birth + mrz_check_digit(birth) + d.sex + expiry +
                  mrz_check_digit(expiry) + personal + '0';
  const std::string composite = l.substr(0, 10) + l.substr(13, 7) + l.substr(21, 22);
  return l + mrz_check_digit(composite);
}

std::string number_for(Rng& rng, std::string_view nat) {
  auto digits = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.below(10));
    return s;
  };
  if (nat == "NGA") return "A" + digits(8);
  if (nat == "PAK") return "AB" + digits(7);
  if (nat == "BGD") return "EC" + digits(7);
  if (nat == "ITA") return "YA" + digits(7);
  if (nat == "MLT") return "12" + digits(5);
  return "P0" + digits(7);
}

std::string community_for(std::string_view nat) {
  static const std::vector<std::pair<std::string_view, std::string_view>> m = {
      {"ERI", "er"}, {"SDN", "sd"}, {"NGA", "ng"}, {"AFG", "af"}, {"PAK", "pk"}, {"SYR", "sy"},
      {"EGY", "eg"}, {"BGD", "bd"}, {"MLI", "ml"}, {"IRQ", "kurd"}, {"LBY", "ly"}, {"ITA", "it"}};
  for (const auto& [k, v] : m)
    if (k == nat) return std::string(v);
  return "sd";
}

}  // namespace

ArchiveEntry write_passports(const Network& net, const Timeline& tl, Rng rng, int count, Json& truth) {
  std::string text = "# scans " + iso_utc(tl.voyage_start - 5 * 86400).substr(0, 10) + "\n\n";
  Json list = Json::array();
  // Reasons, in the order they are planted among the first documents.
  const std::vector<std::string> forged = {"bad_check_digit", "duplicate_number", "duplicate_number", "specimen_number",
                                           "expired", "bad_check_digit", "specimen_number", "expired", "expired"};
  const std::size_t nforged = std::min<std::size_t>(forged.size(), static_cast<std::size_t>(count / 5));
  std::string shared_number;
  for (int i = 0; i < count; ++i) {
    const std::size_t k = static_cast<std::size_t>(i);
    const std::string reason = k < nforged ? forged[k] : "";
    Doc d;
    std::string holder;
    const bool for_member = !reason.empty() && k % 2 == 0;
    if (for_member) {
      // Forged European passports for members who travel.
      const Member& m = net.members[k % net.members.size()];
      holder = m.id;
      d.issuer = d.nationality = rng.chance(0.5) ? "ITA" : "MLT";
      d.surname = m.name.substr(m.name.find(' ') + 1);
      d.given = m.name.substr(0, m.name.find(' '));
    } else {
      const Migrant& m = net.migrants[k % net.migrants.size()];
      holder = m.id;
      d.issuer = d.nationality = m.nationality;
      const PersonName n = make_name(rng, community_for(m.nationality));
      d.given = m.first_name;
      d.surname = n.latin.substr(n.latin.find(' ') + 1);
    }
    d.sex = rng.chance(0.8) ? "M" : "F";
    d.number = number_for(rng, d.nationality);
    d.birth = civil_from_unix(tl.start - static_cast<std::int64_t>(rng.range(18 * 365, 45 * 365)) * 86400);
    d.expiry = civil_from_unix(tl.start + static_cast<std::int64_t>(rng.range(200, 3000)) * 86400);
    if (reason == "expired") d.expiry = civil_from_unix(tl.start - static_cast<std::int64_t>(rng.range(30, 1500)) * 86400);
    if (reason == "specimen_number") d.number = k == 3 ? "SPECI2014" : "L898902C3";  // Dutch and ICAO 9303 specimens
    if (reason == "duplicate_number") {
      if (shared_number.empty()) shared_number = d.number;
      else d.number = shared_number;
    }
    const std::string l1 = line1(d), l2 = line2(d, reason == "bad_check_digit");
    text += l1 + "\n" + l2 + "\n\n";
    list.push_back({{"index", i + 1}, {"number", d.number}, {"nationality", d.nationality}, {"holder", holder},
                    {"line1", l1}, {"line2", l2}, {"genuine", reason.empty()},
                    {"reason", reason.empty() ? Json(nullptr) : Json(reason)}});
  }
  truth["passports"] = std::move(list);
  return {"Documents/passports.txt", text, tl.voyage_start - 5 * 86400};
}

}  // namespace corridor::demo

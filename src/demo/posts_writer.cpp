// posts.jsonl: scraped social-media posts, one JSON object a line. About three in ten are
// smuggling offers; the rest are hard negatives that share an offer's vocabulary, phone
// numbers and prices. Offers on the Libya-Italy route mostly carry the network's own
// phones and handles, so "ads that share a phone" link back to its members.
#include <algorithm>
#include <cstdio>

#include "demo/names.hpp"
#include "demo/post_templates.hpp"
#include "demo/writers.hpp"

namespace corridor::demo {

namespace {

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
}

// 2500 -> "2500", "2.500", "2,500" or "2 500", as people write it.
std::string written_number(Rng& rng, int n) {
  const std::string plain = std::to_string(n);
  if (n < 1000 || rng.chance(0.6)) return plain;
  static const std::vector<std::string_view> seps = {".", ",", " "};
  const std::string_view sep = rng.pick(seps);
  return plain.substr(0, plain.size() - 3) + std::string(sep) + plain.substr(plain.size() - 3);
}

std::string price_text(Rng& rng, const LanguagePack& p, int amount, bool dollars, DigitScript script) {
  std::vector<std::string_view> forms;
  for (auto f : p.currencies) {
    const bool is_dollar = f.find('$') != std::string_view::npos || f.find("دلار") != std::string_view::npos ||
                           f.find("دولار") != std::string_view::npos || f.find("ډالر") != std::string_view::npos ||
                           f.find("ڈالر") != std::string_view::npos || f.find("dollar") != std::string_view::npos ||
                           f.find("دۆلار") != std::string_view::npos;
    if (is_dollar == dollars) forms.push_back(f);
  }
  if (forms.empty()) forms = p.currencies;
  std::string s(rng.pick(forms));
  replace_all(s, "{n}", to_script(written_number(rng, amount), script));
  return s;
}

bool is_dollar_route_leg(std::string_view route) {
  return route.find("الكفرة") != std::string_view::npos || route.find("Kufra") != std::string_view::npos ||
         route.find("Agadez") != std::string_view::npos || route.find("ایران") != std::string_view::npos ||
         route.find("ایران څخه") != std::string_view::npos;
}

std::string community_of(std::string_view lang, Rng& rng) {
  if (lang == "ar") {
    static const std::vector<std::string_view> c = {"ly", "sd", "eg", "sy"};
    return std::string(rng.pick(c));
  }
  if (lang == "fa" || lang == "ps") return "af";
  if (lang == "ku") return "kurd";
  if (lang == "ur") return "pk";
  if (lang == "fr") return "ml";
  if (lang == "en") return "ng";
  if (lang == "tr") return "tr";
  return "ma";
}

}  // namespace

void write_posts(const Network& net, const Timeline& tl, Rng rng, int count, const std::filesystem::path& out, Json& truth) {
  const auto& packs = language_packs();
  // ar fa ps ku ur tr fr en es
  const std::vector<double> lang_weights = {32, 10, 6, 6, 8, 8, 10, 14, 6};
  std::vector<const Member*> advertisers = net.all_with_role("recruiter");
  for (const Member* m : net.all_with_role("organiser")) advertisers.push_back(m);

  struct Post {
    std::int64_t t;
    Json j;
    Json truth;
    bool offer;
  };
  std::vector<Post> posts;
  static const std::vector<std::string_view> platforms = {"facebook", "facebook", "facebook", "telegram", "tiktok", "x"};
  static const std::vector<std::string_view> agencies = {"Al-Nakheel", "Sahara Star", "Baraka", "Medina", "Blue Horizon", "Atlas"};
  static const std::vector<std::string_view> hashtags = {" #ليبيا #ايطاليا", " #italia #europe", " #lampedusa", " #harga", ""};

  for (int i = 0; i < count; ++i) {
    const LanguagePack& p = packs[rng.weighted(lang_weights)];
    const bool offer = rng.chance(0.3);
    const DigitScript script = rng.pick(p.scripts);
    const std::int64_t t = tl.start + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(tl.voyage_start - tl.start)));
    Json tj;
    std::string text, author_name, author_id, author_username;
    if (offer) {
      const Member* m = nullptr;
      if (p.route == "LY-IT" && !advertisers.empty() && rng.chance(0.75)) m = rng.pick(advertisers);
      const std::string e164 = m ? rng.pick(m->phones) : rng.pick(net.other_smuggler_phones);
      std::string handle = m ? m->telegram : "";
      if (!m && rng.chance(0.5)) handle = "trip_" + std::to_string(rng.range(100, 999)) + "_" + std::string(p.code);
      const std::string_view route = rng.pick(p.routes);
      const bool dollars = is_dollar_route_leg(route) || rng.chance(0.2);
      int amount = 0;
      if (is_dollar_route_leg(route)) amount = 100 * rng.irange(8, 15);
      else if (p.route == "TR-IT") amount = 500 * rng.irange(13, 18);
      else if (p.route == "MA-ES") amount = 500 * rng.irange(4, 8);
      else {
        static const int tariffs[] = {2500, 2800, 3000, 3200, 3500, 3800, 4000, 4200, 4500};
        amount = rng.pick(tariffs);
        if (dollars) amount += 500;
      }
      std::vector<std::string> parts;
      parts.emplace_back(rng.pick(p.openers));
      parts.emplace_back(route);
      if (rng.chance(0.7)) parts.emplace_back(rng.pick(p.boats));
      std::string price(rng.pick(p.prices));
      replace_all(price, "{price}", price_text(rng, p, amount, dollars, script));
      parts.push_back(price);
      if (rng.chance(0.75)) parts.emplace_back(rng.pick(p.pay_terms));
      std::vector<std::string_view> contacts;
      for (auto c : p.contacts)
        if (!handle.empty() || c.find("{handle}") == std::string_view::npos) contacts.push_back(c);
      std::string contact(rng.pick(contacts));
      const bool with_phone = contact.find("{phone}") != std::string::npos;
      replace_all(contact, "{phone}", spoken_phone(rng, e164, script));
      replace_all(contact, "{handle}", handle);
      parts.push_back(contact);
      const std::string_view closer = rng.pick(p.closers);
      if (!closer.empty()) parts.emplace_back(closer);
      static const std::vector<std::string_view> joins = {"\n", "\n", " - ", " ✅ ", ". ", "\n\n"};
      const std::string_view join = rng.pick(joins);
      for (std::size_t k = 0; k < parts.size(); ++k) text += (k ? std::string(join) : std::string()) + parts[k];
      if (p.code == "ar" || p.code == "en") text += rng.pick(hashtags);
      if (m) {
        author_name = rng.chance(0.5) ? m->alias : m->name_native;
        author_id = std::to_string(100000000000000 + m->telegram_id * 7 % 899999999999999);
        author_username = m->telegram;
      }
      tj = {{"kind", "offer"}, {"lang", p.code}, {"route", p.route}, {"member", m ? Json(m->id) : Json(nullptr)},
            {"phone", with_phone ? Json(e164) : Json(nullptr)}, {"handle", contact.find('@') != std::string::npos ? Json(handle) : Json(nullptr)},
            {"price", amount}, {"currency", dollars ? "USD" : "EUR"}};
    } else {
      const NegativeTemplate& n = rng.pick(p.negatives);
      text = n.text;
      const std::string e164 = mobile_e164(rng, rng.pick(p.phone_countries));
      const bool has_phone = text.find("{phone}") != std::string::npos;
      replace_all(text, "{phone}", spoken_phone(rng, e164, script));
      replace_all(text, "{price}", price_text(rng, p, 50 * rng.irange(4, 40), rng.chance(0.4), script));
      replace_all(text, "{lyd}", to_script(std::to_string(rng.irange(2, 60) * 10), script));
      replace_all(text, "{n}", to_script(std::to_string(rng.irange(3, 90)), script));
      const std::string_view city = rng.pick(p.cities);
      std::string_view city2 = rng.pick(p.cities);
      if (city2 == city) city2 = p.cities.front() == city ? p.cities.back() : p.cities.front();
      replace_all(text, "{city}", city);
      replace_all(text, "{city2}", city2);
      replace_all(text, "{agency}", rng.pick(agencies));
      const Civil c = civil_from_unix(t - rng.range(2, 40) * 86400);
      replace_all(text, "{date}", to_script(std::to_string(c.day) + "/" + std::to_string(c.month), script));
      const PersonName who = make_name(rng, community_of(p.code, rng));
      replace_all(text, "{name}", p.code == "en" || p.code == "fr" || p.code == "es" || p.code == "tr" ? who.given
                                                                                                        : who.native.substr(0, who.native.find(' ')));
      tj = {{"kind", n.kind}, {"lang", p.code}, {"phone", has_phone ? Json(e164) : Json(nullptr)}};
    }
    if (author_name.empty()) {
      const PersonName who = make_name(rng, community_of(p.code, rng), rng.chance(0.3));
      author_name = rng.chance(0.5) ? who.native : who.latin;
      author_id = std::to_string(100000000000000 + static_cast<std::int64_t>(rng.below(899999999999999)));
    }
    const std::string_view platform = rng.pick(platforms);
    const std::string post_id = std::to_string(1000000 + i) + std::to_string(rng.range(100000, 999999));
    const std::string_view group = rng.pick(p.groups);
    std::string url;
    if (platform == "facebook") url = "https://www.facebook.com/groups/" + std::to_string(rng.range(100000, 999999)) + "/posts/" + post_id;
    else if (platform == "telegram") url = "https://t.me/c/" + std::to_string(rng.range(1000000, 9999999)) + "/" + std::to_string(i + 1);
    else if (platform == "tiktok") url = "https://www.tiktok.com/@user" + author_id.substr(0, 8) + "/video/" + post_id;
    else url = "https://x.com/i/status/" + post_id;
    Json j = {{"platform", platform}, {"post_id", post_id}, {"author_id", author_id}, {"author_name", author_name}};
    if (!author_username.empty()) j["author_username"] = author_username;
    j["time"] = iso_utc(t);
    j["text"] = text;
    j["url"] = url;
    j["group"] = group;
    tj["post_id"] = post_id;
    posts.push_back({t, std::move(j), std::move(tj), offer});
  }
  std::stable_sort(posts.begin(), posts.end(), [](const Post& a, const Post& b) { return a.t < b.t; });

  std::string jsonl;
  Json offers = Json::array(), negatives = Json::array();
  for (const Post& p : posts) {
    jsonl += p.j.dump();
    jsonl += '\n';
    (p.offer ? offers : negatives).push_back(p.truth);
  }
  write_bytes(out, jsonl);
  Json& t = truth["posts"];
  t["file"] = out.filename().string();
  t["count"] = posts.size();
  t["offer_count"] = offers.size();
  t["negative_count"] = negatives.size();
  t["offers"] = std::move(offers);
  t["negatives"] = std::move(negatives);
}

}  // namespace corridor::demo

// Telegram/result.json: the network's private supergroup as Telegram Desktop exports one
// chat. Members coordinate there: recruiters announce how many people they have, the
// cashier confirms transfers, the captain gives the weather and the meeting point, the
// hawala agent releases the deposits after the arrival. Dates are the exporting
// machine's local time (Libya, UTC+2) in "date" and exact in "date_unixtime", as in real
// exports.
#include <algorithm>
#include <cstdio>

#include "demo/chat_text.hpp"
#include "demo/identifiers.hpp"
#include "demo/writers.hpp"

namespace corridor::demo {

namespace {

std::string local_date(std::int64_t t) {
  const Civil c = civil_from_unix(t + 7200);
  char b[32];
  std::snprintf(b, sizeof b, "%04d-%02d-%02dT%02d:%02d:%02d", c.year, c.month, c.day, c.hour, c.minute, c.second);
  return b;
}

std::string day_month(std::int64_t t) {
  const Civil c = civil_from_unix(t + 7200);
  return std::to_string(c.day) + "/" + std::to_string(c.month);
}

struct Planned {
  std::int64_t t;
  const Member* from;
  ChatText text;
  std::string kind;
  std::string photo;  // path relative to the export folder
};

}  // namespace

std::vector<ArchiveEntry> write_telegram(const Network& net, const Timeline& tl, const Story& story, Rng rng,
                                         const std::vector<ArchiveEntry>& photos, Json& truth) {
  std::vector<const Member*> in_group;
  for (const auto& m : net.members)
    if (!m.telegram.empty()) in_group.push_back(&m);
  const Member& boss = net.by_role("organiser", 0);
  const Member& boss_sd = net.by_role("organiser", 2);
  const Member& cashier = net.by_role("cashier", 0);
  const Member& hawala = net.by_role("hawala", 0);
  const Member& captain = net.by_role("captain", 0);
  const Member& forger = net.by_role("forger", 0);
  auto pick_role = [&](const std::string& role) -> const Member& {
    std::vector<const Member*> c;
    for (const Member* m : in_group)
      if (m->role == role) c.push_back(m);
    return c.empty() ? boss : *rng.pick(c);
  };
  auto digits = [&](const std::string& s) { return to_script(s, rng.chance(0.3) ? DigitScript::kArabicIndic : DigitScript::kAscii); };

  std::vector<Planned> plan;
  const std::int64_t from_t = tl.voyage_start - 60 * 86400, to_t = tl.voyage_start;
  const int routine = 320;
  for (int i = 0; i < routine; ++i) {
    const std::int64_t t = from_t + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(to_t - from_t)));
    ChatText x;
    std::string kind;
    const Member* who = nullptr;
    switch (rng.below(12)) {
      case 0: {
        who = &pick_role("recruiter");
        x.plain("عندي " + digits(std::to_string(rng.irange(3, 15))) + " سودانيين و" + digits(std::to_string(rng.irange(1, 8))) +
                " إريتريين جاهزين في " + who->city);
        kind = "recruits";
        break;
      }
      case 1: {
        who = &pick_role("recruiter");
        const Migrant& m = rng.pick(net.migrants);
        x.plain("واحد جديد " + m.first_name + "، رقم أهله ").phone(spoken_phone(rng, mobile_e164(rng, "SD"), DigitScript::kAscii));
        x.plain("، الدفع عن طريق الحاج");
        kind = "recruit_contact";
        break;
      }
      case 2: {
        who = &cashier;
        const Migrant& m = rng.pick(net.migrants);
        x.plain("وصلت حوالة ").bold(digits(std::to_string(m.price_eur)) + " يورو").plain(" من أهل " + m.first_name + " ✅");
        kind = "payment_received";
        break;
      }
      case 3: {
        who = &boss;
        x.plain("الدفع على المحفظة ").add("code", boss.wallet.empty() ? cashier.wallet : boss.wallet).plain(" (USDT TRC20) أو الحساب ");
        x.add("code", group_iban(boss.iban.empty() ? cashier.iban : boss.iban));
        kind = "payment_details";
        break;
      }
      case 4: {
        who = &pick_role("driver");
        x.plain(rng.chance(0.5) ? "وصلت الكفرة بـ" + digits(std::to_string(rng.irange(8, 25))) + " نفر، الطريق أمان"
                                : "طالع من دنقلا بكرة بالعربية، " + digits(std::to_string(rng.irange(8, 25))) + " ركاب");
        kind = "transport";
        break;
      }
      case 5: {
        who = &boss;
        x.plain("السعر الجديد ").bold(digits(std::to_string(500 * rng.irange(5, 9))) + " يورو").plain(" للنفر من " + day_month(t + 86400 * 7));
        kind = "price";
        break;
      }
      case 6: {
        who = &hawala;
        x.plain("الأمانات عندي " + digits(std::to_string(rng.irange(20, 120))) + "، ما نسلم شي إلا لما يوصلوا. اللي عنده سؤال يكلمني ");
        x.phone(spoken_phone(rng, hawala.phones.front(), DigitScript::kAscii));
        kind = "escrow_terms";
        break;
      }
      case 7: {
        who = &forger;
        x.plain("جوازات جاهزة " + digits(std::to_string(rng.irange(3, 10))) + " قطع، الصور على الخاص ").mention("@" + forger.telegram);
        kind = "documents";
        break;
      }
      case 8: {
        who = &pick_role("logistics");
        x.plain(rng.chance(0.5) ? "اشترينا محرك ياماها ٤٠، " + digits(std::to_string(rng.irange(40, 60) * 100)) + " دولار"
                                : "سترات نجاة " + digits(std::to_string(rng.irange(50, 200))) + " قطعة وصلت المخزن");
        kind = "logistics";
        break;
      }
      case 9: {
        who = &boss_sd;
        const Member& r = pick_role("recruiter");
        x.mention("@" + r.telegram).plain(" كلم الزبون هذا ").phone(spoken_phone(rng, mobile_e164(rng, "ER"), DigitScript::kAscii));
        kind = "handover";
        break;
      }
      case 10: {
        who = &captain;
        x.plain("البحر زين يوم " + day_month(t + 2 * 86400) + "، الموج أقل من متر");
        kind = "weather";
        break;
      }
      default: {
        who = rng.pick(in_group);
        static const std::vector<std::string> chatter = {"تمام", "إن شاء الله", "وصلت؟", "كلمني خاص", "👍", "ok",
                                                         "الحاج فين؟", "بكرة الصبح", "الله يسهل", "مفهوم"};
        x.plain(rng.pick(chatter));
        kind = "chatter";
        break;
      }
    }
    plan.push_back({t, who, std::move(x), kind, ""});
  }
  // The story, at its own times.
  char coords[64];
  std::snprintf(coords, sizeof coords, "%.3fN %.3fE", story.meet_lat, story.meet_lon);
  plan.push_back({story.dark_start - 4 * 3600, &captain, ChatText().plain("الباخرة " + story.mother.name + " تطفي الجهاز من الصبح، ما تكلموهاش"), "story_dark", ""});
  plan.push_back({story.depart[0] - 6 * 3600, &captain, ChatText().plain("نقطة اللقاء ").bold(coords).plain(" بعد نص الليل"), "story_meeting_point", ""});
  plan.push_back({story.depart[0] - 2 * 3600, &boss, ChatText().plain("القوارب الصغيرة تطلع من الشط الغربي الساعة ١٠ بالليل"), "story_departure", ""});
  plan.push_back({story.meet_end[1] + 1800, &captain, ChatText().plain("الكل نزل في القوارب ✅"), "story_transfer", ""});
  plan.push_back({story.arrive[1] + 3600, &boss, ChatText().plain("وصلوا لامبيدوزا الحمد لله 🇮🇹"), "story_arrival", ""});
  plan.push_back({tl.arrival + 4 * 3600, &hawala, ChatText().plain("تم فك الأمانات، حولت على حساب ").mention("@" + boss.telegram), "escrow_release", ""});
  // Photos posted in the group.
  for (std::size_t i = 0; i < photos.size() && i < 4; ++i) {
    const std::int64_t t = photos[i].mtime + 300;
    const Civil c = civil_from_unix(t + 7200);
    char name[96];
    std::snprintf(name, sizeof name, "photos/photo_%zu@%02d-%02d-%04d_%02d-%02d-%02d.jpg", i + 1, c.day, c.month, c.year, c.hour,
                  c.minute, c.second);
    plan.push_back({t, &captain, ChatText(), "photo", name});
  }
  std::stable_sort(plan.begin(), plan.end(), [](const Planned& a, const Planned& b) { return a.t < b.t; });

  const std::int64_t chat_id = rng.range(1500000000, 1999999999);
  const std::string title = "نقل - الجماعة 🚤";
  Json messages = Json::array();
  Json key = Json::array();
  std::vector<std::string> member_names;
  for (const Member* m : in_group) member_names.push_back(m->alias);
  const std::int64_t created = from_t - 3 * 86400;
  messages.push_back({{"id", 1}, {"type", "service"}, {"date", local_date(created)}, {"date_unixtime", std::to_string(created)},
                      {"actor", boss.alias}, {"actor_id", "user" + std::to_string(boss.telegram_id)}, {"action", "create_group"},
                      {"title", title}, {"members", member_names}, {"text", ""}, {"text_entities", Json::array()}});
  std::vector<ArchiveEntry> entries;
  int id = 1;
  std::vector<int> recent;
  for (const Planned& p : plan) {
    ++id;
    Json text_json;
    Json entities = Json::array();
    const bool rich = std::any_of(p.text.parts.begin(), p.text.parts.end(), [](const TextPart& tp) { return tp.type != "plain"; });
    if (rich) {
      text_json = Json::array();
      for (const auto& tp : p.text.parts) {
        if (tp.type == "plain") text_json.push_back(tp.text);
        else text_json.push_back({{"type", tp.type}, {"text", tp.text}});
      }
    } else {
      text_json = p.text.flat();
    }
    for (const auto& tp : p.text.parts) entities.push_back({{"type", tp.type}, {"text", tp.text}});
    Json m = {{"id", id}, {"type", "message"}, {"date", local_date(p.t)}, {"date_unixtime", std::to_string(p.t)},
              {"from", p.from->alias}, {"from_id", "user" + std::to_string(p.from->telegram_id)}};
    if (!recent.empty() && rng.chance(0.15)) m["reply_to_message_id"] = recent[rng.below(recent.size())];
    if (!p.photo.empty()) {
      m["photo"] = p.photo;
      m["width"] = 320;
      m["height"] = 240;
      const std::size_t i = static_cast<std::size_t>(std::stoi(p.photo.substr(13)) - 1);
      entries.push_back({"Telegram/" + p.photo, photos[i].bytes, p.t});
    }
    m["text"] = text_json;
    m["text_entities"] = entities;
    messages.push_back(std::move(m));
    recent.push_back(id);
    if (recent.size() > 8) recent.erase(recent.begin());
    if (p.kind.rfind("story", 0) == 0 || p.kind == "escrow_release" || p.kind == "payment_details")
      key.push_back({{"id", id}, {"kind", p.kind}, {"from", p.from->id}});
  }
  Json doc = {{"name", title}, {"type", "private_supergroup"}, {"id", chat_id}, {"messages", std::move(messages)}};
  entries.insert(entries.begin(), ArchiveEntry{"Telegram/result.json", doc.dump(1) + "\n", tl.voyage_end + 86400});

  Json participants = Json::array();
  for (const Member* m : in_group) participants.push_back({{"member", m->id}, {"from_id", "user" + std::to_string(m->telegram_id)}, {"display", m->alias}});
  truth["telegram"] = {{"file", "Telegram/result.json"}, {"chat", title}, {"chat_id", chat_id}, {"messages", id},
                       {"participants", participants}, {"key_messages", key}};
  return entries;
}

}  // namespace corridor::demo

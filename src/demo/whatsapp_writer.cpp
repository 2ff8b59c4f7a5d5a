// Two WhatsApp "Export chat" files from the seized phone, one in each layout the apps
// write: Android ("dd/mm/yyyy, HH:MM - Name: text") with the Sudanese recruiter, and iOS
// ("[dd/mm/yyyy, HH:MM:SS] Name: text", system lines marked with U+200E) with the hawala
// agent in Italy. Both have multi-line messages, attachments and some Arabic-Indic digits.
// Times are the phone's local time (UTC+2), without a zone, as the apps write them.
#include <algorithm>
#include <cstdio>

#include "demo/identifiers.hpp"
#include "demo/writers.hpp"

namespace corridor::demo {

namespace {

struct Msg {
  std::int64_t t;
  std::string from;  // display name; empty for a system line
  std::string text;
};

std::string android_stamp(std::int64_t t) {
  const Civil c = civil_from_unix(t + 7200);
  char b[32];
  std::snprintf(b, sizeof b, "%02d/%02d/%04d, %02d:%02d", c.day, c.month, c.year, c.hour, c.minute);
  return b;
}

std::string ios_stamp(std::int64_t t) {
  const Civil c = civil_from_unix(t + 7200);
  char b[40];
  std::snprintf(b, sizeof b, "[%02d/%02d/%04d, %02d:%02d:%02d]", c.day, c.month, c.year, c.hour, c.minute, c.second);
  return b;
}

// fmt takes year, month, day, hour, minute, second; formats using fewer ignore the rest.
std::string file_stamp(std::int64_t t, const char* fmt) {
  const Civil c = civil_from_unix(t + 7200);
  char b[64];
  if (std::string_view(fmt).find("-WA") != std::string_view::npos)
    std::snprintf(b, sizeof b, "IMG-%04d%02d%02d-WA", c.year, c.month, c.day);
  else
    std::snprintf(b, sizeof b, "%04d-%02d-%02d-%02d-%02d-%02d", c.year, c.month, c.day, c.hour, c.minute, c.second);
  return b;
}

const char* kLrm = "\xE2\x80\x8E";

}  // namespace

std::vector<ArchiveEntry> write_whatsapp(const Network& net, const Timeline& tl, const Story& story, Rng rng, Json& truth) {
  const Member& owner = net.by_role("organiser", 0);
  const Member& recruiter = net.by_role("recruiter", 0);
  const Member& hawala = net.by_role("hawala", 0);
  const Member& driver = net.by_role("driver", 0);
  auto ar_digits = [&](const std::string& s) { return to_script(s, rng.chance(0.35) ? DigitScript::kArabicIndic : DigitScript::kAscii); };
  const std::string me = owner.alias;

  // Android chat with the recruiter.
  const std::string rec_name = recruiter.name.substr(0, recruiter.name.find(' ')) + " " + recruiter.city;
  std::vector<Msg> a;
  std::int64_t t = tl.voyage_start - 50 * 86400;
  a.push_back({t, "", "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more."});
  int wa = 1;
  std::vector<const Migrant*> theirs;
  for (const auto& m : net.migrants)
    if (m.recruiter == recruiter.id) theirs.push_back(&m);
  if (theirs.empty())
    for (const auto& m : net.migrants) theirs.push_back(&m);
  for (int i = 0; i < 60; ++i) {
    t += rng.range(1800, 20 * 3600);
    if (t > story.depart[0]) break;
    const Migrant& m = *rng.pick(theirs);
    switch (rng.below(7)) {
      case 0:
        a.push_back({t, rec_name, "يا حاج عندي " + ar_digits(std::to_string(rng.irange(4, 16))) + " جاهزين في الخرطوم، داير ترحلهم متين؟"});
        a.push_back({t + rng.range(60, 900), me, "الأسبوع الجاي إن شاء الله\nالسعر " + ar_digits(std::to_string(m.price_eur)) + " يورو، الدفع عند الحاج في ميلانو"});
        break;
      case 1: {
        std::string list = "أرقام الأهل:";
        for (int k = 0; k < rng.irange(2, 5); ++k) {
          const Migrant& x = *rng.pick(theirs);
          list += "\n" + x.first_name + " " + spoken_phone(rng, mobile_e164(rng, x.nationality == "ERI" ? "ER" : "SD"),
                                                           rng.chance(0.4) ? DigitScript::kArabicIndic : DigitScript::kAscii);
        }
        a.push_back({t, rec_name, list});
        break;
      }
      case 2:
        a.push_back({t, rec_name, "أهل " + m.first_name + " حولوا " + ar_digits(std::to_string(m.price_eur)) + " للحاج"});
        a.push_back({t + rng.range(60, 3600), me, "تمام وصلت ✅"});
        break;
      case 3:
      {
        char seq[8];
        std::snprintf(seq, sizeof seq, "%04d", wa++ % 10000);
        a.push_back({t, rec_name, file_stamp(t, "-WA") + seq + ".jpg (file attached)\nدي صورة الجواز"});
      }
        break;
      case 4:
        a.push_back({t, me, "السواق " + driver.alias + " رقمه " + spoken_phone(rng, driver.phones.front(), DigitScript::kAscii) +
                                "\nيستلمهم من دنقلا"});
        break;
      case 5:
        a.push_back({t, rec_name, "<Media omitted>"});
        break;
      default:
        a.push_back({t, rec_name, rng.chance(0.5) ? "متين الطلعة؟" : "الجماعة قلقانين، في أخبار؟"});
        a.push_back({t + rng.range(120, 7200), me, "قريب، البحر لسه ما زين"});
        break;
    }
  }
  a.push_back({story.depart[0] - 3 * 3600, me, "الليلة الطلعة. الناس في الشط الغربي الساعة ٩"});
  a.push_back({story.arrive[0] + 2 * 3600, me, "وصلوا لامبيدوزا الحمد لله"});
  a.push_back({story.arrive[0] + 2 * 3600 + 600, rec_name, "الحمد لله 🙏"});
  std::stable_sort(a.begin(), a.end(), [](const Msg& x, const Msg& y) { return x.t < y.t; });
  std::string android;
  for (const Msg& m : a) android += android_stamp(m.t) + " - " + (m.from.empty() ? "" : m.from + ": ") + m.text + "\n";

  // iOS chat with the hawala agent.
  const std::string haw_name = hawala.name;
  std::vector<Msg> b;
  t = tl.voyage_start - 40 * 86400;
  b.push_back({t, haw_name, std::string(kLrm) + "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them."});
  double held = 0;
  const auto& escrow = truth["payments"]["escrow_migrants"];
  int n = 0;
  for (const auto& id : escrow) {
    if (n++ >= 40) break;
    t += rng.range(3600, 18 * 3600);
    if (t > story.depart[0] - 86400) break;
    const Migrant* m = nullptr;
    for (const auto& x : net.migrants)
      if (x.id == id.get<std::string>()) m = &x;
    if (!m) continue;
    held += m->price_eur;
    b.push_back({t, haw_name, "Received " + std::to_string(m->price_eur) + " for " + m->first_name + ", held until arrival"});
    if (rng.chance(0.3)) b.push_back({t + rng.range(60, 600), me, rng.chance(0.5) ? "ok habibi" : "تمام"});
    if (rng.chance(0.15))
      b.push_back({t + 700, haw_name, "Total held: " + std::to_string(static_cast<long>(held)) + " EUR\nnothing moves before they arrive"});
  }
  b.push_back({story.arrive[0] + 3600, me, "They arrived Lampedusa, 2 boats, all good"});
  b.push_back({story.arrive[0] + 3660, me, std::string(kLrm) + "<attached: 00000031-PHOTO-" + file_stamp(story.arrive[0] + 3660, "") + ".jpg>"});
  b.push_back({tl.arrival + 2 * 3600, haw_name, "Confirmed by our people in Agrigento.\nReleasing now to your account " + group_iban(owner.iban)});
  b.push_back({tl.arrival + 2 * 3600 + 300, me, "USDT also ok: " + owner.wallet});
  std::stable_sort(b.begin(), b.end(), [](const Msg& x, const Msg& y) { return x.t < y.t; });
  std::string ios = "\xEF\xBB\xBF";  // iOS exports start with a byte order mark
  for (const Msg& m : b) ios += ios_stamp(m.t) + " " + m.from + ": " + m.text + "\n";

  std::vector<ArchiveEntry> out = {
      {"WhatsApp/WhatsApp Chat with " + rec_name + ".txt", android, story.arrive[0] + 86400},
      {"WhatsApp/WhatsApp Chat with " + haw_name + ".txt", ios, tl.arrival + 86400},
  };
  truth["whatsapp"] = Json::array(
      {{{"file", out[0].path}, {"style", "android"}, {"messages", a.size()},
        {"participants", {{{"display", me}, {"member", owner.id}}, {{"display", rec_name}, {"member", recruiter.id}}}}},
       {{"file", out[1].path}, {"style", "ios"}, {"messages", b.size()},
        {"participants", {{{"display", me}, {"member", owner.id}}, {{"display", haw_name}, {"member", hawala.id}}}}}});
  return out;
}

}  // namespace corridor::demo

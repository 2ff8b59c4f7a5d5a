// WhatsApp "Export chat" text (Android "WhatsApp Chat with X.txt", iOS "_chat.txt", both
// also inside a .zip with the media). Two passes over the file, both streaming: the first
// reads only the stamps to learn whether dates are d/m/y or m/d/y (a day above 12 in either
// place decides; --date-order decides when nothing does, else 12-hour clocks suggest m/d/y
// and 24-hour clocks d/m/y), the second emits the messages. Exports carry no time zone:
// times are taken as UTC unless --tz says otherwise; original_value keeps them as written.
#include "core/error.hpp"
#include "core/time.hpp"
#include "core/unicode.hpp"
#include "ingest/emit.hpp"
#include "ingest/line_reader.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_util.hpp"
#include "ingest/whatsapp_line.hpp"
#include "model/entity_keys.hpp"

namespace corridor::ingest {

namespace {

// Bytes of one message's text kept in its statements. A longer message (pasted logs, an
// export glued together) keeps its first 4 MiB, cut at a character boundary; the rest
// stays in the file (the locator spans the whole message) and the ingest report says so.
constexpr std::size_t kMaxMessage = 4u << 20;

struct Pending {
  bool open = false;
  WaStamp stamp;
  std::uint64_t line = 0, offset = 0, length = 0;
  std::string sender;  // empty: a system message
  std::string body;
  std::uint64_t cut = 0;  // bytes of the text beyond kMaxMessage, not kept

  // Appends up to the limit, never splitting a UTF-8 sequence.
  void append(std::string_view text) {
    const std::size_t room = kMaxMessage - std::min(body.size(), kMaxMessage);
    std::size_t keep = std::min(room, text.size());
    if (cut == 0 && keep < text.size())
      while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
    if (cut > 0) keep = 0;
    body.append(text.substr(0, keep));
    cut += text.size() - keep;
  }
};

std::string chat_from_name(const std::string& name) {
  for (std::string_view prefix : {"WhatsApp Chat with ", "WhatsApp Chat - ", "WhatsApp-Chat mit ", "Chat de WhatsApp con "}) {
    if (name.rfind(prefix, 0) == 0) {
      std::string chat = name.substr(prefix.size());
      if (chat.size() > 4 && chat.compare(chat.size() - 4, 4, ".txt") == 0) chat.resize(chat.size() - 4);
      return chat;
    }
  }
  return {};
}

// Removes the bidi and zero-width marks WhatsApp puts around names and markers.
std::string strip_marks(std::string_view s) { return std::string(trim(unicode::strip_format(s))); }

// "<attached: 00000012-PHOTO-2023-06-14-23-08-10.jpg>" (iOS) or
// "IMG-20230614-WA0003.jpg (file attached)" (Android, several languages).
std::string attachment_of(const std::string& first_line, std::string& rest) {
  const std::string s = strip_marks(first_line);
  if (s.rfind("<attached: ", 0) == 0 && s.back() == '>') {
    rest.clear();
    return s.substr(11, s.size() - 12);
  }
  for (std::string_view tail : {" (file attached)", " (Datei angehängt)", " (archivo adjunto)", " (fichier joint)",
                                " (arquivo anexado)", " (dosya ekli)", " (ملف مرفق)"}) {
    if (s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0) {
      rest.clear();
      return s.substr(0, s.size() - tail.size());
    }
  }
  return {};
}

DateOrder learn_order(const Source& src) {
  if (src.options.date_order == "dmy") return DateOrder::DayFirst;
  if (src.options.date_order == "mdy") return DateOrder::MonthFirst;
  LineReader lines(src.path, display_name(src));
  Line l;
  bool day_first = false, month_first = false, twelve = false;
  std::uint64_t first_day_first = 0, first_month_first = 0;
  while (lines.next(l)) {
    auto st = parse_wa_stamp(l.text);
    if (!st || st->year_first) continue;
    twelve = twelve || st->twelve_hour;
    if (st->a > 12 && st->b > 12)
      throw Error(where(display_name(src), "line", l.number), "malformed date '" + st->written + "'");
    if (st->a > 12 && !day_first) {
      day_first = true;
      first_day_first = l.number;
    }
    if (st->b > 12 && !month_first) {
      month_first = true;
      first_month_first = l.number;
    }
  }
  if (day_first && month_first)
    throw Error(where(display_name(src), "line", std::max(first_day_first, first_month_first)),
                "dates mix day/month/year (line " + std::to_string(first_day_first) + ") and month/day/year (line " +
                    std::to_string(first_month_first) + ")");
  if (day_first) return DateOrder::DayFirst;
  if (month_first) return DateOrder::MonthFirst;
  return twelve ? DateOrder::MonthFirst : DateOrder::DayFirst;
}

class WhatsAppReader final : public Reader {
 public:
  std::string_view name() const override { return "whatsapp"; }

  int confidence(const Source& src) const override {
    std::string_view h = src.head;
    if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
    int stamped = 0, lines = 0;
    while (!h.empty() && lines < 12) {
      const auto nl = h.find('\n');
      const bool complete = nl != std::string_view::npos;
      std::string_view line = h.substr(0, complete ? nl : h.size());
      h.remove_prefix(complete ? nl + 1 : h.size());
      if (!complete && lines > 0) break;
      if (trim(line).empty()) continue;
      if (lines == 0 && !parse_wa_stamp(line)) return 0;  // an export starts with a message
      ++lines;
      stamped += parse_wa_stamp(line) ? 1 : 0;
    }
    return stamped >= 1 ? 85 : 0;
  }

  void read(const Source& src, Sink& sink) const override {
    const DateOrder order = learn_order(src);
    Emitter out(src, *this, sink);
    const std::string chat = chat_from_name(src.original_name);
    LineReader lines(src.path, display_name(src));
    Pending msg;
    Line l;
    std::uint64_t count = 0;
    while (lines.next(l)) {
      std::string_view text = l.text;
      if (l.number == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
      auto st = parse_wa_stamp(text);
      if (!st) {
        if (!msg.open) continue;  // text before the first message
        msg.append("\n");
        msg.append(text);
        msg.length = l.offset + l.length - msg.offset;
        continue;
      }
      if (!wa_date(*st, order) || st->hour > 23 || st->minute > 59 || st->second > 59)
        throw Error(where(display_name(src), "line", l.number), "malformed date '" + st->written + "'");
      if (msg.open) emit(out, msg, chat, order, ++count);
      msg = Pending{};
      msg.open = true;
      msg.stamp = *st;
      msg.line = l.number;
      msg.offset = l.offset;
      msg.length = l.length;
      std::string_view rest = text.substr(st->rest);
      // "Name: text". Without ": " (or with an implausible name) it is a system line:
      // "Samir added +44 7700 900456", "Messages and calls are end-to-end encrypted".
      const auto colon = rest.find(": ");
      const std::string name = colon == std::string_view::npos ? std::string() : strip_marks(rest.substr(0, colon));
      if (!name.empty() && name.size() <= 80 && name.find('"') == std::string::npos) {
        msg.sender = name;
        msg.append(rest.substr(colon + 2));
      } else {
        msg.append(rest);
      }
      // iOS marks system lines inside a named line with a leading LRM.
      if (msg.stamp.ios && msg.body.rfind("\xE2\x80\x8E", 0) == 0 && strip_marks(msg.body).rfind("<attached: ", 0) != 0)
        msg.sender.clear();
      sink.progress(l.offset, count);
    }
    if (msg.open) emit(out, msg, chat, order, ++count);
  }

 private:
  static std::string sender_account(Emitter& out, const std::string& sender, const Locator& loc, const std::string& when) {
    const std::string e164 = phone_e164(sender);
    // A sender shown as a number is the account's own number; a name is the exporting
    // phone's contact name, meaningful only inside this export.
    const std::string aid = e164.empty() ? keys::record("UserAccount", out.src().sha256, "whatsapp:" + sender)
                                         : keys::account("whatsapp", e164);
    if (!out.first_time(aid)) return aid;
    out.entity(aid, "UserAccount", sender);
    out.fact(aid, "UserAccount", "platform", "whatsapp", loc, when);
    if (!e164.empty()) {
      out.fact(aid, "UserAccount", "userId", e164, loc, when, sender);
      const std::string phone = keys::phone(e164);
      out.entity(phone, "Phone", e164);
      out.fact(phone, "Phone", "number", e164, loc, when, sender);
    } else {
      out.fact(aid, "UserAccount", "displayName", sender, loc, when);
      const std::string pid = keys::record("Person", out.src().sha256, aid);
      out.entity(pid, "Person", sender);
      out.assess(pid, "Person", "name", sender, loc, when, 0.5);
      out.assess(aid, "UserAccount", "owner", pid, loc, when, 0.5);
    }
    return aid;
  }

  void emit(Emitter& out, const Pending& msg, const std::string& chat, DateOrder order, std::uint64_t) const {
    if (msg.cut)
      out.sink().left_out(display_name(out.src()) + ": line " + std::to_string(msg.line),
                          "message longer than 4 MiB: its first " + std::to_string(msg.body.size()) + " bytes kept, " +
                              std::to_string(msg.cut) + " bytes not (they stay in the file, within the locator)");
    const CivilDate d = *wa_date(msg.stamp, order);
    const auto ms = civil_to_utc_ms(d.year, d.month, d.day, msg.stamp.hour, msg.stamp.minute, msg.stamp.second,
                                    out.src().options.utc_offset_minutes);
    const std::string when = ms ? format_utc(*ms) : std::string();
    const std::string record = "line:" + std::to_string(msg.line);
    const Locator loc = at_record(record, msg.offset, msg.length);
    if (msg.sender.empty()) {
      out.text(loc, strip_marks(msg.body), "");  // system line: numbers in it still count
      return;
    }
    const std::string mid = keys::record("Message", out.src().sha256, record);
    out.entity(mid, "Message", (chat.empty() ? std::string("WhatsApp") : chat) + " " + record);
    out.fact(mid, "Message", "platform", "whatsapp", loc, when);
    out.fact(mid, "Message", "chat", chat, loc, when);
    out.fact(mid, "Message", "sender", sender_account(out, msg.sender, loc, when), loc, when);
    out.fact(mid, "Message", "date", when, loc, when, msg.stamp.written);
    std::string body = msg.body;
    const auto nl = body.find('\n');
    std::string first = body.substr(0, nl), rest = nl == std::string::npos ? std::string() : body.substr(nl + 1);
    std::string after = first;
    const std::string file = attachment_of(first, after);
    if (!file.empty()) body = rest;
    out.fact(mid, "Message", "bodyText", body, loc, when);
    out.fact(mid, "Message", "attachment", file, loc, when);
    out.text(loc, body, mid);
  }
};

}  // namespace

const Reader& whatsapp_reader() {
  static const WhatsAppReader r;
  return r;
}

}  // namespace corridor::ingest

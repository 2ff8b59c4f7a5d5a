// Telegram Desktop export (result.json): one chat ("Export chat history") or the whole
// account ("Export Telegram data", chats under chats.list and left_chats.list). Messages
// carry id, type, date (local time of the exporting machine) and date_unixtime (exact),
// from, from_id ("user123…", "channel…"), text (a string, or an array mixing strings and
// entity objects {type, text, href?, user_id?}), reply_to_message_id, forwarded_from and
// media paths relative to the export folder (photo, file, thumbnail).
//
// Memory: JsonStream hands over one message object at a time; each is parsed with
// simdjson (DOM, fully validated) on its own, so memory is bounded by the largest
// message (64 MiB cap), whatever the export's size.
#include <simdjson.h>

#include "core/error.hpp"
#include "core/time.hpp"
#include "ingest/emit.hpp"
#include "ingest/json_stream.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_util.hpp"
#include "model/entity_keys.hpp"

namespace corridor::ingest {

namespace {

namespace dom = simdjson::dom;

struct TextPart {
  std::string type, text, href, user_id;
};

struct TgMessage {
  std::string id, type, date, date_unixtime, from, from_id, reply_to, forwarded_from;
  std::string body;
  std::vector<TextPart> parts;
  std::vector<std::string> attachments;
};

// Strings as they are; numbers (ids) in their shortest decimal form.
std::string scalar_text(dom::element v) {
  switch (v.type()) {
    case dom::element_type::STRING: return std::string(std::string_view(v));
    case dom::element_type::INT64: return std::to_string(int64_t(v));
    case dom::element_type::UINT64: return std::to_string(uint64_t(v));
    case dom::element_type::BOOL: return bool(v) ? "true" : "false";
    default: return {};
  }
}

std::string field(dom::object o, std::string_view key) {
  dom::element v;
  return o.at_key(key).get(v) ? std::string() : scalar_text(v);
}

// `text` is a string, or an array of strings and entity objects whose texts concatenate
// to what the user saw.
std::string read_text(dom::element v, std::vector<TextPart>& parts) {
  if (v.type() == dom::element_type::STRING) return scalar_text(v);
  if (v.type() != dom::element_type::ARRAY) return {};
  std::string body;
  for (dom::element el : dom::array(v)) {
    if (el.type() == dom::element_type::STRING) {
      body += scalar_text(el);
    } else if (el.type() == dom::element_type::OBJECT) {
      dom::object o(el);
      TextPart p{field(o, "type"), field(o, "text"), field(o, "href"), field(o, "user_id")};
      body += p.text;
      parts.push_back(std::move(p));
    }
  }
  return body;
}

// The whole message object is validated (DOM parse), so a broken value anywhere in it is
// reported, not skipped; one message at a time keeps the parser's memory small.
TgMessage parse_message(std::string_view bytes) {
  thread_local dom::parser parser;
  dom::element root = parser.parse(bytes.data(), bytes.size(), true);
  dom::object o = root.get_object();
  TgMessage m;
  m.id = field(o, "id");
  m.type = field(o, "type");
  m.date = field(o, "date");
  m.date_unixtime = field(o, "date_unixtime");
  m.from = field(o, "from");
  m.from_id = field(o, "from_id");
  m.reply_to = field(o, "reply_to_message_id");
  m.forwarded_from = field(o, "forwarded_from");
  for (const char* k : {"photo", "file", "thumbnail"})
    if (std::string a = field(o, k); !a.empty()) m.attachments.push_back(std::move(a));
  std::vector<TextPart> from_text;
  dom::element v;
  if (!o.at_key("text").get(v)) m.body = read_text(v, from_text);
  // Newer exports repeat the text as text_entities; the same parts, preferred when present.
  std::vector<TextPart> from_entities;
  if (!o.at_key("text_entities").get(v)) {
    read_text(v, from_entities);
    m.parts = std::move(from_entities);
  } else {
    m.parts = std::move(from_text);
  }
  return m;
}

// date_unixtime is exact; `date` is the exporting machine's local time, used only by old
// exports that lack date_unixtime, shifted by --tz when given.
std::string message_time(const TgMessage& m, const ReadOptions& opt) {
  if (!m.date_unixtime.empty()) {
    try {
      std::size_t used = 0;
      const long long secs = std::stoll(m.date_unixtime, &used);
      if (used == m.date_unixtime.size()) return format_utc(secs * 1000);
    } catch (const std::exception&) {
    }
  }
  if (auto ms = parse_iso8601(m.date)) return format_utc(*ms - opt.utc_offset_minutes.value_or(0) * 60000LL);
  return {};
}

class TelegramReader final : public Reader {
 public:
  std::string_view name() const override { return "telegram"; }

  int confidence(const Source& src) const override {
    const std::string_view h = trim(src.head);
    if (h.empty() || h.front() != '{') return 0;
    const bool messages = h.find("\"messages\"") != std::string_view::npos;
    const bool telegram = h.find("\"date_unixtime\"") != std::string_view::npos ||
                          h.find("\"from_id\"") != std::string_view::npos ||
                          h.find("\"personal_chat\"") != std::string_view::npos ||
                          h.find("\"private_supergroup\"") != std::string_view::npos ||
                          h.find("\"public_channel\"") != std::string_view::npos ||
                          h.find("\"personal_information\"") != std::string_view::npos;
    if (messages && telegram) return 90;
    if (telegram && h.find("\"chats\"") != std::string_view::npos) return 80;
    return 0;
  }

  void read(const Source& src, Sink& sink) const override {
    Emitter out(src, *this, sink);
    ByteStream in(src.path, display_name(src));
    JsonStream json(in, {"messages"});
    std::string owner;  // the exporting account (full exports only)
    std::uint64_t count = 0;
    json.run(
        [&](std::string_view bytes, std::uint64_t offset, const JsonFrame& chat) {
          TgMessage m;
          try {
            m = parse_message(bytes);
          } catch (const simdjson::simdjson_error& e) {
            throw Error(where(display_name(src), "byte", offset), std::string("malformed message: ") + e.what());
          }
          // In file bytes: a UTF-16 export's message is longer than its UTF-8 text.
          const std::uint64_t length = in.offset() - offset;
          emit(out, m, chat, owner, offset, length);
          sink.progress(offset + length, ++count);
        },
        [&](const JsonFrame& f) {
          if (f.object && f.key_in_parent == "personal_information") {
            auto it = f.scalars.find("user_id");
            if (it != f.scalars.end()) owner = it->second;
          }
        });
  }

 private:
  static std::string get(const JsonFrame& f, const std::string& key) {
    auto it = f.scalars.find(key);
    return it == f.scalars.end() ? std::string() : it->second;
  }

  static std::string account(Emitter& out, const std::string& user_id, const std::string& display,
                             const Locator& loc, const std::string& when) {
    const std::string aid = keys::account("telegram", user_id);
    if (!out.first_time(aid + '\x1f' + display)) return aid;
    out.entity(aid, "UserAccount", display.empty() ? user_id : display);
    out.fact(aid, "UserAccount", "platform", "telegram", loc, when);
    out.fact(aid, "UserAccount", "userId", user_id, loc, when);
    out.fact(aid, "UserAccount", "displayName", display, loc, when);
    if (!display.empty()) {
      // A display name suggests a person behind the account; it proves nothing.
      const std::string pid = keys::record("Person", out.src().sha256, aid);
      out.entity(pid, "Person", display);
      out.assess(pid, "Person", "name", display, loc, when, 0.5);
      out.assess(aid, "UserAccount", "owner", pid, loc, when, 0.5);
    }
    return aid;
  }

  void emit(Emitter& out, const TgMessage& m, const JsonFrame& chat, const std::string& owner,
            std::uint64_t offset, std::uint64_t length) const {
    if (m.type != "message" || m.id.empty()) return;  // service messages: joins, pins, calls
    const std::string chat_id = get(chat, "id"), chat_name = get(chat, "name"), chat_type = get(chat, "type");
    const std::string& sha = out.src().sha256;
    const std::string mid = keys::record("Message", sha, chat_id + ":" + m.id);
    const Locator loc = at_record("message:" + m.id, offset, length);
    const std::string when = message_time(m, out.src().options);
    out.entity(mid, "Message", (chat_name.empty() ? std::string("message") : chat_name) + " #" + m.id);
    out.fact(mid, "Message", "platform", "telegram", loc, when);
    out.fact(mid, "Message", "chat", chat_name, loc, when);
    if (!m.from_id.empty()) out.fact(mid, "Message", "sender", account(out, m.from_id, m.from, loc, when), loc, when);
    // In a personal chat the chat id is the other party's user id; the owner's id is
    // known only from a full export's personal_information.
    if (chat_type == "personal_chat" && !chat_id.empty()) {
      const std::string other = "user" + chat_id;
      if (m.from_id != other) {
        out.fact(mid, "Message", "recipients", account(out, other, chat_name, loc, when), loc, when);
      } else if (!owner.empty()) {
        out.fact(mid, "Message", "recipients", account(out, "user" + owner, "", loc, when), loc, when);
      }
    }
    out.fact(mid, "Message", "date", when, loc, when, m.date);
    out.fact(mid, "Message", "bodyText", m.body, loc, when);
    if (!m.reply_to.empty())
      out.fact(mid, "Message", "inReplyTo", keys::record("Message", sha, chat_id + ":" + m.reply_to), loc, when);
    out.fact(mid, "Message", "forwardedFrom", m.forwarded_from, loc, when);
    for (const auto& a : m.attachments) out.fact(mid, "Message", "attachment", a, loc, when);
    out.text(loc, m.body, mid);
    // Targets hidden behind the visible text (text_link hrefs, mention_name user ids) are
    // not in bodyText, so the extraction engine gets them as units of their own.
    for (const auto& p : m.parts) {
      if (p.type == "text_link" && !p.href.empty()) out.text(at_record("message:" + m.id + "/href", offset, length), p.href, mid);
      if (p.type == "mention_name" && !p.user_id.empty())
        out.fact(mid, "Message", "mentions", account(out, "user" + p.user_id, p.text, loc, when), loc, when);
    }
  }
};

}  // namespace

const Reader& telegram_reader() {
  static const TelegramReader r;
  return r;
}

}  // namespace corridor::ingest

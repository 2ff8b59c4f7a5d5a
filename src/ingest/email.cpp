// E-mail: one message (.eml, message/rfc822) or an mbox of many. From, To, Cc, Date,
// Message-ID, In-Reply-To and Subject become a Message with Email entities; the text/plain
// body (or the visible text of text/html when there is no plain one) becomes its text
// unit; every attachment and nested message is handed to sink.child() so the app makes it
// an evidence item of its own and reads it in turn. An mbox is streamed message by
// message; one message may hold at most 64 MiB.
#include <cstdio>

#include "core/error.hpp"
#include "core/time.hpp"
#include "ingest/emit.hpp"
#include "ingest/html_text.hpp"
#include "ingest/line_reader.hpp"
#include "ingest/mime.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_util.hpp"
#include "model/entity_keys.hpp"

namespace corridor::ingest {

namespace {

constexpr std::size_t kMaxMessage = 64u << 20;
constexpr int kMaxDepth = 12;

bool header_line(std::string_view line) {
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 76) return false;
  for (char c : line.substr(0, colon))
    if (c <= ' ' || c > '~') return false;
  return true;
}

bool mbox_head(std::string_view h) {
  if (h.rfind("From ", 0) != 0) return false;
  const auto nl = h.find('\n');
  return nl != std::string_view::npos && header_line(h.substr(nl + 1, h.find('\n', nl + 1) - nl - 1));
}

bool eml_head(std::string_view h) {
  std::size_t pos = 0;
  int known = 0;
  bool from = false;
  for (int lines = 0; pos < h.size() && lines < 200; ++lines) {
    const std::size_t nl = h.find('\n', pos);
    if (nl == std::string_view::npos) break;
    const std::string_view raw = h.substr(pos, nl - pos);
    pos = nl + 1;
    if (trim(raw).empty()) break;
    if (raw.front() == ' ' || raw.front() == '\t') continue;  // folded header
    if (!header_line(raw)) return false;
    const std::string l = lower_ascii(raw.substr(0, raw.find(':') + 1));
    from = from || l == "from:";
    known += l == "date:" || l == "message-id:" || l == "received:" || l == "mime-version:" || l == "subject:" || l == "to:";
  }
  return from && known >= 2;
}

struct Walk {
  std::string plain, html;
  std::vector<std::pair<std::string, std::string>> attachments;  // name, bytes
};

void walk(const mime::Part& part, int depth, Walk& w) {
  const std::string ct = part.get("content-type");
  const std::string type = ct.empty() ? "text/plain" : mime::media_type(ct);
  const std::string disposition = part.get("content-disposition");
  std::string filename = mime::decode_words(mime::param(disposition, "filename"));
  if (filename.empty()) filename = mime::decode_words(mime::param(ct, "name"));
  if (type.rfind("multipart/", 0) == 0 && depth < kMaxDepth) {
    for (auto sub : mime::split_multipart(part.body, mime::param(ct, "boundary"))) walk(mime::parse_part(sub), depth + 1, w);
    return;
  }
  const std::string bytes = mime::decode_transfer(part.body, part.get("content-transfer-encoding"));
  const bool attached = lower_ascii(disposition).rfind("attachment", 0) == 0 || !filename.empty();
  if (!attached && type == "text/plain") {
    if (!w.plain.empty()) w.plain += "\n";
    w.plain += mime::to_utf8(bytes, mime::param(ct, "charset"));
  } else if (!attached && type == "text/html") {
    if (!w.html.empty()) w.html += "\n";
    w.html += html_visible_text(mime::to_utf8(bytes, mime::param(ct, "charset")));
  } else {
    if (filename.empty()) filename = type == "message/rfc822" ? "message.eml" : "attachment.bin";
    w.attachments.emplace_back(filename, bytes);
  }
}

// Only the last path component of an attachment's name is kept: the name is the
// sender's to choose.
std::string safe_file_name(const std::string& name) {
  std::string n = name.substr(name.find_last_of("/\\") == std::string::npos ? 0 : name.find_last_of("/\\") + 1);
  if (n.empty() || n == "." || n == "..") n = "attachment.bin";
  return n;
}

class EmailReader final : public Reader {
 public:
  std::string_view name() const override { return "email"; }

  int confidence(const Source& src) const override {
    if (mbox_head(src.head) || src.media_type == "application/mbox") return 80;
    if (src.media_type == "message/rfc822" || eml_head(src.head)) return 75;
    return 0;
  }

  void read(const Source& src, Sink& sink) const override {
    Emitter out(src, *this, sink);
    const std::string file = display_name(src);
    if (!mbox_head(src.head)) {
      if (src.size > kMaxMessage) throw Error(file, "message larger than 64 MiB");
      LineReader lines(src.path, file, kMaxMessage);
      std::string bytes;
      Line l;
      while (lines.next(l)) {
        bytes += l.text;
        bytes += '\n';
      }
      message(out, bytes, 0, src.size, 1);
      return;
    }
    LineReader lines(src.path, file, kMaxMessage);
    Line l;
    std::string bytes;
    std::uint64_t start = 0, end = 0, index = 0;
    bool blank = true;
    while (lines.next(l)) {
      if (blank && l.text.rfind("From ", 0) == 0) {
        if (index > 0) message(out, bytes, start, end - start, index);
        ++index;
        bytes.clear();
        start = l.offset;
      } else {
        // mboxrd quoting: ">From " in a body was "From ".
        std::string_view t = l.text;
        if (t.rfind(">From ", 0) == 0 || (t.rfind(">>", 0) == 0 && t.find("From ") == t.find_first_not_of('>'))) t.remove_prefix(1);
        bytes += t;
        bytes += '\n';
        if (bytes.size() > kMaxMessage) throw Error(where(file, "line", l.number), "message larger than 64 MiB");
      }
      blank = l.text.empty();
      end = l.offset + l.length;
      sink.progress(end, index);
    }
    if (index > 0) message(out, bytes, start, end - start, index);
  }

 private:
  static std::string email_entity(Emitter& out, const mime::Address& a, const Locator& loc, const std::string& when) {
    const std::string id = keys::email(a.email);
    if (!out.first_time(id + '\x1f' + a.name)) return id;
    out.entity(id, "Email", a.email);
    out.fact(id, "Email", "email", a.email, loc, when);
    if (!a.name.empty() && a.name != a.email) {
      const std::string pid = keys::record("Person", out.src().sha256, id);
      out.entity(pid, "Person", a.name);
      out.assess(pid, "Person", "name", a.name, loc, when, 0.5);
      out.assess(id, "Email", "owner", pid, loc, when, 0.5);
    }
    return id;
  }

  static std::string bare_id(std::string id) {
    id = std::string(trim(id));
    if (id.size() >= 2 && id.front() == '<') id = id.substr(1, id.find('>') == std::string::npos ? id.size() - 1 : id.find('>') - 1);
    return id;
  }

  void message(Emitter& out, const std::string& bytes, std::uint64_t offset, std::uint64_t length, std::uint64_t index) const {
    const mime::Part top = mime::parse_part(bytes);
    const std::string msgid = bare_id(top.get("message-id"));
    const std::string record = "message:" + (msgid.empty() ? std::to_string(index) : msgid);
    const Locator loc = at_record(record, offset, length);
    const std::string raw_date = top.get("date");
    const auto ms = mime::parse_date(raw_date);
    const std::string when = ms ? format_utc(*ms) : std::string();
    const std::string id = keys::record("Message", out.src().sha256, "email:" + (msgid.empty() ? std::to_string(index) : msgid));
    const std::string subject = mime::decode_words(top.get("subject"));
    out.entity(id, "Message", subject.empty() ? record : subject);
    out.fact(id, "Message", "platform", "email", loc, when);
    for (const auto& a : mime::addresses(top.get("from"))) out.fact(id, "Message", "sender", email_entity(out, a, loc, when), loc, when);
    for (const char* h : {"to", "cc"})
      for (const auto& hd : top.headers)
        if (hd.name == h)
          for (const auto& a : mime::addresses(hd.value))
            out.fact(id, "Message", "recipients", email_entity(out, a, loc, when), loc, when);
    out.fact(id, "Message", "date", when, loc, when, raw_date);
    out.fact(id, "Message", "subject", subject, loc, when);
    out.fact(id, "Message", "messageId", msgid, loc, when);
    if (const std::string reply = bare_id(top.get("in-reply-to")); !reply.empty())
      out.fact(id, "Message", "inReplyTo", keys::record("Message", out.src().sha256, "email:" + reply), loc, when);
    Walk w;
    walk(top, 0, w);
    const std::string body = w.plain.empty() ? w.html : w.plain;
    out.fact(id, "Message", "bodyText", std::string(trim(body)), loc, when);
    out.text(loc, std::string(trim(body)), id);
    std::size_t k = 0;
    for (const auto& [name, data] : w.attachments) {
      const std::string safe = safe_file_name(name);
      out.fact(id, "Message", "attachment", safe, loc, when);
      const auto temp = out.src().temp_dir / ("mail-" + std::to_string(index) + "-part-" + std::to_string(++k));
      std::FILE* f = std::fopen(temp.c_str(), "wb");
      if (!f) throw Error(display_name(out.src()), "cannot write an attachment to the temporary folder");
      const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
      if (std::fclose(f) != 0 || !ok) throw Error(display_name(out.src()), "cannot write attachment '" + safe + "'");
      out.sink().child(safe, temp);
    }
  }
};

}  // namespace

const Reader& email_reader() {
  static const EmailReader r;
  return r;
}

}  // namespace corridor::ingest

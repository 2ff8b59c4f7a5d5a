// Messaging links that reach a smuggler directly: Telegram (t.me, telegram.me, invites),
// WhatsApp (wa.me/<number>, api.whatsapp.com/send, chat.whatsapp.com group invites),
// Viber (viber:// links) and Signal (signal.me). Links carrying a number also yield the
// phone, validated like any other.
#include "extract/feature.hpp"
#include "extract/phone_util.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

enum Sub : unsigned { kTelegram, kWaMe, kWaApi, kWaGroup, kViber, kSignalPhone, kSignalLink };

// Bytes after the first "/" following the host (or the whole span when none).
std::string_view after_host(std::string_view t, std::string_view host) {
  const auto h = lower(t).find(host);
  return h == std::string::npos ? t : t.substr(h + host.size());
}

void phone_link(const Candidate& c, const HandlerContext& ctx, std::string type, std::string_view digits_part) {
  const std::string digits = digits_only(digits_part);
  const std::string number = e164(digits, true);
  if (number.empty()) return;
  ctx.emit(c, c.from, c.to, type, number);
  ctx.emit(c, c.from, c.to, "phone", number, 1.0, "via=" + type);
}

void telegram(const Candidate& c, const HandlerContext& ctx) {
  std::string_view t = c.text();
  const std::string l = lower(t);
  const auto slash = l.find(".me/");
  if (slash == std::string::npos) return;
  std::string_view path = t.substr(slash + 4);
  if (path.substr(0, 1) == "+" || lower(path.substr(0, 9)) == "joinchat/") {
    const bool plus = path[0] == '+';
    const std::string_view code = plus ? path.substr(1) : path.substr(9);
    if (code.size() < 10) return;  // invite hashes are 16-22 characters
    ctx.emit(c, c.from, c.to, "telegram", std::string(plus ? "t.me/+" : "t.me/joinchat/") + std::string(code));
    return;
  }
  // Usernames: 5-32 of [A-Za-z0-9_], starting with a letter; a trailing "/123" is a post.
  std::size_t n = 0;
  while (n < path.size() && (is_ascii_alnum(path[n]) || path[n] == '_')) ++n;
  if (n < 5 || n > 32 || !is_ascii_alpha(path[0])) return;
  const std::size_t to = c.from + (slash + 4) + n;
  if (to < c.buf.size() && c.buf[to] == '-') return;
  ctx.emit(c, c.from, to, "telegram", "t.me/" + lower(path.substr(0, n)));
}

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (c.from > 0 && (is_ascii_alnum(c.buf[c.from - 1]) || c.buf[c.from - 1] == '.')) return;
  const std::string_view t = c.text();
  switch (c.pattern) {
    case kTelegram:
      telegram(c, ctx);
      break;
    case kWaMe:
      if (glued_after(c.buf, c.to)) return;
      phone_link(c, ctx, "whatsapp", after_host(t, "wa.me/"));
      break;
    case kWaApi:
      if (glued_after(c.buf, c.to)) return;
      phone_link(c, ctx, "whatsapp", after_host(t, "phone="));
      break;
    case kWaGroup: {
      if (glued_after(c.buf, c.to)) return;
      const auto code = t.substr(t.rfind('/') + 1);
      ctx.emit(c, c.from, c.to, "whatsapp", "chat.whatsapp.com/" + std::string(code));
      break;
    }
    case kViber: {
      const std::string l = lower(t);
      const auto num = l.find("number=");
      if (num != std::string::npos) {
        std::string_view rest = t.substr(num + 7);
        if (lower(rest.substr(0, 3)) == "%2b") rest = rest.substr(3);
        phone_link(c, ctx, "viber", rest);
      } else {
        ctx.emit(c, c.from, c.to, "viber", l);
      }
      break;
    }
    case kSignalPhone:
      if (glued_after(c.buf, c.to)) return;
      phone_link(c, ctx, "signal", after_host(t, "#p/"));
      break;
    case kSignalLink:
      ctx.emit(c, c.from, c.to, "signal", std::string(t.substr(lower(t).find("signal.me"))));
      break;
    default:
      break;
  }
}

}  // namespace

Feature messaging_feature() {
  const std::string d = kDigit;
  return Feature{
      "messaging",
      {"telegram", "whatsapp", "viber", "signal", "phone"},
      {
          R"((?i)(?:https?://)?(?:www\.)?(?:t|telegram)\.me/(?:joinchat/|\+)?[A-Za-z0-9_\-]{5,64})",
          R"((?i)(?:https?://)?wa\.me/\+?)" + d + "{6,15}",
          R"((?i)(?:https?://)?(?:api\.)?whatsapp\.com/send/?\?phone=(?:\+|%2B)?[0-9]{6,15})",
          R"((?i)(?:https?://)?chat\.whatsapp\.com/(?:invite/)?[A-Za-z0-9]{20,24})",
          R"((?i)viber://(?:chat|add|contact|pa)\?[A-Za-z0-9=&%_.\-]{3,120})",
          R"((?i)(?:https?://)?signal\.me/#p/\+?[0-9]{6,15})",
          R"((?i)(?:https?://)?signal\.me/#eu/[A-Za-z0-9_\-.]{10,200})",
      },
      handle};
}

}  // namespace corridor::extract

// @handles of Telegram, Instagram, TikTok and X accounts given in adverts ("@sea_trip_ly").
// Not the "@" of an e-mail address: the character before must not continue a word.
// Value: lower case, as the platforms match handles without case.
#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (!texty_around(c.buf, c.from, c.to)) return;
  if (c.from > 0) {
    const char b = c.buf[c.from - 1];
    if (is_ascii_alnum(b) || b == '.' || b == '_' || b == '-' || b == '@' || b == '/' || b == '+' || b == '%')
      return;
  }
  if (c.to < c.buf.size()) {
    const char a = c.buf[c.to];
    if (is_ascii_alnum(a) || a == '_' || a == '@' || a == '-') return;
    // "@host.example" is the domain of an address, not a handle
    if (a == '.' && c.to + 1 < c.buf.size() && is_ascii_alnum(c.buf[c.to + 1])) return;
  }
  const std::string_view name = c.text().substr(1);
  bool letter = false;
  for (char ch : name) letter = letter || is_ascii_alpha(ch);
  if (!letter || name.size() > 32) return;
  ctx.emit(c, c.from, c.to, "handle", "@" + lower(name));
}

}  // namespace

Feature handle_feature() { return Feature{"handle", {"handle"}, {R"(@[A-Za-z0-9_]{5,32})"}, handle}; }

}  // namespace corridor::extract

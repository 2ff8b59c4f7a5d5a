// Bare domain names ("boats-libya.com") outside URLs and addresses; the TLD must be a
// known one. Value: lower case.
#include "extract/feature.hpp"
#include "extract/text.hpp"
#include "extract/tld.hpp"

namespace corridor::extract {
namespace {

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (!texty_around(c.buf, c.from, c.to)) return;
  if (c.from > 0) {
    const char b = c.buf[c.from - 1];
    if (is_ascii_alnum(b) || b == '.' || b == '@' || b == '/' || b == '-' || b == '_' || b == ':') return;
  }
  if (c.to < c.buf.size()) {
    const char a = c.buf[c.to];
    if (is_ascii_alnum(a) || a == '@' || a == '-' || a == '_') return;
    if (a == '.' && c.to + 1 < c.buf.size() && is_ascii_alnum(c.buf[c.to + 1])) return;
  }
  const std::string v = lower(c.text());
  const auto dot = v.rfind('.');
  if (!known_tld(std::string_view(v).substr(dot + 1))) return;
  // A label of letters only before a two-letter TLD is often a sentence run together
  // ("fin.de"); require the name part to be at least three characters.
  if (dot < 3) return;
  ctx.emit(c, c.from, c.to, "domain", v);
}

bool host_char(char c) { return is_ascii_alnum(c) || c == '.' || c == '-'; }

std::size_t find_start(std::string_view b, std::size_t to, unsigned) {
  std::size_t from = run_start(b, to, host_char, 260);
  while (from < to && (b[from] == '.' || b[from] == '-')) ++from;
  return from;
}

}  // namespace

Feature domain_feature() {
  return Feature{"domain",
                 {"domain"},
                 {R"([A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?){0,3}\.[A-Za-z]{2,6})"},
                 handle, find_start};
}

}  // namespace corridor::extract

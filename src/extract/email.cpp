// E-mail addresses. Value: lower case (providers on the routes ignore case).
#include "extract/feature.hpp"
#include "extract/text.hpp"
#include "extract/tld.hpp"

namespace corridor::extract {
namespace {

void handle(const Candidate& c, const HandlerContext& ctx) {
  std::size_t from = c.from;
  while (from < c.to && (c.buf[from] == '.' || c.buf[from] == '-')) ++from;  // sentence dots
  if (glued_after(c.buf, c.to)) return;
  const std::string v = lower(c.buf.substr(from, c.to - from));
  const auto at = v.find('@');
  if (at == 0 || at == std::string::npos || v[at - 1] == '.') return;
  const std::string_view host = std::string_view(v).substr(at + 1);
  if (host.find("..") != std::string_view::npos || host.front() == '.' || host.front() == '-') return;
  const std::string_view tld = host.substr(host.rfind('.') + 1);
  // Two letters must be a country code ("u@b.kb" in binary noise is not an address).
  if ((tld.size() == 2 && !iso_country(upper(tld))) || (tld.size() > 6 && !known_tld(tld))) return;
  ctx.emit(c, from, c.to, "email", v);
}

bool host_char(char c) { return is_ascii_alnum(c) || c == '.' || c == '-'; }
bool local_char(char c) { return host_char(c) || c == '_' || c == '%' || c == '+'; }

// Matched for its end only (too large for start tracking): back over the host to the "@",
// then over the local part.
std::size_t find_start(std::string_view b, std::size_t to, unsigned) {
  const std::size_t at = run_start(b, to, host_char, 260);
  if (at == 0 || b[at - 1] != '@') return at;
  return run_start(b, at - 1, local_char, 64);
}

}  // namespace

Feature email_feature() {
  return Feature{"email",
                 {"email"},
                 {R"([A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}\.){1,4}[A-Za-z]{2,12})"},
                 handle, find_start};
}

}  // namespace corridor::extract

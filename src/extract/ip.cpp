// IP addresses: dotted IPv4 (no octet above 255, no leading zeros) and IPv6 in full or
// compressed form, validated and normalised by inet_pton/inet_ntop (RFC 5952).
#include <arpa/inet.h>

#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

bool hex(char c) { return is_ascii_digit(c) || (to_lower(c) >= 'a' && to_lower(c) <= 'f'); }

void ipv4(const Candidate& c, const HandlerContext& ctx) {
  if (glued_before(c.buf, c.from) || glued_after(c.buf, c.to)) return;
  // part of a longer dotted run (a version number, an OID)
  if (c.from >= 2 && c.buf[c.from - 1] == '.' && is_ascii_digit(c.buf[c.from - 2])) return;
  if (c.to + 1 < c.buf.size() && c.buf[c.to] == '.' && is_ascii_digit(c.buf[c.to + 1])) return;
  const std::string s(c.text());
  std::size_t start = 0;
  for (int part = 0; part < 4; ++part) {
    const auto dot = s.find('.', start);
    const std::string oct = s.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (oct.size() > 1 && oct[0] == '0') return;
    if (parse_fixed(oct) > 255) return;
    start = dot + 1;
  }
  ctx.emit(c, c.from, c.to, "ipv4", s);
}

void ipv6(const Candidate& c, const HandlerContext& ctx) {
  if (c.from > 0 && (hex(c.buf[c.from - 1]) || c.buf[c.from - 1] == ':' || is_ascii_alpha(c.buf[c.from - 1]))) return;
  if (c.to < c.buf.size() && (hex(c.buf[c.to]) || c.buf[c.to] == ':' || is_ascii_alpha(c.buf[c.to]))) return;
  const std::string s(c.text());
  std::size_t groups = 0, long_groups = 0, run = 0;
  for (char ch : s) {
    if (ch == ':') {
      if (run) ++groups;
      if (run >= 3) ++long_groups;
      run = 0;
    } else {
      ++run;
    }
  }
  if (run) ++groups;
  if (run >= 3) ++long_groups;
  const bool compressed = s.find("::") != std::string::npos;
  // Times ("12:30:45") and MAC addresses have neither eight groups nor "::"; a C++ scope
  // ("std::map") has no group of three or more hex digits.
  if (!(groups == 8 || (compressed && groups >= 2 && long_groups >= 1))) return;
  in6_addr a{};
  if (inet_pton(AF_INET6, s.c_str(), &a) != 1) return;
  char out[INET6_ADDRSTRLEN];
  if (!inet_ntop(AF_INET6, &a, out, sizeof out)) return;
  ctx.emit(c, c.from, c.to, "ipv6", out);
}

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (!texty_around(c.buf, c.from, c.to)) return;
  c.pattern == 0 ? ipv4(c, ctx) : ipv6(c, ctx);
}

}  // namespace

Feature ip_feature() {
  return Feature{"ip",
                 {"ipv4", "ipv6"},
                 {R"([0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3})",
                  R"([0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){0,5})"},
                 handle};
}

}  // namespace corridor::extract

// URLs with a scheme (http, https, ftp) or starting with "www.". Trailing sentence
// punctuation is not part of the URL. Value: scheme and host lower-cased, path kept.
#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (c.from > 0 && (is_ascii_alnum(c.buf[c.from - 1]) || c.buf[c.from - 1] == '.')) return;
  std::size_t to = c.to;
  int open = 0;
  for (std::size_t i = c.from; i < to; ++i) open += c.buf[i] == '(' ? 1 : (c.buf[i] == ')' ? -1 : 0);
  while (to > c.from) {
    const char e = c.buf[to - 1];
    if (e == '.' || e == ',' || e == ';' || e == ':' || e == '!' || e == '?' || e == '\'' || e == '"' ||
        (e == ')' && open < 0)) {
      if (e == ')') ++open;
      --to;
    } else {
      break;
    }
  }
  const std::string_view t = c.buf.substr(c.from, to - c.from);
  const auto scheme_end = t.find("://");
  const std::size_t host_begin = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
  std::size_t host_end = t.find_first_of("/?#", host_begin);
  if (host_end == std::string_view::npos) host_end = t.size();
  const std::string_view host = t.substr(host_begin, host_end - host_begin);
  if (host.size() < 3 || host.find('.') == std::string_view::npos || host.front() == '.' || host.back() == '.')
    return;
  std::string value = lower(t.substr(0, host_end)) + std::string(t.substr(host_end));
  ctx.emit(c, c.from, to, "url", value);
}

bool url_char(char c) {
  return is_ascii_alnum(c) || std::string_view("-._~:/?#@!$&'()*+,;=%[]").find(c) != std::string_view::npos;
}

// Matched for its end only: back over URL characters, then forward to the first scheme
// or "www." in that run.
std::size_t find_start(std::string_view b, std::size_t to, unsigned) {
  const std::size_t r = run_start(b, to, url_char, 1100);
  const std::string l = lower(b.substr(r, to - r));
  std::size_t best = std::string::npos;
  for (const char* s : {"http://", "https://", "ftp://", "www."}) best = std::min(best, l.find(s));
  return best == std::string::npos ? r : r + best;
}

}  // namespace

Feature url_feature() {
  constexpr const char* kChars = R"([A-Za-z0-9\-._~:/?#@!$&'()*+,;=%\[\]])";
  return Feature{"url",
                 {"url"},
                 {std::string(R"((?i)(?:https?|ftp)://)") + kChars + "{3,1000}",
                  std::string(R"((?i)www\.[A-Za-z0-9\-]{1,63}\.)") + kChars + "{2,1000}"},
                 handle, find_start};
}

}  // namespace corridor::extract

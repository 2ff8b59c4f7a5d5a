// BIC / SWIFT codes (ISO 9362): bank (4 letters), country (ISO 3166), location (2),
// optional branch (3). Eight capital letters are common words too, so a BIC is only
// taken after its keyword ("BIC", "SWIFT", "سويفت") within a few words.
#include "extract/feature.hpp"
#include "extract/text.hpp"
#include "extract/tld.hpp"

namespace corridor::extract {
namespace {

// The keyword must come right before the code, only punctuation or "code" between:
// "BIC: X", "SWIFT code X", "BIC/SWIFT: X", "رمز السويفت X".
bool keyword_before(std::string_view buf, std::size_t from) {
  const std::size_t lo = from > 40 ? from - 40 : 0;
  std::string_view w = buf.substr(lo, from - lo);
  auto trim = [&] {
    while (!w.empty() && std::string_view(" :-/()#=\t").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
  };
  auto ends = [&](std::string_view k) {
    return w.size() >= k.size() && contains_ci(w.substr(w.size() - k.size()), k);
  };
  trim();
  if (ends("code")) {
    w.remove_suffix(4);
    trim();
  }
  return ends("bic") || ends("swift") || ends("\u0633\u0648\u064a\u0641\u062a") ||
         ends("\u0633\u0648\u0626\u06cc\u0641\u062a");
}

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (!texty_around(c.buf, c.from, c.to)) return;
  if (glued_before(c.buf, c.from) || glued_after(c.buf, c.to)) return;
  const std::string_view t = c.text();
  if (t.size() != 8 && t.size() != 11) return;
  if (!iso_country(t.substr(4, 2)) || !keyword_before(c.buf, c.from)) return;
  ctx.emit(c, c.from, c.to, "bic", std::string(t), 1.0, "country=" + std::string(t.substr(4, 2)));
}

}  // namespace

Feature bic_feature() { return Feature{"bic", {"bic"}, {R"([A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)"}, handle}; }

}  // namespace corridor::extract

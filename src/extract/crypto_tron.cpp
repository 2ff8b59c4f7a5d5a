// TRON addresses ("T…", Base58Check with version byte 0x41), the chain most USDT
// payments between smugglers and hawaladars travel on.
#include "extract/checks.hpp"
#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (glued_before(c.buf, c.from) || glued_after(c.buf, c.to)) return;
  const auto p = base58check_decode(c.text());
  if (!p || p->size() != 21 || (*p)[0] != 0x41) return;
  ctx.emit(c, c.from, c.to, "tron", std::string(c.text()));
}

}  // namespace

Feature tron_feature() { return Feature{"tron", {"tron"}, {R"(T[1-9A-HJ-NP-Za-km-z]{33})"}, handle}; }

}  // namespace corridor::extract

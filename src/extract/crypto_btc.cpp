// Bitcoin addresses: legacy Base58Check (P2PKH "1…", P2SH "3…") and segwit
// bech32/bech32m ("bc1q…", "bc1p…", BIP-173/350). Value: the address, bech32 lower-cased.
#include "extract/checks.hpp"
#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (glued_before(c.buf, c.from) || glued_after(c.buf, c.to)) return;
  const std::string_view t = c.text();
  if (c.pattern == 0) {
    const auto p = base58check_decode(t);
    if (!p || p->size() != 21 || ((*p)[0] != 0x00 && (*p)[0] != 0x05)) return;
    ctx.emit(c, c.from, c.to, "btc", std::string(t), 1.0, (*p)[0] == 0 ? "kind=p2pkh" : "kind=p2sh");
  } else {
    const auto s = segwit_decode(t);
    if (!s || s->hrp != "bc") return;
    const std::string kind = s->witness_version == 0 ? (s->program.size() == 20 ? "p2wpkh" : "p2wsh")
                                                     : (s->witness_version == 1 ? "p2tr" : "segwit");
    ctx.emit(c, c.from, c.to, "btc", lower(t), 1.0, "kind=" + kind);
  }
}

}  // namespace

Feature btc_feature() {
  return Feature{"btc",
                 {"btc"},
                 {R"([13][1-9A-HJ-NP-Za-km-z]{25,34})", R"((?:bc|BC)1[02-9AC-HJ-NP-Zac-hj-np-z]{11,87})"},
                 handle};
}

}  // namespace corridor::extract

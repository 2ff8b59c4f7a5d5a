// BIC / SWIFT codes (ISO 9362): bank (4 letters), country (ISO 3166), location (2),
// optional branch (3). Eight capital letters are common words too, so a BIC is only
// taken after its keyword ("BIC", "SWIFT", "سويفت") within a few words.
#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

bool iso_country(std::string_view cc) {
  static constexpr std::string_view kCodes =
      "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY "
      "BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK "
      "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR "
      "IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK "
      "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
      "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF "
      "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";
  if (cc.size() != 2) return false;
  for (std::size_t i = 0; i + 2 <= kCodes.size(); i += 3)
    if (kCodes.substr(i, 2) == cc) return true;
  return false;
}

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
  if (glued_before(c.buf, c.from) || glued_after(c.buf, c.to)) return;
  const std::string_view t = c.text();
  if (t.size() != 8 && t.size() != 11) return;
  if (!iso_country(t.substr(4, 2)) || !keyword_before(c.buf, c.from)) return;
  ctx.emit(c, c.from, c.to, "bic", std::string(t), 1.0, "country=" + std::string(t.substr(4, 2)));
}

}  // namespace

Feature bic_feature() { return Feature{"bic", {"bic"}, {R"([A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)"}, handle}; }

}  // namespace corridor::extract

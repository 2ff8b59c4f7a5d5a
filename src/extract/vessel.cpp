// Vessel identifiers: IMO ship numbers ("IMO 9074729", check digit: the first six digits
// weighted 7..2, sum mod 10) and MMSI ("MMSI 636012345", nine digits whose Maritime
// Identification Digits must be an allocated range). Both need their keyword: a bare
// seven- or nine-digit number is far more often something else.
#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

bool imo_ok(std::string_view d) {
  if (d.size() != 7) return false;
  int sum = 0;
  for (int i = 0; i < 6; ++i) sum += (d[static_cast<std::size_t>(i)] - '0') * (7 - i);
  return sum % 10 == d[6] - '0';
}

bool mid_ok(int mid) { return mid >= 201 && mid <= 775; }

// Kind of station when the MMSI structure holds, or nullptr.
const char* mmsi_kind(std::string_view d) {
  if (d.size() != 9) return nullptr;
  auto num = [&](std::size_t at, std::size_t n) { return static_cast<int>(parse_fixed(d.substr(at, n))); };
  if (d[0] >= '2' && d[0] <= '7') return mid_ok(num(0, 3)) ? "ship" : nullptr;
  if (d.substr(0, 2) == "00") return mid_ok(num(2, 3)) ? "coast" : nullptr;
  if (d.substr(0, 3) == "111") return mid_ok(num(3, 3)) ? "sar-aircraft" : nullptr;
  if (d.substr(0, 3) == "970") return "ais-sart";
  if (d.substr(0, 3) == "972") return "mob";
  if (d.substr(0, 3) == "974") return "epirb";
  if (d.substr(0, 2) == "98") return mid_ok(num(2, 3)) ? "craft-associated" : nullptr;
  if (d.substr(0, 2) == "99") return mid_ok(num(2, 3)) ? "aid-to-navigation" : nullptr;
  return nullptr;
}

void handle(const Candidate& c, const HandlerContext& ctx) {
  if ((c.from > 0 && is_ascii_alpha(c.buf[c.from - 1])) || glued_after(c.buf, c.to)) return;
  const std::string d = digits_only(c.text().substr(c.pattern == 0 ? 3 : 4));
  if (c.pattern == 0) {
    if (imo_ok(d)) ctx.emit(c, c.from, c.to, "imo", d);
  } else if (const char* kind = mmsi_kind(d)) {
    ctx.emit(c, c.from, c.to, "mmsi", d, 1.0, std::string("kind=") + kind);
  }
}

}  // namespace

Feature vessel_feature() {
  return Feature{"vessel",
                 {"imo", "mmsi"},
                 {R"((?i)IMO(?: ?(?:no\.?|number|n\xC2\xB0|#))? ?:? ?[0-9]{7})", R"((?i)MMSI(?: ?(?:no\.?|#))? ?:? ?[0-9]{9})"},
                 handle};
}

}  // namespace corridor::extract

// Phone numbers in any digits and any spacing: "+218 91 234 5678", "00218912345678",
// "٠٩١٢٣٤٥٦٧٨", "۰۹۱۲ ۳۴۵ ۶۷۸۹", "0 6 6 1 - 2 3 4 5 6 7", with bidi marks between digits.
// Validated and normalised to E.164 by libphonenumber.
#include <algorithm>
#include <string>
#include <vector>

#include "extract/feature.hpp"
#include "extract/phone_util.hpp"
#include "extract/region.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

struct Group {
  std::size_t begin, end;  // bytes in the buffer
  std::string digits;      // ASCII
  bool persian = false;    // written in Extended Arabic-Indic (Persian/Urdu) digits
};

std::vector<Group> groups_of(const Candidate& c) {
  std::vector<Group> gs;
  std::size_t i = c.from;
  while (i < c.to) {
    std::size_t len = 0;
    int v = digit_at(c.buf, i, &len);
    if (v < 0) {
      ++i;
      continue;
    }
    Group g{i, i, {}, false};
    while (i < c.to && (v = digit_at(c.buf, i, &len)) >= 0) {
      g.digits.push_back(static_cast<char>('0' + v));
      g.persian = g.persian || static_cast<unsigned char>(c.buf[i]) == 0xDB;
      i += len;
    }
    g.end = i;
    gs.push_back(std::move(g));
  }
  return gs;
}

// Length in bytes of a separator or hidden character ending just before `pos`, or 0.
std::size_t sep_before(std::string_view b, std::size_t pos) {
  if (pos == 0) return 0;
  const char c = b[pos - 1];
  if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')') return 1;
  auto ends = [&](std::string_view s) { return pos >= s.size() && b.substr(pos - s.size(), s.size()) == s; };
  if (ends("\xC2\xA0") || ends("\xD8\x9C")) return 2;
  if (pos >= 3 && static_cast<unsigned char>(b[pos - 3]) == 0xE2) {
    const auto m = static_cast<unsigned char>(b[pos - 2]), l = static_cast<unsigned char>(b[pos - 1]);
    if (m == 0x80 && (l == 0x89 || (l >= 0x8B && l <= 0x8F) || (l >= 0xAA && l <= 0xAF))) return 3;
    if (m == 0x81 && ((l >= 0xA0 && l <= 0xA4) || (l >= 0xA6 && l <= 0xA9))) return 3;
  }
  if (ends("\xEF\xBB\xBF")) return 3;
  return 0;
}

// The phone pattern is matched for its end only; the candidate starts where the run of
// digits and separators ending there begins (at most a few hundred bytes back).
std::size_t find_start(std::string_view b, std::size_t to, unsigned) {
  std::size_t pos = to, first_digit = to;
  while (to - pos < 320) {
    if (digit_before(b, pos) >= 0) {
      std::size_t len = 1;
      for (std::size_t k = 1; k <= 3 && k <= pos; ++k) {
        std::size_t l = 0;
        if (digit_at(b, pos - k, &l) >= 0 && l == k) {
          len = k;
          break;
        }
      }
      pos -= len;
      first_digit = pos;
      continue;
    }
    const std::size_t s = sep_before(b, pos);
    if (s == 0) break;
    pos -= s;
  }
  if (pos >= 1 && b[pos - 1] == '+') return pos - 1;
  if (pos >= 3 && b.substr(pos - 3, 3) == "\xEF\xBC\x8B") return pos - 3;
  return first_digit;
}

bool starts_with_plus(std::string_view t) {
  return (!t.empty() && t[0] == '+') || t.substr(0, 3) == "\xEF\xBC\x8B";
}

void handle(const Candidate& c, const HandlerContext& ctx) {
  const std::string_view text = c.text();
  const bool plus = starts_with_plus(text);
  // A number glued to letters or to more digits is part of something else (a hex string,
  // a reference, a longer digit run).
  if (glued_before(c.buf, c.from) || glued_after(c.buf, c.to)) return;
  const auto gs = groups_of(c);
  std::vector<std::string> guessed;
  bool guessed_done = false;
  for (std::size_t i = 0; i < gs.size();) {
    bool found = false;
    std::string digits;
    for (std::size_t j = i; j < gs.size(); ++j) digits += gs[j].digits;
    for (std::size_t j = gs.size(); j-- > i;) {
      if (digits.size() < 7) break;
      const std::size_t from = (i == 0 && plus) ? c.from : gs[i].begin;
      const std::size_t to = gs[j].end;
      std::string number, detail;
      double confidence = 1.0;
      if (i == 0 && plus) {
        number = e164(digits, true);
      } else if (digits.size() > 9 && digits.compare(0, 2, "00") == 0) {
        number = e164(std::string_view(digits).substr(2), true);
      } else if (!ctx.opt.region.empty()) {
        number = e164(digits, false, ctx.opt.region);
        confidence = 0.9;
        detail = "region=" + ctx.opt.region;
      } else {
        if (!guessed_done) {
          guessed = ctx.regions.near(c.from, c.to);
          // Persian digits point to Iran or Afghanistan when no named country fits.
          if (gs[i].persian) {
            for (const char* r : {"IR", "AF"})
              if (std::find(guessed.begin(), guessed.end(), r) == guessed.end()) guessed.push_back(r);
          }
          guessed_done = true;
        }
        for (const auto& r : guessed) {
          number = e164(digits, false, r);
          if (!number.empty()) {
            confidence = 0.6;
            detail = "region=" + r + ";region_source=guessed";
            break;
          }
        }
      }
      if (!number.empty()) {
        ctx.emit(c, from, to, "phone", number, confidence, detail);
        i = j + 1;
        found = true;
        break;
      }
      digits.resize(digits.size() - gs[j].digits.size());
    }
    if (!found) ++i;
  }
}

}  // namespace

Feature phone_feature() {
  const std::string d = kDigit;
  const std::string sep = std::string("(?:[ .\\-()]|") + kHidden + ")";
  return Feature{"phone",
                 {"phone"},
                 {"(?:(?:\\+|\\xEF\\xBC\\x8B)" + sep + "{0,2})?" + d + "(?:" + sep + "{0,3}" + d + "){6,16}"},
                 handle, find_start};
}

}  // namespace corridor::extract

#include "extract/utf16.hpp"

#include <cstring>

#include "core/unicode.hpp"

namespace corridor::extract {
namespace {

// Code units that appear in the text of the routes: Latin, Greek, Cyrillic, Arabic
// (with presentation forms), Devanagari, general punctuation, currency, fullwidth.
bool texty(std::uint16_t u) {
  if (u < 0x80) return u == 0x09 || u == 0x0A || u == 0x0D || (u >= 0x20 && u < 0x7F);
  return (u >= 0xA0 && u <= 0x24F) || (u >= 0x370 && u <= 0x4FF) || (u >= 0x600 && u <= 0x6FF) ||
         (u >= 0x750 && u <= 0x77F) || (u >= 0x900 && u <= 0x97F) || (u >= 0x2000 && u <= 0x206F) ||
         (u >= 0x20A0 && u <= 0x20CF) || (u >= 0xFB50 && u <= 0xFDFF) ||
         (u >= 0xFE70 && u <= 0xFEFC) || (u >= 0xFF00 && u <= 0xFFEF);
}

bool wordy(std::uint16_t u) {
  return (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
         (u >= 0x620 && u <= 0x669) || (u >= 0x6F0 && u <= 0x6F9) || (u >= 0xFF10 && u <= 0xFF5A);
}

struct Span {
  std::size_t begin = 0, end = 0, words = 0;
};

std::uint16_t unit(std::string_view b, std::size_t i, bool be) {
  const auto lo = static_cast<std::uint8_t>(b[be ? i + 1 : i]);
  const auto hi = static_cast<std::uint8_t>(b[be ? i : i + 1]);
  return static_cast<std::uint16_t>(hi << 8 | lo);
}

Span extend(std::string_view b, std::size_t at, bool be) {
  Span s{at, at, 0};
  if (at + 2 > b.size() || !texty(unit(b, at, be))) return s;
  while (s.begin >= 2 && texty(unit(b, s.begin - 2, be))) s.begin -= 2;
  s.end = at;
  while (s.end + 2 <= b.size() && texty(unit(b, s.end, be))) s.end += 2;
  for (std::size_t i = s.begin; i < s.end; i += 2) s.words += wordy(unit(b, i, be)) ? 1 : 0;
  return s;
}

}  // namespace

std::vector<Utf16Run> find_utf16_runs(std::string_view b, std::size_t min_units) {
  std::vector<Utf16Run> runs;
  std::size_t pos = 0;
  while (pos < b.size()) {
    const void* z = std::memchr(b.data() + pos, 0, b.size() - pos);
    if (!z) break;
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(z) - b.data());
    // The NUL is the high byte of an ASCII-range unit: an LE unit starts just before it, a
    // BE unit at it. ASCII-range text reads the same in both alignments one byte apart, and
    // a NUL pair (a terminator) can make only the odd reading look valid, so the LE unit
    // just after is tried too; strings in binary formats sit on even offsets, so the even
    // reading wins, then the longer.
    const Span cand[3] = {at >= 1 ? extend(b, at - 1, false) : Span{}, extend(b, at, true),
                          extend(b, at + 1, false)};
    const bool is_be[3] = {false, true, false};
    int best = -1;
    for (int k = 0; k < 3; ++k) {
      const Span& c = cand[k];
      if ((c.end - c.begin) / 2 < min_units || c.words < 3 || c.begin < pos) continue;
      if (best < 0) {
        best = k;
        continue;
      }
      const Span& o = cand[best];
      const bool even = c.begin % 2 == 0, o_even = o.begin % 2 == 0;
      if ((even && !o_even) || (even == o_even && c.end - c.begin > o.end - o.begin)) best = k;
    }
    if (best < 0) {
      pos = at + 1;
      continue;
    }
    const Span& s = cand[best];
    const bool use_be = is_be[best];
    Utf16Run r;
    r.begin = s.begin;
    r.end = s.end;
    r.big_endian = use_be;
    r.text.reserve((s.end - s.begin) / 2);
    for (std::size_t i = s.begin; i < s.end; i += 2) {
      const std::size_t before = r.text.size();
      unicode::append_utf8(r.text, unit(b, i, use_be));
      for (std::size_t k = before; k < r.text.size(); ++k) r.map.push_back(static_cast<std::uint32_t>(i - s.begin));
    }
    r.map.push_back(static_cast<std::uint32_t>(s.end - s.begin));
    runs.push_back(std::move(r));
    pos = s.end;
  }
  return runs;
}

}  // namespace corridor::extract

// Dates (and date-times) in the forms of chats and adverts: ISO "2025-03-14 21:30",
// day-first "14/03/2025", "14.03.2025", month names in English, French and Arabic
// ("14 mars 2025", "March 14, 2025", "١٤ مارس ٢٠٢٥"). Value: ISO 8601.
#include <array>
#include <cstdio>

#include "extract/feature.hpp"
#include "extract/text.hpp"

namespace corridor::extract {
namespace {

struct Month {
  std::string_view name;
  int month;
};

constexpr std::array kMonths{
    Month{"january", 1}, Month{"janvier", 1}, Month{"janv", 1}, Month{"jan", 1},
    Month{"february", 2}, Month{"f\u00e9vrier", 2}, Month{"fevrier", 2}, Month{"f\u00e9v", 2}, Month{"feb", 2},
    Month{"march", 3}, Month{"mars", 3}, Month{"mar", 3},
    Month{"april", 4}, Month{"avril", 4}, Month{"apr", 4}, Month{"avr", 4},
    Month{"may", 5}, Month{"mai", 5},
    Month{"june", 6}, Month{"juin", 6}, Month{"jun", 6},
    Month{"july", 7}, Month{"juillet", 7}, Month{"juil", 7}, Month{"jul", 7},
    Month{"august", 8}, Month{"ao\u00fbt", 8}, Month{"aout", 8}, Month{"aug", 8},
    Month{"september", 9}, Month{"septembre", 9}, Month{"sept", 9}, Month{"sep", 9},
    Month{"october", 10}, Month{"octobre", 10}, Month{"oct", 10},
    Month{"november", 11}, Month{"novembre", 11}, Month{"nov", 11},
    Month{"december", 12}, Month{"d\u00e9cembre", 12}, Month{"decembre", 12}, Month{"d\u00e9c", 12}, Month{"dec", 12},
    Month{"\u064a\u0646\u0627\u064a\u0631", 1}, Month{"\u0641\u0628\u0631\u0627\u064a\u0631", 2},
    Month{"\u0645\u0627\u0631\u0633", 3}, Month{"\u0623\u0628\u0631\u064a\u0644", 4}, Month{"\u0645\u0627\u064a\u0648", 5},
    Month{"\u064a\u0648\u0646\u064a\u0648", 6}, Month{"\u064a\u0648\u0644\u064a\u0648", 7},
    Month{"\u0623\u063a\u0633\u0637\u0633", 8}, Month{"\u0633\u0628\u062a\u0645\u0628\u0631", 9},
    Month{"\u0623\u0643\u062a\u0648\u0628\u0631", 10}, Month{"\u0646\u0648\u0641\u0645\u0628\u0631", 11},
    Month{"\u062f\u064a\u0633\u0645\u0628\u0631", 12},
};

// Numbers of the folded text, and the month name if one is present.
struct Parts {
  std::vector<int> nums;
  std::vector<std::size_t> widths;
  int month = 0;
};

Parts parts_of(std::string_view t) {
  Parts p;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t len = 0;
    if (digit_at(t, i, &len) >= 0) {
      int v = 0;
      std::size_t w = 0;
      int dv;
      while (i < t.size() && (dv = digit_at(t, i, &len)) >= 0) {
        v = v * 10 + dv;
        ++w;
        i += len;
        if (w > 4) break;
      }
      p.nums.push_back(v);
      p.widths.push_back(w);
      continue;
    }
    if (!p.month) {
      std::size_t best = 0;
      for (const auto& m : kMonths) {
        if (m.name.size() <= best || t.size() - i < m.name.size()) continue;
        bool eq = true;
        for (std::size_t k = 0; k < m.name.size() && eq; ++k) eq = to_lower(t[i + k]) == m.name[k];
        if (eq && (i + m.name.size() >= t.size() || !is_ascii_alpha(t[i + m.name.size()]))) {
          best = m.name.size();
          p.month = m.month;
        }
      }
      if (best) {
        i += best;
        continue;
      }
    }
    ++i;
  }
  return p;
}

bool valid_ymd(int y, int m, int d) {
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

void handle(const Candidate& c, const HandlerContext& ctx) {
  if (!texty_around(c.buf, c.from, c.to)) return;
  if (glued_before(c.buf, c.from) || glued_after(c.buf, c.to)) return;
  // "1.2.3.2024" or "10.0.0.1": part of a longer dotted run, not a date
  if (c.from >= 2 && (c.buf[c.from - 1] == '.' || c.buf[c.from - 1] == '/') && digit_before(c.buf, c.from - 1) >= 0)
    return;
  if (c.to + 1 < c.buf.size() && (c.buf[c.to] == '.' || c.buf[c.to] == ':' || c.buf[c.to] == '/') &&
      digit_at(c.buf, c.to + 1) >= 0)
    return;
  const Parts p = parts_of(c.text());
  int y = 0, m = 0, d = 0;
  std::size_t time_at = 3;
  std::string order;
  switch (c.pattern) {
    case 0:  // ISO
      if (p.nums.size() < 3) return;
      y = p.nums[0], m = p.nums[1], d = p.nums[2];
      order = "ymd";
      break;
    case 1:  // numeric, day first unless only month-first makes sense
      if (p.nums.size() < 3 || p.widths[2] != 4) return;
      d = p.nums[0], m = p.nums[1], y = p.nums[2];
      order = "dmy";
      if (m > 12 && d <= 12) {
        std::swap(d, m);
        order = "mdy";
      }
      break;
    case 2:  // 14 mars 2025
    case 3:  // March 14, 2025
      if (p.nums.size() < 2 || !p.month) return;
      d = p.nums[0], m = p.month, y = p.nums[1];
      time_at = 2;
      order = "named";
      break;
    default:
      return;
  }
  if (!valid_ymd(y, m, d)) return;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  std::string value = buf;
  if (p.nums.size() >= time_at + 2) {
    const int hh = p.nums[time_at], mm = p.nums[time_at + 1];
    const int ss = p.nums.size() >= time_at + 3 ? p.nums[time_at + 2] : -1;
    if (hh > 23 || mm > 59 || ss > 59) return;
    std::snprintf(buf, sizeof buf, "T%02d:%02d", hh, mm);
    value += buf;
    if (ss >= 0) {
      std::snprintf(buf, sizeof buf, ":%02d", ss);
      value += buf;
    }
  }
  ctx.emit(c, c.from, c.to, "date", value, 1.0, "order=" + order);
}

}  // namespace

Feature date_feature() {
  const std::string d = kDigit;
  const std::string time = "(?:(?:T| | ?, ?|" + std::string(R"(\xD8\x8C ?)") + ")" + d + "{1,2}:" + d + "{2}(?::" + d + "{2})?)?";
  const std::string months_latin =
      R"((?i:jan(?:uary|vier|v)?|f(?:eb(?:ruary)?|\xC3\xA9vrier|evrier|\xC3\xA9v)|mar(?:ch|s)?|a(?:pr(?:il)?|vr(?:il)?)|ma[yi]|ju(?:ne?|in|ly?|il(?:let)?)|a(?:ug(?:ust)?|o\xC3\xBBt|out)|sep(?:t(?:ember|embre)?)?|oct(?:ober|obre)?|nov(?:ember|embre)?|d(?:ec(?:ember|embre)?|\xC3\xA9c(?:embre)?)))";
  const std::string months_arabic =
      R"((?:\xD9\x8A\xD9\x86\xD8\xA7\xD9\x8A\xD8\xB1|\xD9\x81\xD8\xA8\xD8\xB1\xD8\xA7\xD9\x8A\xD8\xB1|\xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3|\xD8\xA3\xD8\xA8\xD8\xB1\xD9\x8A\xD9\x84|\xD9\x85\xD8\xA7\xD9\x8A\xD9\x88|\xD9\x8A\xD9\x88\xD9\x86\xD9\x8A\xD9\x88|\xD9\x8A\xD9\x88\xD9\x84\xD9\x8A\xD9\x88|\xD8\xA3\xD8\xBA\xD8\xB3\xD8\xB7\xD8\xB3|\xD8\xB3\xD8\xA8\xD8\xAA\xD9\x85\xD8\xA8\xD8\xB1|\xD8\xA3\xD9\x83\xD8\xAA\xD9\x88\xD8\xA8\xD8\xB1|\xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1|\xD8\xAF\xD9\x8A\xD8\xB3\xD9\x85\xD8\xA8\xD8\xB1))";
  return Feature{"date",
                 {"date"},
                 {d + "{4}-" + d + "{2}-" + d + "{2}" + time,
                  "(?:" + d + "{1,2}/" + d + "{1,2}/" + d + "{4}|" + d + "{1,2}\\." + d + "{1,2}\\." + d + "{4}|" + d +
                      "{1,2}-" + d + "{1,2}-" + d + "{4})" + time,
                  d + "{1,2} (?:" + months_latin + "\\.?|" + months_arabic + ") " + d + "{4}" + time,
                  months_latin + "\\.? " + d + "{1,2},? " + d + "{4}" + time},
                 handle};
}

}  // namespace corridor::extract

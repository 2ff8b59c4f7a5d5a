#include <algorithm>
#include <array>
#include <string_view>

#include "extract/engine.hpp"

namespace corridor::extract {
namespace {

// Strongest reading first: a checksummed identifier beats a looser one over the same bytes.
// A zone with a failed check digit still outranks the dates and numbers inside it.
constexpr std::array<std::string_view, 24> kRank{
    "mrz",  "mrz_invalid", "iban",  "btc",   "eth",   "tron",  "card",  "email", "url",
    "telegram", "whatsapp", "viber", "signal", "imo", "mmsi", "coord", "ipv6",
    "ipv4", "bic",   "date",  "money", "phone", "handle", "domain"};

int rank(std::string_view type) {
  const auto it = std::find(kRank.begin(), kRank.end(), type);
  return it == kRank.end() ? static_cast<int>(kRank.size()) : static_cast<int>(it - kRank.begin());
}

bool is_link(std::string_view t) {
  return t == "url" || t == "telegram" || t == "whatsapp" || t == "viber" || t == "signal";
}

// Readings that describe the same bytes from two sides and are both wanted.
bool coexist(std::string_view a, std::string_view b) {
  if (is_link(a) && is_link(b)) return true;  // https://t.me/x is a URL and a Telegram link
  if ((is_link(a) && b == "phone") || (is_link(b) && a == "phone")) return true;  // wa.me/<number>
  return false;
}

}  // namespace

void resolve_overlaps(std::vector<Mention>& ms) {
  std::sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) {
    if (a.offset != b.offset) return a.offset < b.offset;
    if (a.length != b.length) return a.length > b.length;
    return rank(a.type) < rank(b.type);
  });
  std::vector<bool> dead(ms.size(), false);
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (dead[i]) continue;
    const std::uint64_t end_i = ms[i].offset + ms[i].length;
    for (std::size_t j = i + 1; j < ms.size() && ms[j].offset < end_i; ++j) {
      if (dead[j]) continue;
      const Mention& a = ms[i];
      const Mention& b = ms[j];
      if (a.type == b.type) {
        dead[j] = true;  // same type over the same bytes: the earlier, longer one stands
      } else if (!coexist(a.type, b.type)) {
        if (rank(b.type) < rank(a.type)) {
          dead[i] = true;
          break;
        }
        dead[j] = true;
      }
    }
  }
  std::size_t w = 0;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (dead[i]) continue;
    if (w != i) ms[w] = std::move(ms[i]);
    ++w;
  }
  ms.resize(w);
}

}  // namespace corridor::extract

// Any text and any protected values through the erasure's scrub and the pseudonyms' scrub:
// no crash, and no number left in the output that spells a protected one.
// Input: the protected values, one per line, then an empty line, then the text.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/number_spellings.hpp"
#include "app/pseudonyms.hpp"
#include "app/statement_removal.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void check_no_number_left(const std::string& out, const std::vector<std::string>& quotes) {
  for (const auto& q : quotes) {
    const auto key = corridor::number_key(q);
    for (const auto& run : corridor::number_runs(out)) check(!corridor::spells(key, run));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const auto split = in.find("\n\n");
  const std::string_view head = split == std::string_view::npos ? std::string_view() : in.substr(0, split);
  const std::string text(split == std::string_view::npos ? in : in.substr(split + 2));
  std::vector<std::string> quotes;
  for (std::size_t at = 0; at <= head.size() && !head.empty();) {
    const auto end = std::min(head.find('\n', at), head.size());
    quotes.emplace_back(head.substr(at, end - at));
    at = end + 1;
  }
  check_no_number_left(corridor::app::scrubbed(text, quotes), quotes);
  std::array<std::uint8_t, 32> secret{};
  corridor::app::Pseudonyms p(secret);
  for (const auto& q : quotes) p.protect_value(q);
  check_no_number_left(p.scrub(text), quotes);
  return 0;
}

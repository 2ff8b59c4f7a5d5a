#pragma once
// UTF-16 text hidden in binary data (Windows and Android stores, SQLite pages, memory
// images), found the way bulk_extractor does: around NUL bytes, where a run of code units
// that are all plausible text begins; decoded to UTF-8 with a map back to the bytes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace corridor::extract {

struct Utf16Run {
  std::size_t begin = 0, end = 0;  // byte range in the scanned buffer
  bool big_endian = false;
  std::string text;                // UTF-8
  std::vector<std::uint32_t> map;  // text byte i comes from buffer byte begin + map[i]; size text+1
};

// Runs of at least `min_units` code units containing at least three letters or digits.
std::vector<Utf16Run> find_utf16_runs(std::string_view buf, std::size_t min_units = 6);

}  // namespace corridor::extract

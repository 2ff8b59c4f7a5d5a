#pragma once
// A zip of named byte strings, as libarchive writes it: the demo's seized-phone export, and
// an export of several files (the csv network) answered as one download. Every entry
// carries the time it is given, never the clock, so the same entries make the same bytes.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace corridor::exchange {

struct ZipEntry {
  std::string path;  // inside the archive
  std::string bytes;
  std::int64_t mtime = 0;  // unix seconds
};

// Throws corridor::Error naming `out` when it cannot be written. Zip's MS-DOS times are
// local times: `in_utc` writes them in UTC, the same bytes in every time zone, by setting
// the process's TZ for the while, so only a single-threaded caller (the demo) may ask it.
void write_zip(const std::filesystem::path& out, const std::vector<ZipEntry>& entries, bool in_utc = false);

}  // namespace corridor::exchange

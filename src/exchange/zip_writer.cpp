#include "exchange/zip_writer.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace corridor::exchange {

namespace {

// Zip stores MS-DOS times, which libarchive converts with localtime(): the same entries
// would give other bytes in another time zone, unless written in UTC with the zone put
// back after.
class UtcZone {
 public:
  UtcZone() {
    if (const char* tz = std::getenv("TZ")) saved_ = tz;
    setenv("TZ", "UTC", 1);
    tzset();
  }
  ~UtcZone() {
    if (saved_) setenv("TZ", saved_->c_str(), 1); else unsetenv("TZ");
    tzset();
  }
  UtcZone(const UtcZone&) = delete;
  UtcZone& operator=(const UtcZone&) = delete;

 private:
  std::optional<std::string> saved_;
};

}  // namespace

void write_zip(const std::filesystem::path& out, const std::vector<ZipEntry>& entries, bool in_utc) {
  std::optional<UtcZone> utc;
  if (in_utc) utc.emplace();
  std::unique_ptr<archive, decltype(&archive_write_free)> a(archive_write_new(), &archive_write_free);
  if (!a) throw Error(out.string(), "libarchive: out of memory");
  auto check = [&](int rc) {
    if (rc != ARCHIVE_OK) throw Error(out.string(), std::string("libarchive: ") + archive_error_string(a.get()));
  };
  check(archive_write_set_format_zip(a.get()));
  check(archive_write_open_filename(a.get(), out.c_str()));
  std::unique_ptr<archive_entry, decltype(&archive_entry_free)> e(archive_entry_new(), &archive_entry_free);
  for (const ZipEntry& item : entries) {
    archive_entry_clear(e.get());
    archive_entry_set_pathname_utf8(e.get(), item.path.c_str());
    archive_entry_set_size(e.get(), static_cast<la_int64_t>(item.bytes.size()));
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0644);
    archive_entry_set_mtime(e.get(), item.mtime, 0);
    check(archive_write_header(a.get(), e.get()));
    if (!item.bytes.empty() &&
        archive_write_data(a.get(), item.bytes.data(), item.bytes.size()) != static_cast<la_ssize_t>(item.bytes.size()))
      throw Error(out.string(), std::string("libarchive: ") + archive_error_string(a.get()));
  }
  check(archive_write_close(a.get()));
}

}  // namespace corridor::exchange

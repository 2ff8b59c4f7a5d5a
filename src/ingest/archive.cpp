// Archives (zip, tar, tar.gz/bz2/xz, 7z, rar, and single gzip/bzip2/xz files) through
// libarchive. Every regular member is written to the source's temp_dir under a generated
// name and handed to sink.child(); the app turns it into an evidence item whose parent is
// the archive, and recurses. Nothing is ever written under a member's own name, so a
// "../" or absolute name cannot escape; such names are refused outright all the same,
// because an archive built to traverse paths is itself a finding.
// Zip bombs: total and per-member size, member count and unpacked/packed ratio limits
// (ReadOptions::archive) stop the unpacking with a message naming the limit.
#include <archive.h>
#include <archive_entry.h>

#include <cstdio>
#include <memory>

#include "core/error.hpp"
#include "ingest/emit.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_util.hpp"

namespace corridor::ingest {

namespace {

using ArchivePtr = std::unique_ptr<struct archive, decltype(&archive_read_free)>;

// "a/./b" -> "a/b"; empty when the name is absolute, has a drive letter, a backslash
// path or a ".." component.
std::string safe_member_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos) return {};
  if (name.size() >= 2 && name[1] == ':') return {};
  std::string out;
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = std::min(name.find('/', start), name.size());
    const std::string_view part = name.substr(start, end - start);
    if (part == "..") return {};
    if (!part.empty() && part != ".") {
      if (!out.empty()) out += '/';
      out += part;
    }
    start = end + 1;
  }
  return out;
}

bool archive_media_type(const std::string& t) {
  for (const char* a : {"application/zip", "application/x-tar", "application/gzip", "application/x-gzip",
                        "application/x-7z-compressed", "application/x-bzip2", "application/x-xz",
                        "application/x-rar", "application/vnd.rar", "application/x-rar-compressed",
                        "application/java-archive"})
    if (t == a) return true;
  return false;
}

class ArchiveReader final : public Reader {
 public:
  std::string_view name() const override { return "archive"; }

  int confidence(const Source& src) const override {
    const std::string_view h = src.head;
    if (archive_media_type(src.media_type)) return 70;
    if (h.substr(0, 4) == "PK\x03\x04" || h.substr(0, 6) == "7z\xBC\xAF\x27\x1C" ||
        (h.size() > 262 && h.substr(257, 5) == "ustar"))
      return 70;
    return 0;
  }

  void read(const Source& src, Sink& sink) const override {
    const std::string file = display_name(src);
    const ArchiveLimits& lim = src.options.archive;
    ArchivePtr a(archive_read_new(), &archive_read_free);
    archive_read_support_filter_all(a.get());
    archive_read_support_format_all(a.get());
    archive_read_support_format_raw(a.get());  // a lone .gz/.bz2/.xz file
    if (archive_read_open_filename(a.get(), src.path.c_str(), 1 << 16) != ARCHIVE_OK)
      throw Error(file, std::string("cannot open archive: ") + err(a.get()));
    std::uint64_t total = 0, members = 0;
    std::vector<char> buf(1 << 16);
    archive_entry* entry = nullptr;
    for (;;) {
      const int r = archive_read_next_header(a.get(), &entry);
      if (r == ARCHIVE_EOF) break;
      if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
        throw Error(where(file, "member", members + 1), std::string("unreadable archive: ") + err(a.get()));
      const char* raw_name = archive_entry_pathname_utf8(entry);
      if (!raw_name) raw_name = archive_entry_pathname(entry);
      std::string raw = raw_name ? raw_name : "";
      const bool raw_format = archive_format(a.get()) == ARCHIVE_FORMAT_RAW;
      if (raw_format) raw = single_name(src.original_name);
      if (archive_entry_filetype(entry) != AE_IFREG) continue;  // folders, links, devices
      const std::string member = safe_member_name(raw);
      if (member.empty())
        throw Error(file, "member '" + valid_utf8(raw) + "' would be written outside the archive's folder; refused");
      if (archive_entry_is_encrypted(entry)) throw Error(file, "member '" + member + "' is encrypted");
      if (++members > lim.max_entries)
        throw Error(file, "more than " + std::to_string(lim.max_entries) + " members; refused as a possible zip bomb");
      const auto temp = src.temp_dir / ("member-" + std::to_string(members));
      std::FILE* out = std::fopen(temp.c_str(), "wb");
      if (!out) throw Error(file, "cannot write " + temp.filename().string() + " in the temporary folder");
      std::uint64_t size = 0;
      try {
        for (;;) {
          const la_ssize_t n = archive_read_data(a.get(), buf.data(), buf.size());
          if (n == 0) break;
          if (n < 0) throw Error(file, "member '" + member + "': " + err(a.get()));
          size += static_cast<std::uint64_t>(n);
          total += static_cast<std::uint64_t>(n);
          check_limits(file, member, size, total, src.size, lim);
          if (std::fwrite(buf.data(), 1, static_cast<std::size_t>(n), out) != static_cast<std::size_t>(n))
            throw Error(file, "cannot write member '" + member + "' to the temporary folder (disk full?)");
        }
      } catch (...) {
        std::fclose(out);
        std::filesystem::remove(temp);
        throw;
      }
      if (std::fclose(out) != 0) throw Error(file, "cannot write member '" + member + "'");
      sink.child(member, temp);
      sink.progress(static_cast<std::uint64_t>(archive_filter_bytes(a.get(), -1)), members);
    }
  }

 private:
  static std::string err(struct archive* a) {
    const char* e = archive_error_string(a);
    return e ? e : "unknown error";
  }

  // A lone compressed file: its name without the compression suffix.
  static std::string single_name(const std::string& original) {
    std::string n = std::filesystem::path(original).filename().string();
    for (std::string_view ext : {".gz", ".bz2", ".xz", ".GZ"})
      if (n.size() > ext.size() && n.compare(n.size() - ext.size(), ext.size(), ext) == 0) return n.substr(0, n.size() - ext.size());
    return n.empty() ? "data" : n + ".out";
  }

  static void check_limits(const std::string& file, const std::string& member, std::uint64_t size, std::uint64_t total,
                           std::uint64_t packed, const ArchiveLimits& lim) {
    if (size > lim.max_entry_bytes)
      throw Error(file, "member '" + member + "' unpacks to more than " + std::to_string(lim.max_entry_bytes) +
                            " bytes; refused as a possible zip bomb");
    if (total > lim.max_total_bytes)
      throw Error(file, "members unpack to more than " + std::to_string(lim.max_total_bytes) +
                            " bytes; refused as a possible zip bomb");
    if (total > lim.ratio_grace && static_cast<double>(total) > lim.max_ratio * static_cast<double>(std::max<std::uint64_t>(packed, 1)))
      throw Error(file, "unpacks to more than " + std::to_string(static_cast<long long>(lim.max_ratio)) +
                            " times its own size (" + std::to_string(total) + " bytes from " + std::to_string(packed) +
                            " at member '" + member + "'); refused as a possible zip bomb");
  }
};

}  // namespace

const Reader& archive_reader() {
  static const ArchiveReader r;
  return r;
}

}  // namespace corridor::ingest

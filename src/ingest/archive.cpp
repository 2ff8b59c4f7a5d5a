// Archives (zip, tar, tar.gz/bz2/xz, 7z, rar, and single gzip/bzip2/xz files) through
// libarchive. Every regular member is written to the source's temp_dir under a generated
// name and handed to sink.child(); the app turns it into an evidence item whose parent is
// the archive, and recurses. Nothing is ever written under a member's own name, so a
// "../" or absolute name cannot escape; such names are refused outright all the same,
// because an archive built to traverse paths is itself a finding.
// Zip bombs: total and per-member size, member count, depth and unpacked/packed ratio
// limits (ReadOptions::archive), counted over the whole tree of the top-level item
// (UnpackBudget), stop the unpacking with a message naming the limit. Links, devices,
// encrypted and damaged members are not extracted but reported to the sink (left_out);
// an archive that yields no member at all is an error.
#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include "core/error.hpp"
#include "ingest/emit.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_util.hpp"
#include "ingest/unpack_budget.hpp"

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

std::string err(struct archive* a) {
  const char* e = archive_error_string(a);
  return e ? e : "unknown error";
}

// A lone compressed file: its name without the compression suffix.
std::string single_name(const std::string& original) {
  std::string n = std::filesystem::path(original).filename().string();
  for (std::string_view ext : {".gz", ".bz2", ".xz", ".GZ"})
    if (n.size() > ext.size() && n.compare(n.size() - ext.size(), ext.size(), ext) == 0) return n.substr(0, n.size() - ext.size());
  return n.empty() ? "data" : n + ".out";
}

std::string entry_name(struct archive* a, archive_entry* entry, const Source& src) {
  if (archive_format(a) == ARCHIVE_FORMAT_RAW) return single_name(src.original_name);
  const char* name = archive_entry_pathname_utf8(entry);
  if (!name) name = archive_entry_pathname(entry);
  return name ? name : "";
}

// Why an entry that is not a regular file is not extracted; empty for a regular file.
// Links are never followed: their target may lie outside the archive.
std::string not_extracted(archive_entry* entry) {
  if (const char* to = archive_entry_hardlink(entry)) return "hard link to '" + valid_utf8(to) + "'; not followed";
  if (const char* to = archive_entry_symlink(entry)) return "symbolic link to '" + valid_utf8(to) + "'; not followed";
  switch (archive_entry_filetype(entry)) {
    case AE_IFREG: return {};
    case AE_IFLNK: return "symbolic link; not followed";
    case AE_IFIFO: return "FIFO entry; not extracted";
    case AE_IFCHR:
    case AE_IFBLK: return "device entry; not extracted";
    case AE_IFSOCK: return "socket entry; not extracted";
    default: return "entry of unknown type; not extracted";
  }
}

bool archive_media_type(const std::string& t) {
  for (const char* a : {"application/zip", "application/x-tar", "application/gzip", "application/x-gzip",
                        "application/x-7z-compressed", "application/x-bzip2", "application/x-xz",
                        "application/x-rar", "application/vnd.rar", "application/x-rar-compressed",
                        "application/java-archive"})
    if (t == a) return true;
  return false;
}

// One archive being unpacked: writes its members to the temporary folder, tells the sink
// about each member it does not extract, and keeps the budget informed block by block.
struct Unpacking {
  Unpacking(const Source& s, Sink& k, UnpackBudget& b, std::string f, struct archive* ar)
      : src(s), sink(k), budget(b), file(std::move(f)), a(ar) {}

  const Source& src;
  Sink& sink;
  UnpackBudget& budget;
  std::string file;
  struct archive* a;
  std::uint64_t extracted = 0;
  UnpackBudget::Progress at;
  std::vector<LeftOut> unread;
  std::vector<char> buf = std::vector<char>(1 << 16);

  void left_out(const std::string& item, const std::string& reason) {
    unread.push_back({item, reason});
    sink.left_out(item, reason);
  }

  std::string nothing_read() const {
    if (unread.empty()) return "the archive holds no file";
    std::string why;
    for (const auto& u : unread) why += (why.empty() ? "" : "; ") + u.item + ": " + u.reason;
    return "no member could be read (" + why + ")";
  }

  void member(archive_entry* entry) {
    const std::string raw = entry_name(a, entry, src);
    if (archive_entry_filetype(entry) == AE_IFDIR) return;
    if (const std::string why = not_extracted(entry); !why.empty()) {
      left_out(valid_utf8(raw), why);
      return;
    }
    const std::string name = safe_member_name(raw);
    if (name.empty())
      throw Error(file, "member '" + valid_utf8(raw) + "' would be written outside the archive's folder; refused");
    if (archive_entry_is_encrypted(entry)) {
      left_out(name, "encrypted; not read");
      return;
    }
    budget.enter_member(file, name, src.depth);
    const auto temp = src.temp_dir / ("member-" + std::to_string(extracted + unread.size() + 1));
    // A damaged member does not stop the others: libarchive's next header says whether
    // the archive can go on.
    if (!write_member(name, temp)) {
      std::filesystem::remove(temp);
      left_out(name, "unreadable: " + err(a));
      return;
    }
    ++extracted;
    sink.child(name, temp);
    sink.progress(static_cast<std::uint64_t>(archive_filter_bytes(a, -1)), extracted);
  }

  // False when the member's data cannot be read.
  bool write_member(const std::string& name, const std::filesystem::path& temp) {
    std::FILE* out = std::fopen(temp.c_str(), "wb");
    if (!out) throw Error(file, "cannot write " + temp.filename().string() + " in the temporary folder");
    at.member_bytes = 0;
    la_ssize_t n = 0;
    try {
      while ((n = archive_read_data(a, buf.data(), buf.size())) > 0) {
        const auto got = static_cast<std::uint64_t>(n);
        at.member_bytes += got;
        at.unpacked += got;
        at.read = static_cast<std::uint64_t>(std::max<la_int64_t>(archive_filter_bytes(a, -1), 0));
        budget.unpacked(file, name, got, at);
        if (std::fwrite(buf.data(), 1, static_cast<std::size_t>(n), out) != static_cast<std::size_t>(n))
          throw Error(file, "cannot write member '" + name + "' to the temporary folder (disk full?)");
      }
    } catch (...) {
      std::fclose(out);
      std::filesystem::remove(temp);
      throw;
    }
    if (std::fclose(out) != 0) throw Error(file, "cannot write member '" + name + "'");
    return n == 0;
  }
};

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
    UnpackBudget own(src.options.archive, file, src.size);
    UnpackBudget& budget = src.budget ? *src.budget : own;
    ArchivePtr a(archive_read_new(), &archive_read_free);
    archive_read_support_filter_all(a.get());
    archive_read_support_format_all(a.get());
    archive_read_support_format_raw(a.get());  // a lone .gz/.bz2/.xz file
    if (archive_read_open_filename(a.get(), src.path.c_str(), 1 << 16) != ARCHIVE_OK)
      throw Error(file, std::string("cannot open archive: ") + err(a.get()));
    Unpacking u(src, sink, budget, file, a.get());
    archive_entry* entry = nullptr;
    for (std::uint64_t index = 1;; ++index) {
      const int r = archive_read_next_header(a.get(), &entry);
      if (r == ARCHIVE_EOF) break;
      if (r == ARCHIVE_FATAL) {  // nothing after this point can be read
        u.left_out("member " + std::to_string(index), "unreadable: " + err(a.get()));
        break;
      }
      if (r == ARCHIVE_FAILED) {
        u.left_out(entry_name(a.get(), entry, src), "unreadable: " + err(a.get()));
        continue;
      }
      u.member(entry);
      if (u.unread.size() > src.options.archive.max_entries) break;  // a loop of damaged headers
    }
    if (u.extracted == 0) throw Error(file, u.nothing_read());
  }
};

}  // namespace

const Reader& archive_reader() {
  static const ArchiveReader r;
  return r;
}

}  // namespace corridor::ingest

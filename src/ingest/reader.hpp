#pragma once
// One reader per evidence format. A reader recognises its format from the content,
// then streams what it finds into a Sink: statements about entities (with provenance
// locators), text units for the extraction engine, and nested files (archive members,
// e-mail attachments) that become evidence items of their own.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "model/types.hpp"

namespace corridor::ingest {

// Bounds for unpacking archives: a zip bomb stops with a clear message instead of
// filling the disk. They hold for the whole tree of one evidence item (archives inside
// archives count together, see unpack_budget.hpp). The ratio is unpacked bytes over the
// outermost item's size, and over the bytes of each archive read so far; both are checked
// once more than `ratio_grace` bytes have come out (small, very repetitive files are fine).
struct ArchiveLimits {
  std::uint64_t max_total_bytes = 64ull << 30;  // all members of the tree together
  std::uint64_t max_entry_bytes = 16ull << 30;  // one member
  std::uint64_t max_entries = 200000;           // members of the tree
  double max_ratio = 250.0;
  std::uint64_t ratio_grace = 8ull << 20;
  int max_depth = 8;  // archives inside archives
};

class UnpackBudget;

// Something a reader did not read, or not whole, told to the user rather than dropped:
// an archive member (a link, an encrypted or damaged member), the cut tail of a message.
struct LeftOut {
  std::string item;    // "photos/a.jpg", "line 12"
  std::string reason;  // "symbolic link to '../x'; not followed"
};

// What the user tells `corridor ingest` about files that cannot say it themselves
// (docs/ingest.md). Parse the command-line forms with the helpers in ingest/options.hpp.
struct ReadOptions {
  // --map "field=Column,field=Column": CSV columns for social-media posts or
  // money-transfer records; the fields named decide which of the two the file holds.
  std::vector<std::pair<std::string, std::string>> column_map;
  // --tz "+03:00": UTC offset of times written without a zone (WhatsApp, CSV). Unset:
  // such times are taken as UTC; the statement's original_value keeps them as written.
  std::optional<int> utc_offset_minutes;
  // --date-order dmy|mdy for WhatsApp exports whose dates never show which it is.
  std::string date_order;
  // --region LY: region for phone numbers written in national form (MTO records).
  std::string region;
  ArchiveLimits archive;
};

struct Source {
  std::string sha256;             // evidence item being read
  std::filesystem::path path;     // its bytes (the vault copy)
  std::string original_name;      // as acquired; a hint only, never decisive
  std::string media_type;         // libmagic's verdict
  std::string_view head;          // the first bytes (up to 64 KiB), for sniffing
  std::uint64_t size = 0;
  std::filesystem::path temp_dir;  // where readers write nested files before child()
  ReadOptions options;             // from the command line; defaults suit most files
  // Nesting: 0 for an item added by the user, 1 for its members, and so on. The budget
  // is shared by the whole tree of the top-level item; null: this item's own.
  int depth = 0;
  UnpackBudget* budget = nullptr;
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void entity(const std::string& id, const std::string& schema, const std::string& caption) = 0;
  virtual void statement(Statement s) = 0;
  // Text for the extraction engine; what it finds is linked to `about_entity`
  // (the message or post the text belongs to), with offsets relative to the unit.
  virtual void text(const Unit& unit, const std::string& about_entity) = 0;
  // A nested file, written by the reader to a temporary path the sink takes over.
  virtual void child(const std::string& name, const std::filesystem::path& temp_file) = 0;
  // What was not read (or not whole) and why; the ingest report lists it.
  virtual void left_out(const std::string& /*item*/, const std::string& /*reason*/) {}
  // Progress: bytes of the source consumed so far, items (messages, rows) emitted.
  virtual void progress(std::uint64_t /*bytes*/, std::uint64_t /*items*/) {}
};

class Reader {
 public:
  virtual ~Reader() = default;
  virtual std::string_view name() const = 0;  // "telegram", "whatsapp"...; extractor "<name>@<version>"
  virtual int version() const { return 1; }
  // 0: not this format. Higher wins when several readers claim a file.
  virtual int confidence(const Source& src) const = 0;
  // Throws corridor::Error naming the file and the position (line, byte, record) on
  // malformed input; the caller then rolls the whole file back.
  virtual void read(const Source& src, Sink& sink) const = 0;
};

// Every reader, in one table (reader_table.cpp).
const std::vector<const Reader*>& readers();
// The reader with the highest confidence, or nullptr (then the byte scanner runs).
const Reader* pick_reader(const Source& src);

}  // namespace corridor::ingest

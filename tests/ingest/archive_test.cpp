#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <regex>

#include "ingest/unpack_budget.hpp"

#include "core/error.hpp"
#include "ingest/reader.hpp"
#include "recording_sink.hpp"

namespace corridor::test {
namespace {

struct Member {
  std::string name, bytes;
};

// Writes an archive with libarchive itself, so hostile names can be made at will.
void make_archive(const std::filesystem::path& path, const std::vector<Member>& members, bool zip = true) {
  archive* a = archive_write_new();
  if (zip) {
    archive_write_set_format_zip(a);
  } else {
    archive_write_set_format_pax_restricted(a);
    archive_write_add_filter_gzip(a);
  }
  ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK);
  for (const auto& m : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(m.bytes.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    archive_write_data(a, m.bytes.data(), m.bytes.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

// A zip of one member holding `bytes` zeros, written block by block (never held whole).
void make_zeros_zip(const std::filesystem::path& path, std::uint64_t bytes) {
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  ASSERT_EQ(archive_write_set_options(a, "zip:compression-level=9"), ARCHIVE_OK);
  ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK);
  archive_entry* e = archive_entry_new();
  archive_entry_set_pathname(e, "zeros.bin");
  archive_entry_set_size(e, static_cast<la_int64_t>(bytes));
  archive_entry_set_filetype(e, AE_IFREG);
  archive_entry_set_perm(e, 0644);
  archive_write_header(a, e);
  const std::string block(1 << 20, '\0');
  for (std::uint64_t done = 0; done < bytes; done += block.size())
    archive_write_data(a, block.data(), std::min<std::uint64_t>(block.size(), bytes - done));
  archive_entry_free(e);
  archive_write_close(a);
  archive_write_free(a);
}

struct Link {
  std::string name, target;
  bool hard = false;
};

// A tar holding "a.txt", the links given, and a FIFO entry "pipe".
void make_tar_with_links(const std::filesystem::path& path, const std::vector<Link>& links, bool with_file = true) {
  archive* a = archive_write_new();
  archive_write_set_format_pax_restricted(a);
  ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK);
  auto entry = [&](const std::string& name, unsigned type, const std::string& data) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, type);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    return e;
  };
  if (with_file) {
    archive_entry* e = entry("a.txt", AE_IFREG, "alpha");
    archive_write_header(a, e);
    archive_write_data(a, "alpha", 5);
    archive_entry_free(e);
  }
  for (const auto& l : links) {
    archive_entry* e = entry(l.name, l.hard ? AE_IFREG : AE_IFLNK, "");
    if (l.hard) {
      archive_entry_set_hardlink(e, l.target.c_str());
    } else {
      archive_entry_set_symlink(e, l.target.c_str());
    }
    archive_write_header(a, e);
    archive_entry_free(e);
  }
  if (with_file) {
    archive_entry* e = entry("pipe", AE_IFIFO, "");
    archive_write_header(a, e);
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

// Overwrites the first bytes of every member's compressed data with 0xFF (an invalid
// deflate block type), `members` of them from the first.
std::string damage_zip_members(std::string zip, int members) {
  std::size_t at = 0;
  for (int i = 0; i < members && (at = zip.find("PK\x03\x04", at)) != std::string::npos; ++i) {
    const auto u16 = [&](std::size_t p) { return static_cast<std::size_t>(static_cast<unsigned char>(zip[p])) |
                                                 static_cast<std::size_t>(static_cast<unsigned char>(zip[p + 1])) << 8; };
    const std::size_t data = at + 30 + u16(at + 26) + u16(at + 28);
    for (std::size_t j = data; j < data + 8 && j < zip.size(); ++j) zip[j] = '\xFF';
    at = data;
  }
  return zip;
}

std::string error_of(FixtureSource& f) {
  RecordingSink sink;
  const ingest::Reader* r = ingest::pick_reader(f.src);
  if (!r || r->name() != "archive") return "not picked";
  try {
    r->read(f.src, sink);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(Archive, WhatsAppExportZipGivesItsFilesAsChildren) {
  FixtureSource f(fixture("archive/whatsapp_export.zip"), "WhatsApp Chat - Crossing June.zip");
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->name(), "archive");
  RecordingSink sink;
  r->read(f.src, sink);
  ASSERT_EQ(sink.children.size(), 2u);
  EXPECT_EQ(sink.children[0].name, "_chat.txt");
  EXPECT_EQ(sink.children[0].bytes, read_file(fixture("whatsapp/_chat.txt")));
  EXPECT_EQ(sink.children[1].name, "00000012-PHOTO-2023-06-14-23-06-02.jpg");
  EXPECT_EQ(sink.children[1].bytes, read_file(fixture("image/photo.jpg")));
  EXPECT_TRUE(sink.statements.empty());
  // The temporary copies were handed over; nothing is left behind.
  EXPECT_TRUE(std::filesystem::is_empty(f.src.temp_dir));
}

TEST(Archive, TarGzWithFoldersAndDotSegments) {
  TempDir d;
  make_archive(d / "x.tgz", {{"./export/chat.txt", "hello"}, {"export/media//a.jpg", "jpg"}}, false);
  FixtureSource f(d / "x.tgz");
  RecordingSink sink;
  ingest::pick_reader(f.src)->read(f.src, sink);
  ASSERT_EQ(sink.children.size(), 2u);
  EXPECT_EQ(sink.children[0].name, "export/chat.txt");
  EXPECT_EQ(sink.children[1].name, "export/media/a.jpg");
}

TEST(Archive, TraversalAndAbsoluteNamesAreRefused) {
  TempDir d;
  for (const std::string bad : {"../evil.txt", "a/../../evil.txt", "/tmp/evil.txt", "C:\\evil.txt", "a\\..\\..\\evil.txt"}) {
    make_archive(d / "bad.zip", {{"ok.txt", "fine"}, {bad, "evil"}});
    FixtureSource f(d / "bad.zip");
    std::string shown = bad;  // libarchive's zip reader turns DOS separators into '/'
    std::replace(shown.begin(), shown.end(), '\\', '/');
    const std::string expected = "bad.zip: member '" + shown + "' would be written outside the archive's folder; refused";
    EXPECT_EQ(error_of(f), expected);
    EXPECT_FALSE(std::filesystem::exists(d / "evil.txt"));
    EXPECT_FALSE(std::filesystem::exists(f.src.temp_dir.parent_path() / "evil.txt"));
  }
}

TEST(Archive, ZipBombRatioAndSizeLimits) {
  TempDir d;
  make_archive(d / "bomb.zip", {{"zeros.bin", std::string(24u << 20, '\0')}});
  FixtureSource f(d / "bomb.zip");
  const std::string e = error_of(f);
  EXPECT_EQ(e.rfind("bomb.zip: unpacks to more than 250 times its own size (", 0), 0u) << e;
  EXPECT_NE(e.find("refused as a possible zip bomb"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_empty(f.src.temp_dir));  // the partial member is removed

  make_archive(d / "big.zip", {{"a.txt", std::string(3000, 'a')}, {"b.txt", std::string(3000, 'b')}});
  FixtureSource g(d / "big.zip");
  g.src.options.archive.max_total_bytes = 4000;
  EXPECT_EQ(error_of(g), "big.zip: members unpack to more than 4000 bytes; refused as a possible zip bomb");
  FixtureSource h(d / "big.zip");
  h.src.options.archive.max_entries = 1;
  EXPECT_EQ(error_of(h), "big.zip: more than 1 members; refused as a possible zip bomb");
}

// A flat bomb stops once the bytes out pass 250 times the bytes read so far, not 250
// times the whole archive: a 10 GiB bomb (10 MB packed) used to write 2.6 GB first.
TEST(Archive, FlatBombStopsAtTheRatioOfTheBytesReadSoFar) {
  TempDir d;
  make_zeros_zip(d / "bomb.zip", 64u << 20);  // about 64 KB packed: 250 times is 16 MB
  FixtureSource f(d / "bomb.zip");
  const std::string e = error_of(f);
  std::smatch m;
  ASSERT_TRUE(std::regex_match(e, m, std::regex("bomb\\.zip: unpacks to more than 250 times the bytes read so far "
                                                  "\\(([0-9]+) bytes from the first ([0-9]+) at member 'zeros\\.bin'\\); "
                                                  "refused as a possible zip bomb")))
      << e;
  const std::uint64_t out = std::stoull(m[1]), in = std::stoull(m[2]);
  EXPECT_GT(out, 8u << 20);              // past the grace
  EXPECT_LE(out, (8u << 20) + (64u << 10));  // and stopped at the first block after it
  EXPECT_GT(out, 250 * in);
  EXPECT_TRUE(std::filesystem::is_empty(f.src.temp_dir));
}

// The budget is shared: what an archive inside the item unpacks counts with the rest,
// against the outermost item's size.
TEST(Archive, SharedBudgetCountsTheWholeTreeAgainstTheOutermostSize) {
  TempDir d;
  make_archive(d / "inner.zip", {{"zeros.bin", std::string(5u << 20, '\0')}});
  ingest::ArchiveLimits lim;
  ingest::UnpackBudget budget(lim, "outer.zip", 20000);
  for (const std::string name : {"inner.zip", "again/inner.zip"}) {
    FixtureSource f(d / "inner.zip", name);
    f.src.depth = 1;
    f.src.budget = &budget;
    const std::string e = error_of(f);
    if (name == "inner.zip") {
      EXPECT_EQ(e, "no error");  // 5 MiB: within the grace on its own
    } else {
      EXPECT_EQ(e.rfind("again/inner.zip: with the rest of outer.zip, unpacks to more than 250 times outer.zip's size (", 0),
                0u)
          << e;
    }
  }
  EXPECT_GT(budget.total(), 8u << 20);
  EXPECT_LT(budget.total(), (8u << 20) + (128u << 10));
}

TEST(Archive, DepthLimitStopsBeforeTheFirstMemberIsWritten) {
  TempDir d;
  make_archive(d / "deep.zip", {{"a.txt", "alpha"}});
  FixtureSource f(d / "deep.zip", "x/deep.zip");
  f.src.options.archive.max_depth = 3;
  f.src.depth = 3;
  EXPECT_EQ(error_of(f), "x/deep.zip: member 'a.txt': nested deeper than 3 archives");
  EXPECT_TRUE(std::filesystem::is_empty(f.src.temp_dir));
  f.src.depth = 2;
  EXPECT_EQ(error_of(f), "no error");
}

TEST(Archive, LinksAndSpecialEntriesAreReportedNotExtracted) {
  TempDir d;
  make_tar_with_links(d / "l.tar", {{"up", "../../etc/passwd"}, {"same", "a.txt", true}});
  FixtureSource f(d / "l.tar");
  RecordingSink sink;
  ingest::pick_reader(f.src)->read(f.src, sink);
  ASSERT_EQ(sink.children.size(), 1u);
  EXPECT_EQ(sink.children[0].name, "a.txt");
  ASSERT_EQ(sink.left.size(), 3u);
  EXPECT_EQ(sink.left[0].item, "up");
  EXPECT_EQ(sink.left[0].reason, "symbolic link to '../../etc/passwd'; not followed");
  EXPECT_EQ(sink.left[1].item, "same");
  EXPECT_EQ(sink.left[1].reason, "hard link to 'a.txt'; not followed");
  EXPECT_EQ(sink.left[2].item, "pipe");
  EXPECT_EQ(sink.left[2].reason, "FIFO entry; not extracted");
}

TEST(Archive, ArchiveOfLinksOnlyYieldsNothingAndIsAnError) {
  TempDir d;
  make_tar_with_links(d / "only.tar", {{"l", "/etc/shadow"}}, false);
  FixtureSource f(d / "only.tar");
  EXPECT_EQ(error_of(f), "only.tar: no member could be read (l: symbolic link to '/etc/shadow'; not followed)");
}

TEST(Archive, DamagedMembersAreReportedAndAllDamagedIsAnError) {
  TempDir d;
  make_archive(d / "ok.zip", {{"a.txt", std::string(5000, 'a')}, {"b.txt", std::string(5000, 'b')}});
  const std::string zip = read_file(d / "ok.zip");

  write_file(d / "one.zip", damage_zip_members(zip, 1));
  FixtureSource one(d / "one.zip");
  RecordingSink sink;
  ingest::pick_reader(one.src)->read(one.src, sink);
  ASSERT_EQ(sink.children.size(), 1u);
  EXPECT_EQ(sink.children[0].name, "b.txt");
  EXPECT_EQ(sink.children[0].bytes, std::string(5000, 'b'));
  ASSERT_EQ(sink.left.size(), 1u);
  EXPECT_EQ(sink.left[0].item, "a.txt");
  EXPECT_EQ(sink.left[0].reason.rfind("unreadable: ", 0), 0u) << sink.left[0].reason;
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(one.src.temp_dir), {}), 0);

  write_file(d / "all.zip", damage_zip_members(zip, 2));
  FixtureSource all(d / "all.zip");
  const std::string e = error_of(all);
  EXPECT_EQ(e.rfind("all.zip: no member could be read (a.txt: unreadable: ", 0), 0u) << e;
  EXPECT_NE(e.find("; b.txt: unreadable: "), std::string::npos) << e;
}

// A truncated copy gives what it still holds; what is lost is reported, not silently
// dropped (and a copy holding nothing readable is an error, see above).
TEST(Archive, TruncatedZipGivesWhatItHoldsAndReportsTheRest) {
  TempDir d;
  make_archive(d / "t.zip", {{"a.txt", std::string(100000, 'x') + "tail"}, {"b.txt", std::string(3000, 'b')}});
  const std::string bytes = read_file(d / "t.zip");
  const std::size_t b_header = bytes.find("PK\x03\x04", 4);
  ASSERT_NE(b_header, std::string::npos);
  write_file(d / "t.zip", bytes.substr(0, b_header + 40));  // cut inside b.txt's header
  FixtureSource f(d / "t.zip");
  RecordingSink sink;
  ingest::pick_reader(f.src)->read(f.src, sink);
  ASSERT_EQ(sink.children.size(), 1u);
  EXPECT_EQ(sink.children[0].name, "a.txt");
  EXPECT_EQ(sink.children[0].bytes, std::string(100000, 'x') + "tail");
  ASSERT_EQ(sink.left.size(), 1u);
  EXPECT_EQ(sink.left[0].reason.rfind("unreadable: ", 0), 0u) << sink.left[0].reason;
}

}  // namespace
}  // namespace corridor::test

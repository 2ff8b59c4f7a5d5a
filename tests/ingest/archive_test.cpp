#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <algorithm>

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

TEST(Archive, TruncatedZipNamesTheFile) {
  TempDir d;
  make_archive(d / "t.zip", {{"a.txt", std::string(100000, 'x') + "tail"}, {"b.txt", "b"}});
  const std::string bytes = read_file(d / "t.zip");
  write_file(d / "t.zip", bytes.substr(0, bytes.size() / 2));
  FixtureSource f(d / "t.zip");
  const std::string e = error_of(f);
  EXPECT_EQ(e.rfind("t.zip", 0), 0u) << e;
}

}  // namespace
}  // namespace corridor::test

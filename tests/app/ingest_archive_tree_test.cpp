// Archives inside archives, end to end: the unpacking limits hold for the whole tree of
// one evidence item, and what is not read is reported.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include "app/add_evidence.hpp"
#include "app/ingest_evidence.hpp"
#include "store/evidence_store.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

namespace {

struct Member {
  std::string name, bytes;
  std::string symlink;  // set: a symbolic link to this target
};

std::string zip_of(const std::vector<Member>& members) {
  std::vector<char> buf(64u << 20);
  std::size_t used = 0;
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  EXPECT_EQ(archive_write_open_memory(a, buf.data(), buf.size(), &used), ARCHIVE_OK);
  for (const auto& m : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.name.c_str());
    archive_entry_set_filetype(e, m.symlink.empty() ? AE_IFREG : AE_IFLNK);
    if (!m.symlink.empty()) archive_entry_set_symlink(e, m.symlink.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(m.bytes.size()));
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    archive_write_data(a, m.bytes.data(), m.bytes.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return std::string(buf.data(), used);
}

struct TreeCase {
  TempDir t;
  std::unique_ptr<store::CaseFolder> c = store::CaseFolder::init(t / "op", "T", "Examiner 1");

  app::IngestReport ingest(const std::string& name, const std::string& bytes, const app::IngestOptions& base = {}) {
    test::write_file(t / name, bytes);
    app::AddRequest req;
    req.files = {t / name};
    req.actor = "Examiner 1";
    app::IngestOptions o = base;
    o.actor = "Examiner 1";
    return app::ingest_evidence(*c, {app::add_evidence(*c, req)[0].evidence.sha256}, o);
  }
};

}  // namespace

// Each inner zip unpacks to less than the 8 MiB grace, each level is harmless on its own;
// together they are over 250 times the outer zip and must stop while unpacking.
TEST(IngestArchiveTree, NestedZipsOfZerosStopAtTheWholeTreeRatio) {
  TreeCase k;
  std::vector<Member> inner;  // three different zips, or the vault would keep one
  for (unsigned i = 1; i <= 3; ++i)
    inner.push_back({"inner" + std::to_string(i) + ".zip", zip_of({{"zeros.bin", std::string((8u << 20) - i, '\0'), ""}}), ""});
  const std::string outer = zip_of(inner);
  const auto r = k.ingest("outer.zip", outer);
  ASSERT_EQ(r.errors(), 1);
  ASSERT_EQ(r.files.size(), 1u);
  const std::string e = *r.files[0].error;
  EXPECT_EQ(e.rfind("inner1.zip: with the rest of outer.zip, unpacks to more than 250 times outer.zip's size (", 0), 0u) << e;
  EXPECT_NE(e.find("refused as a possible zip bomb"), std::string::npos);
  // Rolled back: only the outer zip is in the vault and in the case, no temporary is left.
  EXPECT_EQ(k.c->vault().list().size(), 1u);
  EXPECT_EQ(store::EvidenceStore(k.c->db()).list().size(), 1u);
  EXPECT_TRUE(k.c->vault().temporaries().empty());
}

TEST(IngestArchiveTree, DepthLimitCountsEveryLevel) {
  TreeCase k;
  const std::string z3 = zip_of({{"deep.txt", "call +44 7700 900456", ""}});
  const std::string z2 = zip_of({{"z3.zip", z3, ""}});
  const std::string z1 = zip_of({{"z2.zip", z2, ""}});
  app::IngestOptions o;
  o.read.archive.max_depth = 2;
  const auto r = k.ingest("z1.zip", z1, o);
  ASSERT_EQ(r.errors(), 1);
  EXPECT_EQ(*r.files[0].error, "z3.zip: member 'deep.txt': nested deeper than 2 archives");
  o.read.archive.max_depth = 3;
  o.reingest = true;
  const auto ok = k.ingest("z1.zip", z1, o);
  EXPECT_EQ(ok.errors(), 0);
  EXPECT_EQ(ok.files.size(), 4u);
}

TEST(IngestArchiveTree, LinkMembersAreListedInTheReport) {
  TreeCase k;
  const auto r = k.ingest("l.zip", zip_of({{"ok.txt", "fine", ""}, {"passwd", "", "../../etc/passwd"}}));
  ASSERT_EQ(r.errors(), 0);
  ASSERT_EQ(r.files.size(), 2u);
  ASSERT_EQ(r.files[0].left_out.size(), 1u);
  EXPECT_EQ(r.files[0].left_out[0].item, "passwd");
  EXPECT_EQ(r.files[0].left_out[0].reason, "symbolic link to '../../etc/passwd'; not followed");
  EXPECT_EQ(r.files[1].name, "ok.txt");
}

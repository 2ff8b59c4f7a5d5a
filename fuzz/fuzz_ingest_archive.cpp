// Fuzzes the archive reader of src/ingest with arbitrary file contents. Members are read
// in turn as archives, the way the app recurses, with one unpacking budget for the tree:
// nesting, links and damaged members are reached from the seeds in corpus/ingest_archive.
#include <fstream>

#include "fuzz_ingest_readers.hpp"
#include "ingest/unpack_budget.hpp"

namespace {

namespace fs = std::filesystem;
using namespace corridor;

const ingest::Reader& archive_reader() {
  for (const ingest::Reader* r : ingest::readers())
    if (r->name() == "archive") return *r;
  std::abort();
}

void read_nested(const fs::path& path, const std::string& name, int depth, ingest::UnpackBudget& budget,
                 const ingest::ReadOptions& opt);

// Every member is read again as an archive, one level deeper, then removed.
class NestingSink : public fuzz::NullSink {
 public:
  NestingSink(int depth, ingest::UnpackBudget& budget, const ingest::ReadOptions& opt)
      : depth_(depth), budget_(budget), opt_(opt) {}
  void child(const std::string& name, const fs::path& p) override {
    try {
      read_nested(p, name, depth_ + 1, budget_, opt_);
    } catch (const Error&) {
    }
    fs::remove(p);
  }

 private:
  int depth_;
  ingest::UnpackBudget& budget_;
  const ingest::ReadOptions& opt_;
};

void read_nested(const fs::path& path, const std::string& name, int depth, ingest::UnpackBudget& budget,
                 const ingest::ReadOptions& opt) {
  std::string head(64 * 1024, '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  ingest::Source src;
  src.sha256 = std::string(64, '0');
  src.path = path;
  src.original_name = name;
  src.media_type = "application/octet-stream";
  src.head = head;
  src.size = fs::file_size(path);
  // Each level its own folder: the members of a level stay while the next is read.
  src.temp_dir = path.parent_path() / ("level-" + std::to_string(depth + 1));
  fs::create_directories(src.temp_dir);
  src.options = opt;
  src.depth = depth;
  src.budget = &budget;
  const ingest::Reader& r = archive_reader();
  if (depth > 0 && r.confidence(src) == 0) return;  // a member that is no archive
  NestingSink sink(depth, budget, opt);
  r.read(src, sink);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fs::path dir = [] {
    auto d = fs::temp_directory_path() / ("corridor-fuzz-nested-" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  const fs::path path = dir / "a.zip";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  ingest::ReadOptions opt;
  opt.archive.max_total_bytes = 64u << 20;
  opt.archive.max_depth = 4;
  ingest::UnpackBudget budget(opt.archive, "a.zip", size);
  try {
    read_nested(path, "a.zip", 0, budget, opt);
  } catch (const Error&) {
  }
  return 0;
}

#pragma once
// Shared by the fuzz_ingest_* targets: writes the input to a file, builds a Source the
// way the app does, and runs one named reader into a Sink that discards everything.
// Any corridor::Error is an expected outcome; anything else (a crash, another exception,
// a sanitizer report) is a bug.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "ingest/reader.hpp"

namespace corridor::fuzz {

class NullSink : public ingest::Sink {
 public:
  void entity(const std::string&, const std::string&, const std::string&) override {}
  void statement(Statement) override {}
  void text(const Unit&, const std::string&) override {}
  void child(const std::string&, const std::filesystem::path& p) override { std::filesystem::remove(p); }
};

inline void run_reader(std::string_view reader, const std::uint8_t* data, std::size_t size, const std::string& name,
                       ingest::ReadOptions opt = {}) {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("corridor-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  const auto path = dir / name;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const std::string head(reinterpret_cast<const char*>(data), std::min<std::size_t>(size, 64 * 1024));
  ingest::Source src;
  src.sha256 = std::string(64, '0');
  src.path = path;
  src.original_name = name;
  src.media_type = "application/octet-stream";
  src.head = head;
  src.size = size;
  src.temp_dir = dir;
  opt.archive.max_total_bytes = 64u << 20;
  src.options = opt;
  NullSink sink;
  for (const ingest::Reader* r : ingest::readers()) {
    if (r->name() != reader) continue;
    (void)r->confidence(src);
    try {
      r->read(src, sink);
    } catch (const Error&) {
    }
  }
}

}  // namespace corridor::fuzz

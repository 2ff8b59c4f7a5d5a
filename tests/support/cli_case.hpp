#pragma once
// The usual start of a CLI test: a case "op" in a temporary folder with some files
// written and ingested, each step expected to succeed.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/temp_dir.hpp"

namespace corridor::test {

using NamedFile = std::pair<std::string, std::string>;  // file name in `t`, bytes

// The bytes of a sample file of tests/data/ingest ("whatsapp/_chat.txt").
inline std::string ingest_sample(const std::string& rel) {
  return read_file(std::filesystem::path(CORRIDOR_TEST_DATA) / "ingest" / rel);
}

inline std::string ingested_case(const TempDir& t, const std::vector<NamedFile>& files) {
  const std::string dir = (t / "op").string();
  auto r = run_corridor({"case", "init", dir, "--title", "Operation Delta", "--examiner", "Examiner 1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> ingest{"ingest", dir};
  for (const auto& [name, bytes] : files) {
    write_file(t / name, bytes);
    ingest.push_back((t / name).string());
  }
  r = run_corridor(ingest);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  return dir;
}

}  // namespace corridor::test

#pragma once
// One small demo case generated once per test program and shared by the tests that only
// read it; tests that need their own copy (determinism) generate again.
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "demo/generator.hpp"
#include "support/temp_dir.hpp"

namespace corridor::test {

inline demo::DemoSpec small_spec() {
  demo::DemoSpec s;
  s.scale = 0.02;  // 100 posts, 400 payments, 40,000 AIS sentences
  s.passports = 50;
  s.photos = 3;
  return s;
}

struct SharedCase {
  TempDir dir;
  demo::GeneratedCase c;
  nlohmann::json truth;
};

inline const SharedCase& shared_case() {
  static const std::unique_ptr<SharedCase> sc = [] {
    auto p = std::make_unique<SharedCase>();
    p->c = demo::generate_demo(p->dir.path() / "case", small_spec());
    p->truth = nlohmann::json::parse(read_file(p->c.ground_truth));
    return p;
  }();
  return *sc;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

inline std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out(1);
  for (char ch : line) {
    if (ch == ',') out.emplace_back();
    else out.back() += ch;
  }
  return out;
}

}  // namespace corridor::test

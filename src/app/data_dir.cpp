#include "app/data_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "core/error.hpp"

namespace corridor::app {

namespace fs = std::filesystem;

std::string find_data_dir() {
  std::vector<fs::path> tried;
  if (const char* env = std::getenv("CORRIDOR_DATA"); env && *env) tried.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    for (fs::path p = exe.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path())
      tried.push_back(p / "data");
  tried.emplace_back("data");
  for (const auto& p : tried)
    if (fs::is_directory(p / "models", ec) && fs::is_directory(p / "lexicons", ec)) return p.string();
  throw Error("data/", "cannot find Corridor's data folder (lexicons and models); set CORRIDOR_DATA");
}

}  // namespace corridor::app

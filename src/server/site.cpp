#include "server/site.hpp"

#include <algorithm>

namespace corridor::server {

std::string Ctx::why() const {
  std::string w = req.header("x-corridor-why");
  const auto first = w.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = w.find_last_not_of(" \t");
  return w.substr(first, last - first + 1);
}

bool case_exists(const Site& site, const std::string& name) {
  std::error_code ec;
  return store::is_case_name(name) && std::filesystem::is_regular_file(site.dir / name / "case.db", ec);
}

std::vector<std::string> case_folders(const Site& site) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(site.dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_directory(ec) && case_exists(site, name)) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace corridor::server

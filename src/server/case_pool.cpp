#include "server/case_pool.hpp"

namespace corridor::server {

CasePool::CasePool(std::size_t idle_per_case) : shelf_(std::make_shared<Shelf>()) { shelf_->max_idle = idle_per_case; }

std::shared_ptr<store::CaseFolder> CasePool::take(const std::filesystem::path& dir) {
  std::unique_ptr<store::CaseFolder> folder;
  {
    const std::lock_guard lock(shelf_->mu);
    auto& idle = shelf_->idle[dir];
    if (!idle.empty()) {
      folder = std::move(idle.back());
      idle.pop_back();
    }
  }
  if (!folder) folder = store::CaseFolder::open(dir);
  // Back on the shelf when the request is done, unless the shelf is full or gone.
  std::weak_ptr<Shelf> home = shelf_;
  return std::shared_ptr<store::CaseFolder>(folder.release(), [home, dir](store::CaseFolder* f) {
    std::unique_ptr<store::CaseFolder> owned(f);
    if (auto shelf = home.lock()) {
      const std::lock_guard lock(shelf->mu);
      auto& idle = shelf->idle[dir];
      if (idle.size() < shelf->max_idle) idle.push_back(std::move(owned));
    }
  });
}

std::size_t CasePool::checkpoint_cases() {
  std::vector<std::filesystem::path> dirs;
  {
    const std::lock_guard lock(shelf_->mu);
    for (const auto& [dir, idle] : shelf_->idle)
      if (!idle.empty()) dirs.push_back(dir);
  }
  std::size_t done = 0;
  for (const auto& dir : dirs)
    if (take(dir)->db().checkpoint_wal()) ++done;
  return done;
}

std::size_t CasePool::idle(const std::filesystem::path& dir) const {
  const std::lock_guard lock(shelf_->mu);
  const auto it = shelf_->idle.find(dir);
  return it == shelf_->idle.end() ? 0 : it->second.size();
}

}  // namespace corridor::server

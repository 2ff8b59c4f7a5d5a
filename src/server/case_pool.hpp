#pragma once
// Case folders kept open between requests. Opening a case per request parsed its schema,
// checked its migrations and started SQLite's page cache cold, so every answer read its
// pages from the file again; a folder taken from the pool is used by one request at a time
// and comes back when the request lets it go.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "store/case_folder.hpp"

namespace corridor::server {

class CasePool {
 public:
  // As many as the server has workers: a request waiting for its ledger entry to be written
  // (app/record_access.cpp) still holds its folder.
  explicit CasePool(std::size_t idle_per_case = 64);
  // An open folder of the case in `dir`: an idle one, else newly opened. Throws as
  // CaseFolder::open does.
  std::shared_ptr<store::CaseFolder> take(const std::filesystem::path& dir);
  std::size_t idle(const std::filesystem::path& dir) const;
  // A passive WAL checkpoint of every case with a folder on the shelf (Db::checkpoint_wal):
  // `corridor serve` runs it every quarter second beside the requests. The number checkpointed.
  std::size_t checkpoint_cases();

 private:
  struct Shelf {
    mutable std::mutex mu;
    std::size_t max_idle;
    std::map<std::filesystem::path, std::vector<std::unique_ptr<store::CaseFolder>>> idle;
  };
  std::shared_ptr<Shelf> shelf_;  // outlives the pool while folders are out
};

}  // namespace corridor::server

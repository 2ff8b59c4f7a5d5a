#include "app/write_behind.hpp"

namespace corridor::app {

WriteBehind::WriteBehind(store::StatementWriter& writer, std::size_t batch) : writer_(writer), batch_size_(batch) {
  filling_.statements.reserve(batch_size_);
}

WriteBehind::~WriteBehind() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(m_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void WriteBehind::entity(const std::string& id, const std::string& schema, const std::string& caption) {
  filling_.entities.push_back({id, schema, caption});
}

void WriteBehind::statement(Statement s) {
  filling_.statements.push_back(std::move(s));
  if (filling_.statements.size() < batch_size_) return;
  statements_ += filling_.statements.size();
  Batch full = std::move(filling_);
  filling_ = Batch{};
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  hand_over(std::move(full));
  // The vector of a batch written before, emptied by the thread: no fresh megabytes
  // (and page faults) per batch.
  std::lock_guard lock(m_);
  filling_.statements = std::move(spare_);
  spare_.clear();
  if (filling_.statements.capacity() < batch_size_) filling_.statements.reserve(batch_size_);
}

void WriteBehind::write(Batch& b) {
  for (const auto& e : b.entities) writer_.ensure_entity(e.id, e.schema, e.caption);
  writer_.insert(b.statements);
}

void WriteBehind::hand_over(Batch b) {
  std::unique_lock lock(m_);
  cv_.wait(lock, [&] { return !has_queued_ || error_; });
  if (error_) std::rethrow_exception(error_);
  queued_ = std::move(b);
  has_queued_ = true;
  lock.unlock();
  cv_.notify_all();
}

void WriteBehind::wait_idle() {
  std::unique_lock lock(m_);
  cv_.wait(lock, [&] { return (!has_queued_ && !busy_) || error_; });
  if (error_) std::rethrow_exception(error_);
}

void WriteBehind::settle() {
  if (filling_.entities.empty()) return;
  Batch decls;
  decls.entities = std::move(filling_.entities);
  filling_.entities.clear();
  if (!thread_.joinable()) return write(decls);
  hand_over(std::move(decls));
  wait_idle();
}

void WriteBehind::flush() {
  statements_ += filling_.statements.size();
  Batch last = std::move(filling_);
  filling_ = Batch{};
  if (!thread_.joinable()) {
    if (!last.empty()) write(last);
    return;
  }
  if (!last.empty()) hand_over(std::move(last));
  wait_idle();
}

void WriteBehind::run() {
  std::unique_lock lock(m_);
  for (;;) {
    cv_.wait(lock, [&] { return has_queued_ || stop_; });
    if (stop_) return;
    Batch b = std::move(queued_);
    has_queued_ = false;
    busy_ = true;
    lock.unlock();
    cv_.notify_all();
    std::exception_ptr failed;
    try {
      write(b);
    } catch (...) {
      failed = std::current_exception();
    }
    b.statements.clear();  // free the strings on this thread, not under the lock
    b.entities.clear();
    lock.lock();
    if (spare_.capacity() < b.statements.capacity()) spare_ = std::move(b.statements);
    busy_ = false;
    if (failed) error_ = failed;
    cv_.notify_all();
    if (error_) return;
  }
}

}  // namespace corridor::app

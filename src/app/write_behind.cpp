#include "app/write_behind.hpp"

namespace corridor::app {

void WriteBehind::Batch::clear() {
  entities.clear();
  statements.clear();
  row_hashes.clear();
  text->clear();
}

WriteBehind::WriteBehind(store::StatementWriter& writer, std::size_t batch) : writer_(writer), batch_size_(batch) {
  filling_.statements.reserve(batch_size_);
}

void WriteBehind::pack(const Statement& s) {
  auto& rows = filling_.statements;
  TextArena& text = *filling_.text;
  const store::StatementRow* last = rows.empty() ? nullptr : &rows.back();
  // Rows of one record share entity, provenance and time: keep those once.
  auto shared = [&](std::string_view now, std::string_view store::StatementRow::*field) {
    return last && last->*field == now ? last->*field : text.keep(now);
  };
  store::StatementRow r;
  r.entity_id = shared(s.entity_id, &store::StatementRow::entity_id);
  r.schema = shared(s.schema, &store::StatementRow::schema);
  r.property = text.keep(s.property);
  r.value = text.keep(s.value);
  r.original_value = text.keep(s.original_value);
  r.evidence_sha256 = shared(s.prov.evidence_sha256, &store::StatementRow::evidence_sha256);
  r.record = shared(s.prov.locator.record, &store::StatementRow::record);
  r.extractor = shared(s.prov.extractor, &store::StatementRow::extractor);
  r.observed_at = shared(s.prov.observed_at, &store::StatementRow::observed_at);
  r.offset = s.prov.locator.offset;
  r.length = s.prov.locator.length;
  r.kind = s.kind;
  r.confidence = s.confidence;
  rows.push_back(r);
  if (writer_.hashes_rows()) filling_.row_hashes.push_back(store::statement_row_hash(encoding_, r));
}

WriteBehind::Batch WriteBehind::take_filling() {
  Batch full = std::move(filling_);
  filling_ = Batch{};
  // A batch written before, back from the thread: its vectors and text blocks are
  // refilled, no fresh megabytes (and page faults) per batch.
  std::vector<Batch> written;
  {
    std::lock_guard lock(m_);
    written.swap(written_);
  }
  if (!written.empty()) {
    filling_ = std::move(written.back());
    filling_.clear();
  }
  if (filling_.statements.capacity() < batch_size_) filling_.statements.reserve(batch_size_);
  return full;
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
  TextArena& text = *filling_.text;
  filling_.entities.push_back({text.keep(id), text.keep(schema), text.keep(caption)});
}

void WriteBehind::statement(Statement s) {
  pack(s);
  if (filling_.statements.size() < batch_size_) return;
  statements_ += filling_.statements.size();
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  hand_over(take_filling());
}

void WriteBehind::write(Batch& b) {
  for (const auto& e : b.entities) writer_.ensure_entity(e.id, e.schema, e.caption);
  writer_.insert(b.statements, b.row_hashes);
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
  // The declarations' text stays in the filling batch's arena, which is not cleared
  // before the next hand-over; wait_idle() below sees them written.
  Batch decls;
  decls.entities = std::move(filling_.entities);
  filling_.entities.clear();
  if (!thread_.joinable()) return write(decls);
  hand_over(std::move(decls));
  wait_idle();
}

void WriteBehind::flush() {
  statements_ += filling_.statements.size();
  Batch last = take_filling();
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
    lock.lock();
    written_.push_back(std::move(b));  // refilled by the filling thread (take_filling)
    busy_ = false;
    if (failed) error_ = failed;
    cv_.notify_all();
    if (error_) return;
  }
}

}  // namespace corridor::app

#pragma once
// Statements on their way to the case store, written by a thread of their own: SQLite
// inserts one batch while the reader and the extraction engine fill the next, so a long
// ingest uses both cores. What is stored, and in which order, is exactly what writing
// inline would store: the entities declared while a batch fills are written before that
// batch's statements. Files too small to fill one batch never start the thread.
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/text_arena.hpp"
#include "store/statement_store.hpp"

namespace corridor::app {

class WriteBehind {
 public:
  explicit WriteBehind(store::StatementWriter& writer, std::size_t batch = 20000);
  // Stops the thread after the batch it is writing; batches not yet written are dropped
  // (the caller's transaction rolls back).
  ~WriteBehind();
  WriteBehind(const WriteBehind&) = delete;
  WriteBehind& operator=(const WriteBehind&) = delete;

  void entity(const std::string& id, const std::string& schema, const std::string& caption);
  void statement(Statement s);
  // Writes the entities declared so far, not the statements being collected, and waits:
  // afterwards the caller may use the database itself (it writes as if inline).
  void settle();
  // Writes everything and waits; rethrows the first error of the writing thread.
  void flush();
  std::uint64_t statements() const { return statements_; }

 private:
  struct EntityDecl {
    std::string_view id, schema, caption;
  };
  struct Batch {
    std::vector<EntityDecl> entities;
    std::vector<store::StatementRow> statements;
    // Their ledger row hashes, computed here while the writing thread inserts (empty when
    // the writer does not hash rows).
    std::vector<Digest> row_hashes;
    // Their text, reused batch after batch: a statement's strings are freed as soon as it
    // is packed (where they were made, into the allocator's per-thread cache, reused by
    // the next statement) instead of thousands at a time by the writing thread.
    std::unique_ptr<TextArena> text = std::make_unique<TextArena>();
    bool empty() const { return entities.empty() && statements.empty(); }
    void clear();
  };
  // Copies `s` into the filling batch; text equal to the last row's is shared.
  void pack(const Statement& s);
  Batch take_filling();
  void write(Batch& b);
  void hand_over(Batch b);
  void wait_idle();
  void run();

  store::StatementWriter& writer_;
  std::size_t batch_size_;
  store::RowEncoding encoding_;
  Batch filling_;
  std::uint64_t statements_ = 0;
  // Shared with the thread: at most one batch waits while another is written.
  std::mutex m_;
  std::condition_variable cv_;
  Batch queued_;
  std::vector<Batch> written_;  // back to the filling thread, to be refilled
  bool has_queued_ = false, busy_ = false, stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace corridor::app

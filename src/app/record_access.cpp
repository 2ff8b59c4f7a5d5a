#include "app/record_access.hpp"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "store/audit_ledger.hpp"

namespace corridor::app {

namespace {

// The consultations of one case waiting to be written by this process (group commit).
// One caller at a time is the writer: it writes every entry waiting (its own and those
// that came meanwhile) in one transaction under one signed checkpoint, then hands the
// writing to the first that came while it wrote. The others sleep until theirs is in, so
// no answer leaves unlogged, and under load a server signs and commits once per batch
// instead of once per answer. (Threads that met SQLite's write lock instead slept in its
// busy handler, up to 100 ms at a time, while others went ahead.)
struct Pending {
  enum State : int { kWaiting, kWrite, kDone };
  const store::EntryContent* content = nullptr;
  // Its own lock and condition: waking a caller touches nothing the others wait on.
  // (std::atomic::wait spins through sched_yield first, which cost a tenth of the CPU.)
  std::mutex mu;
  std::condition_variable woken;
  int state = kWaiting;
  std::exception_ptr failure;
};

struct Queue {
  std::mutex mu;
  std::condition_variable arrived;
  std::vector<std::shared_ptr<Pending>> waiting;  // shared: a caller may leave as soon as it is woken
  bool writing = false;    // a caller is the writer (and will hand over or stop)
  bool gathering = false;  // the writer waits for more entries to join its batch
  std::size_t last_batch = 0;
};

// When the last batch had company, the writer waits up to kGather for more entries (or
// until kFullBatch are waiting): the transaction, the checkpoint's signature and the
// commit cost the same for one entry as for many. Alone, it writes at once.
constexpr auto kGather = std::chrono::microseconds(1000);
constexpr std::size_t kFullBatch = 64;

Queue& queue_of(const std::string& db_path) {
  static std::mutex guard;
  static std::unordered_map<std::string, Queue> queues;
  const std::lock_guard lock(guard);
  return queues[db_path];
}

void write_batch(store::CaseFolder& c, const std::vector<std::shared_ptr<Pending>>& batch) {
  store::Transaction tx(c.db());
  store::AuditLedger ledger(c.db());
  for (const auto& p : batch) ledger.append(*p->content);
  ledger.checkpoint(c.keys());
  tx.commit();
}

void settle(const std::shared_ptr<Pending>& p, int state) {
  {
    const std::lock_guard lock(p->mu);
    p->state = state;
  }
  p->woken.notify_one();
}

// The writer's turn: gathers a batch, writes it, wakes its callers, hands over.
void write_waiting(store::CaseFolder& c, Queue& q) {
  std::vector<std::shared_ptr<Pending>> batch;
  {
    std::unique_lock lock(q.mu);
    if (q.last_batch > 1 && q.waiting.size() < kFullBatch) {
      q.gathering = true;
      q.arrived.wait_for(lock, kGather, [&] { return q.waiting.size() >= kFullBatch; });
      q.gathering = false;
    }
    batch.swap(q.waiting);
    q.last_batch = batch.size();
  }
  std::exception_ptr failure;
  try {
    write_batch(c, batch);
  } catch (...) {
    failure = std::current_exception();  // none of the batch is logged: all of them fail
  }
  std::shared_ptr<Pending> next;
  {
    const std::lock_guard lock(q.mu);
    if (q.waiting.empty()) q.writing = false;
    else next = q.waiting.front();
  }
  for (const auto& p : batch) {
    p->failure = failure;
    settle(p, Pending::kDone);
  }
  if (next) settle(next, Pending::kWrite);  // still in q.waiting: it writes its own batch
}

}  // namespace

void record_access(store::CaseFolder& c, const std::string& actor, const std::string& action,
                   const std::string& object, const std::string& justification) {
  const store::EntryContent content{actor, action, object, justification, "", ""};
  const auto mine = std::make_shared<Pending>();
  mine->content = &content;
  Queue& q = queue_of(c.db().path());
  bool write = false;
  {
    const std::lock_guard lock(q.mu);
    q.waiting.push_back(mine);
    if (!q.writing) write = q.writing = true;
    else if (q.gathering && q.waiting.size() >= kFullBatch) q.arrived.notify_one();
  }
  if (!write) {
    std::unique_lock lock(mine->mu);
    mine->woken.wait(lock, [&] { return mine->state != Pending::kWaiting; });
    write = mine->state == Pending::kWrite;
  }
  if (write) write_waiting(c, q);
  if (mine->failure) std::rethrow_exception(mine->failure);
}

}  // namespace corridor::app

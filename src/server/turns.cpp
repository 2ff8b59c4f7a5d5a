#include "server/turns.hpp"

namespace corridor::server {

namespace {
thread_local Turns* held = nullptr;  // the Turns whose place this thread holds
}

Turns::Place::Place(Turns& turns) {
  turns.enter();
  held = &turns;
}

Turns::Place::~Place() { step_out_of_turn(); }

void step_out_of_turn() {
  if (!held) return;
  Turns* t = held;
  held = nullptr;
  t->leave();
}

void Turns::enter() {
  std::unique_lock lock(mu_);
  if (free_ > 0 && waiting_.empty()) {
    --free_;
    return;
  }
  Waiter me;
  waiting_.push_back(&me);
  me.cv.wait(lock, [&] { return me.admitted; });
}

void Turns::leave() {
  const std::lock_guard lock(mu_);
  if (waiting_.empty()) {
    ++free_;
    return;
  }
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->admitted = true;  // the place passes to it directly
  next->cv.notify_one();
}

}  // namespace corridor::server

#pragma once
// At most `places` handlers run at once, the others in order of arrival. Under load they
// all shared the cores before, and every answer took as long as the slowest. A handler
// that goes on to wait without working (for its consultation to be written with others',
// app/record_access.cpp) steps out and gives its place to the next.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace corridor::server {

class Turns {
 public:
  explicit Turns(std::size_t places) : free_(places) {}
  Turns(const Turns&) = delete;
  Turns& operator=(const Turns&) = delete;

  // Holds a place for this thread's handler while it lives (unless it stepped out).
  class Place {
   public:
    explicit Place(Turns& turns);
    ~Place();
    Place(const Place&) = delete;
    Place& operator=(const Place&) = delete;
  };

 private:
  void enter();
  void leave();
  struct Waiter {
    std::condition_variable cv;
    bool admitted = false;
  };
  std::mutex mu_;
  std::deque<Waiter*> waiting_;  // each waiter has its own condition: one is woken, not all
  std::size_t free_;
  friend void step_out_of_turn();
};

// Gives up the calling thread's place, if it holds one; nothing otherwise (a test calling a
// handler directly, a command).
void step_out_of_turn();

}  // namespace corridor::server

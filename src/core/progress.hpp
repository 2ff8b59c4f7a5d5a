#pragma once
// A progress line on stderr for long work (hashing GBs, ingesting millions of rows).
// Silent when stderr is not a terminal, so logs and tests stay clean.
#include <cstdint>
#include <exception>
#include <string>

namespace corridor {

// Someone watching long work on this thread (a server job): told of every step, and asked
// at each whether the work is to stop. Only the thread that installed it is watched, so
// helper threads of the work never see it.
class ProgressObserver {
 public:
  virtual ~ProgressObserver() = default;
  virtual void on_progress(const std::string& label, std::uint64_t done, std::uint64_t total, std::uint64_t items) = 0;
  virtual bool cancelled() const = 0;
};

// Thrown by a progress step when the observer asks to stop; not a corridor::Error, so code
// that records a file's error and goes on lets it through (its transaction rolls back).
class Cancelled : public std::exception {
 public:
  const char* what() const noexcept override { return "cancelled"; }
};

// Installs an observer on this thread for its lifetime.
class ScopedProgressObserver {
 public:
  explicit ScopedProgressObserver(ProgressObserver* o);
  ~ScopedProgressObserver();
  ScopedProgressObserver(const ScopedProgressObserver&) = delete;
  ScopedProgressObserver& operator=(const ScopedProgressObserver&) = delete;

 private:
  ProgressObserver* previous_;
};

// Throws Cancelled when this thread's observer asks to stop: for work between steps.
void check_cancelled();

class Progress {
 public:
  // `unit` is "B" for bytes (shows MB/s) or a noun such as "msgs" (shows msgs/s). With
  // `items` (a noun such as "records") the line also counts items and their rate, for
  // work measured in bytes whose user thinks in messages or rows.
  Progress(std::string label, std::uint64_t total, bool enabled, std::string unit = "B", std::string items = "");
  ~Progress();
  void advance(std::uint64_t delta);
  void set(std::uint64_t done);
  void set(std::uint64_t done, std::uint64_t items);
  void finish();
  std::uint64_t done() const { return done_; }
  std::uint64_t items() const { return items_; }
  // The line as drawn `elapsed_ms` after the start, without the leading carriage return.
  std::string line(std::int64_t elapsed_ms) const;

 private:
  void draw(bool force);
  std::string label_, unit_, items_noun_;
  std::uint64_t total_, done_ = 0, items_ = 0;
  bool enabled_, finished_ = false;
  std::int64_t started_ms_, last_draw_ms_ = 0;
};

// True when stderr is a terminal and CORRIDOR_NO_PROGRESS is unset.
bool progress_wanted();

}  // namespace corridor

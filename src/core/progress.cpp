#include "core/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/time.hpp"

namespace corridor {

bool progress_wanted() { return isatty(STDERR_FILENO) && std::getenv("CORRIDOR_NO_PROGRESS") == nullptr; }

Progress::Progress(std::string label, std::uint64_t total, bool enabled, std::string unit, std::string items)
    : label_(std::move(label)),
      unit_(std::move(unit)),
      items_noun_(std::move(items)),
      total_(total),
      enabled_(enabled),
      started_ms_(now_millis()) {}

Progress::~Progress() { finish(); }

void Progress::advance(std::uint64_t delta) { set(done_ + delta); }

namespace {
thread_local ProgressObserver* observer = nullptr;
}  // namespace

ScopedProgressObserver::ScopedProgressObserver(ProgressObserver* o) : previous_(observer) { observer = o; }
ScopedProgressObserver::~ScopedProgressObserver() { observer = previous_; }

void check_cancelled() {
  if (observer && observer->cancelled()) throw Cancelled();
}

void Progress::set(std::uint64_t done) {
  done_ = done;
  draw(false);
  if (observer) {
    observer->on_progress(label_, done_, total_, items_);
    if (observer->cancelled()) throw Cancelled();
  }
}

void Progress::set(std::uint64_t done, std::uint64_t items) {
  items_ = items;
  set(done);
}

void Progress::finish() {
  if (finished_) return;
  finished_ = true;
  if (!enabled_) return;
  draw(true);
  std::fputc('\n', stderr);
}

std::string Progress::line(std::int64_t elapsed_ms) const {
  const double secs = static_cast<double>(std::max<std::int64_t>(1, elapsed_ms)) / 1000.0;
  const double frac = total_ ? std::min(1.0, static_cast<double>(done_) / static_cast<double>(total_)) : 0.0;
  const int width = 30, filled = static_cast<int>(frac * width);
  const bool bytes = unit_ == "B";
  const double rate = static_cast<double>(done_) / secs / (bytes ? 1e6 : 1.0);
  char buf[256];
  int n = std::snprintf(buf, sizeof buf, "%-24.24s [%.*s%*s] %5.1f%% %10.1f %s/s", label_.c_str(), filled,
                        "##############################", width - filled, "", frac * 100.0, rate,
                        bytes ? "MB" : unit_.c_str());
  std::string out(buf, static_cast<std::size_t>(std::max(0, n)));
  if (!items_noun_.empty()) {
    n = std::snprintf(buf, sizeof buf, " %12llu %s %10.0f %s/s", static_cast<unsigned long long>(items_),
                      items_noun_.c_str(), static_cast<double>(items_) / secs, items_noun_.c_str());
    out.append(buf, static_cast<std::size_t>(std::max(0, n)));
  }
  return out;
}

void Progress::draw(bool force) {
  if (!enabled_) return;
  const std::int64_t now = now_millis();
  if (!force && now - last_draw_ms_ < 100) return;
  last_draw_ms_ = now;
  std::fprintf(stderr, "\r%s", line(now - started_ms_).c_str());
  std::fflush(stderr);
}

}  // namespace corridor

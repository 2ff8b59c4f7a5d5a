// Binary data and files: chunks with overlap spread over worker threads, UTF-16 runs
// decoded, results handed out in offset order. Memory is bounded by the number of workers
// times one chunk, whatever the size of the input.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <thread>

#include "core/error.hpp"
#include "extract/engine.hpp"
#include "extract/utf16.hpp"

namespace corridor::extract {
namespace {

// Reads bytes [off, off+len) of the input into `storage` (or points into memory).
using ReadFn = std::function<std::string_view(std::uint64_t off, std::size_t len, std::string& storage)>;

std::string context_of(std::string_view buf, std::size_t off, std::size_t len, std::size_t n) {
  const std::size_t lo = off > n ? off - n : 0;
  const std::size_t hi = std::min(buf.size(), off + len + n);
  return std::string(buf.substr(lo, hi - lo));
}

void scan_chunk(const Scanner::Impl& impl, std::string_view buf, std::size_t own_begin,
                std::size_t own_end, std::uint64_t base, const ScanOptions& opt,
                std::vector<Found>& out, std::uint64_t& runs) {
  std::vector<Mention> ms;
  impl.scan_block(buf, own_begin, own_end, opt, ms);
  for (auto& m : ms) {
    Found f{std::move(m), {}};
    f.context = context_of(buf, f.mention.offset, f.mention.length, opt.context);
    out.push_back(std::move(f));
  }
  if (opt.utf16) {
    for (auto& run : find_utf16_runs(buf)) {
      if (run.end <= own_begin || run.begin >= own_end + kOverlap) continue;
      ++runs;
      ms.clear();
      impl.scan_block(run.text, 0, run.text.size(), opt, ms);
      for (auto& m : ms) {
        const std::size_t from = run.begin + run.map[m.offset];
        const std::size_t to = run.begin + run.map[m.offset + m.length];
        if (from < own_begin || from >= own_end) continue;
        Found f{std::move(m), {}};
        f.context = context_of(run.text, f.mention.offset, f.mention.length, opt.context);
        f.mention.offset = from;
        f.mention.length = to - from;
        if (!f.mention.detail.empty()) f.mention.detail += ';';
        f.mention.detail += run.big_endian ? "encoding=utf-16be" : "encoding=utf-16le";
        out.push_back(std::move(f));
      }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Found& a, const Found& b) { return a.mention.offset < b.mention.offset; });
  }
  for (auto& f : out) f.mention.offset += base;
}

ScanStats run_chunks(const Scanner::Impl& impl, std::uint64_t size, const ReadFn& read,
                     const ScanOptions& opt, const OnFound& on) {
  ScanStats stats;
  stats.bytes = size;
  const std::uint64_t nchunks = (size + kChunk - 1) / kChunk;
  unsigned workers = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
  workers = static_cast<unsigned>(std::min<std::uint64_t>(workers, std::max<std::uint64_t>(1, nchunks)));

  std::atomic<std::uint64_t> next{0};
  std::mutex mu;
  std::condition_variable cv;
  std::uint64_t turn = 0;  // the chunk whose results are handed out next
  std::exception_ptr failure;
  bool failed = false;

  auto work = [&] {
    std::string storage;
    std::vector<Found> found;
    for (;;) {
      const std::uint64_t i = next.fetch_add(1);
      if (i >= nchunks) return;
      found.clear();
      std::uint64_t runs = 0;
      try {
        const std::uint64_t own = i * kChunk;
        const std::uint64_t begin = own > kOverlap ? own - kOverlap : 0;
        const std::uint64_t end = std::min<std::uint64_t>(size, own + kChunk + kOverlap);
        const std::string_view buf = read(begin, static_cast<std::size_t>(end - begin), storage);
        const std::uint64_t own_end = std::min<std::uint64_t>(size, own + kChunk);
        scan_chunk(impl, buf, static_cast<std::size_t>(own - begin), static_cast<std::size_t>(own_end - begin),
                   begin, opt, found, runs);
      } catch (...) {
        std::lock_guard lk(mu);
        if (!failed) failure = std::current_exception();
        failed = true;
        cv.notify_all();
        return;
      }
      std::unique_lock lk(mu);
      cv.wait(lk, [&] { return turn == i || failed; });
      if (failed) return;
      try {
        for (const auto& f : found) on(f);
      } catch (...) {
        failure = std::current_exception();
        failed = true;
        cv.notify_all();
        return;
      }
      stats.mentions += found.size();
      stats.utf16_runs += runs;
      ++turn;
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  return stats;
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

ScanStats Scanner::scan_binary(std::string_view bytes, const ScanOptions& opt, const OnFound& on) const {
  const ReadFn read = [bytes](std::uint64_t off, std::size_t len, std::string&) {
    return bytes.substr(static_cast<std::size_t>(off), len);
  };
  return run_chunks(*impl_, bytes.size(), read, opt, on);
}

ScanStats Scanner::scan_file(const std::string& path, const ScanOptions& opt, const OnFound& on) const {
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (f.fd < 0) throw Error(path, "cannot open: " + errno_text(errno));
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) throw Error(path, "cannot stat: " + errno_text(errno));
  if (!S_ISREG(st.st_mode)) throw Error(path, "not a regular file");
  const int fd = f.fd;
  const ReadFn read = [fd, &path](std::uint64_t off, std::size_t len, std::string& storage) {
    storage.resize(len);
    std::size_t got = 0;
    while (got < len) {
      const ssize_t n = ::pread(fd, storage.data() + got, len - got, static_cast<off_t>(off + got));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw Error(path, "read failed: " + errno_text(errno));
      if (n == 0) break;  // the file shrank while we read it: scan what is there
      got += static_cast<std::size_t>(n);
    }
    storage.resize(got);
    return std::string_view(storage);
  };
  return run_chunks(*impl_, static_cast<std::uint64_t>(st.st_size), read, opt, on);
}

}  // namespace corridor::extract

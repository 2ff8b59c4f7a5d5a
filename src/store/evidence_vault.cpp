#include "store/evidence_vault.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <memory>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "store/private_files.hpp"

namespace corridor::store {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChunk = 1 << 20;

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& o) noexcept : fd_(o.release()) {}
  int get() const { return fd_; }
  int release() {
    int f = fd_;
    fd_ = -1;
    return f;
  }

 private:
  int fd_;
};

Fd open_for_reading(const fs::path& p) {
  Fd fd(::open(p.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) throw Error(p.string(), "cannot read: " + errno_text(errno));
  struct stat st {};
  if (::fstat(fd.get(), &st) == 0 && S_ISDIR(st.st_mode)) throw Error(p.string(), "is a folder, not a file");
  ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
  return fd;
}

// Reads at most n bytes; 0 at end of file. Retries on EINTR.
std::size_t read_some(int fd, char* buf, std::size_t n, const fs::path& p) {
  for (;;) {
    ssize_t r = ::read(fd, buf, n);
    if (r >= 0) return static_cast<std::size_t>(r);
    if (errno != EINTR) throw Error(p.string(), "read failed: " + errno_text(errno));
  }
}

void write_all(int fd, const char* buf, std::size_t n, const fs::path& p) {
  while (n > 0) {
    ssize_t w = ::write(fd, buf, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      throw Error(p.string(), "write failed: " + errno_text(errno), Error::kCase);
    }
    buf += w;
    n -= static_cast<std::size_t>(w);
  }
}

void sync_dir(const fs::path& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() >= 0) ::fsync(fd.get());
}

// Removes a temporary file unless disarmed: no half-written item survives an error.
struct TempGuard {
  fs::path path;
  bool armed = true;
  ~TempGuard() {
    if (armed) {
      std::error_code ec;
      fs::remove(path, ec);
    }
  }
};

}  // namespace

EvidenceVault::EvidenceVault(fs::path dir) : dir_(std::move(dir)) {}

fs::path EvidenceVault::path_of(std::string_view sha) const {
  return dir_ / std::string(sha.substr(0, 2)) / std::string(sha);
}

bool EvidenceVault::contains(std::string_view sha) const {
  std::error_code ec;
  return fs::is_regular_file(path_of(sha), ec);
}

fs::path EvidenceVault::temp_path() {
  static std::atomic<unsigned> counter{0};
  make_private_dirs(dir_ / "tmp");
  return dir_ / "tmp" / (std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".part");
}

StoredItem EvidenceVault::finish(const fs::path& tmp, const std::string& sha, std::uint64_t size) {
  StoredItem item{sha, size, false, path_of(sha)};
  std::error_code ec;
  if (fs::exists(item.path, ec)) {
    fs::remove(tmp, ec);
    return item;
  }
  make_private_dirs(item.path.parent_path());
  ::chmod(tmp.c_str(), 0400);  // read-only, and for the case's owner alone
  if (::rename(tmp.c_str(), item.path.c_str()) != 0)
    throw Error(item.path.string(), "cannot move into the vault: " + errno_text(errno), Error::kCase);
  sync_dir(item.path.parent_path());
  item.newly_stored = true;
  return item;
}

StoredItem EvidenceVault::store_file(const fs::path& source, Progress* progress) {
  Fd in = open_for_reading(source);
  TempGuard guard{temp_path()};
  Fd out(::open(guard.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (out.get() < 0) throw Error(guard.path.string(), "cannot create: " + errno_text(errno), Error::kCase);
  auto buf = std::make_unique<char[]>(kChunk);
  Sha256 hash;
  std::uint64_t size = 0;
  while (std::size_t n = read_some(in.get(), buf.get(), kChunk, source)) {
    hash.update(std::string_view(buf.get(), n));
    write_all(out.get(), buf.get(), n, guard.path);
    size += n;
    if (progress) progress->advance(n);
  }
  if (::fsync(out.get()) != 0 || ::close(out.release()) != 0)
    throw Error(guard.path.string(), "cannot write: " + errno_text(errno), Error::kCase);
  StoredItem item = finish(guard.path, to_hex(hash.finish()), size);
  guard.armed = false;
  return item;
}

StoredItem EvidenceVault::store_bytes(std::string_view bytes) {
  const std::string sha = to_hex(sha256(bytes));
  if (contains(sha)) return StoredItem{sha, bytes.size(), false, path_of(sha)};
  TempGuard guard{temp_path()};
  Fd out(::open(guard.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (out.get() < 0) throw Error(guard.path.string(), "cannot create: " + errno_text(errno), Error::kCase);
  write_all(out.get(), bytes.data(), bytes.size(), guard.path);
  if (::fsync(out.get()) != 0 || ::close(out.release()) != 0)
    throw Error(guard.path.string(), "cannot write: " + errno_text(errno), Error::kCase);
  StoredItem item = finish(guard.path, sha, bytes.size());
  guard.armed = false;
  return item;
}

std::string EvidenceVault::rehash(std::string_view sha, Progress* progress) const {
  return sha256_file(path_of(sha), progress);
}

std::vector<std::string> EvidenceVault::list() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& sub : fs::directory_iterator(dir_, ec)) {
    if (!sub.is_directory() || sub.path().filename() == "tmp") continue;
    for (const auto& f : fs::directory_iterator(sub.path(), ec)) out.push_back(f.path().filename().string());
  }
  return out;
}

void EvidenceVault::discard(const StoredItem& item) {
  if (!item.newly_stored) return;
  std::error_code ec;
  fs::remove(item.path, ec);
}

bool EvidenceVault::remove_withdrawn(std::string_view sha256, std::string& why) {
  const fs::path p = path_of(sha256);
  if (::unlink(p.c_str()) != 0 && errno != ENOENT) {
    why = p.string() + ": " + errno_text(errno);
    return false;
  }
  sync_dir(p.parent_path());
  return true;
}

namespace {

// The process that made a temporary, from its name; 0 when the name is not one of ours.
pid_t owner_of_temporary(std::string_view name) {
  if (name.rfind("ingest-", 0) == 0) name.remove_prefix(7);
  pid_t pid = 0;
  std::size_t i = 0;
  for (; i < name.size() && i < 9 && name[i] >= '0' && name[i] <= '9'; ++i) pid = pid * 10 + (name[i] - '0');
  return i > 0 && i < name.size() && name[i] == '-' ? pid : 0;
}

}  // namespace

void EvidenceVault::remove_stale_temporaries() {
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(dir_ / "tmp", ec)) {
    const pid_t pid = owner_of_temporary(f.path().filename().string());
    // Only those of dead processes: another adder may be writing its own right now.
    if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(f.path(), ec);
  }
}

std::vector<std::string> EvidenceVault::temporaries() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(dir_ / "tmp", ec)) out.push_back(f.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string sha256_file(const fs::path& path, Progress* progress) {
  Fd in = open_for_reading(path);
  auto buf = std::make_unique<char[]>(kChunk);
  Sha256 hash;
  while (std::size_t n = read_some(in.get(), buf.get(), kChunk, path)) {
    hash.update(std::string_view(buf.get(), n));
    if (progress) progress->advance(n);
  }
  return to_hex(hash.finish());
}

}  // namespace corridor::store

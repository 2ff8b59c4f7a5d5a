#include "store/private_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "core/error.hpp"

namespace corridor::store {

namespace fs = std::filesystem;

void make_private_dirs(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return;
  if (!dir.parent_path().empty() && dir.parent_path() != dir) {
    if (!fs::exists(dir.parent_path(), ec)) make_private_dirs(dir.parent_path());
  }
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    throw Error(dir.string(), "cannot create folder: " + errno_text(errno), Error::kCase);
  ::chmod(dir.c_str(), 0700);  // mkdir's mode is narrowed by the umask, never widened: set it
}

void make_private_file(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(file.string(), "cannot create: " + errno_text(errno), Error::kCase);
  ::fchmod(fd, 0600);
  ::close(fd);
}

std::vector<std::string> loose_permissions(const fs::path& root) {
  std::vector<std::string> out;
  auto check = [&](const fs::path& p) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) return;
    if ((st.st_mode & 077) == 0) return;
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    const std::string rel = p == root ? "the case folder" : fs::relative(p, root).string();
    out.push_back(rel + " is " + mode + " (readable or writable by other accounts; expected " +
                  (S_ISDIR(st.st_mode) ? "0700" : "0600 or 0400") + ")");
  };
  check(root);
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec))
    check(it->path());
  return out;
}

}  // namespace corridor::store

#include "core/media_type.hpp"

#include <magic.h>

namespace corridor {

namespace {

// One libmagic handle per thread: magic_t is not thread-safe and loading the database
// costs milliseconds, so it is opened once.
class Magic {
 public:
  Magic() : cookie_(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR)) {
    if (cookie_ && magic_load(cookie_, nullptr) != 0) {
      magic_close(cookie_);
      cookie_ = nullptr;
    }
  }
  ~Magic() {
    if (cookie_) magic_close(cookie_);
  }
  magic_t get() const { return cookie_; }

 private:
  magic_t cookie_;
};

magic_t cookie() {
  thread_local Magic m;
  return m.get();
}

std::string or_default(const char* r) { return r ? std::string(r) : "application/octet-stream"; }

}  // namespace

std::string media_type_of_file(const std::string& path) {
  magic_t c = cookie();
  return c ? or_default(magic_file(c, path.c_str())) : "application/octet-stream";
}

std::string media_type_of_bytes(std::string_view bytes) {
  magic_t c = cookie();
  return c ? or_default(magic_buffer(c, bytes.data(), bytes.size())) : "application/octet-stream";
}

}  // namespace corridor

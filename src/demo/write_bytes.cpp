#include <fstream>

#include "core/error.hpp"
#include "demo/writers.hpp"

namespace corridor::demo {

void write_bytes(const std::filesystem::path& out, std::string_view bytes) {
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  if (!f) throw Error(out.string(), "cannot create file");
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  f.close();
  if (!f) throw Error(out.string(), "cannot write file");
}

}  // namespace corridor::demo

// Any bytes through the scanner, both as a text unit and as binary data (UTF-16 runs,
// two workers): it must never crash, hang or read out of bounds, and every mention must
// lie inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/scanner.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const corridor::extract::Scanner scanner;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  corridor::extract::ScanOptions opt;
  opt.region = size % 2 ? "LY" : "";
  scanner.scan(bytes, opt, [&](const corridor::Mention& m) {
    if (m.offset + m.length > size || m.raw != bytes.substr(m.offset, m.length)) std::abort();
  });
  opt.threads = 2;
  scanner.scan_binary(bytes, opt, [&](const corridor::extract::Found& f) {
    if (f.mention.offset + f.mention.length > size) std::abort();
  });
  return 0;
}

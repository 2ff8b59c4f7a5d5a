#pragma once
// Where a decoded message came from in its evidence file: the provenance principle needs
// every fact to point at exact bytes. A multi-sentence message spans from the first byte
// of its first fragment's line to the end of its last fragment's line.
#include <cstdint>

namespace corridor::ais {

struct Locator {
  std::uint64_t line = 0;         // 1-based line of the first fragment
  std::uint64_t last_line = 0;    // line of the last fragment (== line for single sentences)
  std::uint64_t byte_offset = 0;  // offset of the first fragment's line in the file
  std::uint64_t byte_length = 0;  // up to the end of the last fragment's line (without newline)
};

}  // namespace corridor::ais

// Fuzzes the amlworld reader of src/ingest with arbitrary file contents.
#include "fuzz_ingest_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  corridor::fuzz::run_reader("amlworld", data, size, "t.csv");
  return 0;
}

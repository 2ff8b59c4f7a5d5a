// Fuzzes the exif reader of src/ingest with arbitrary file contents.
#include "fuzz_ingest_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  corridor::fuzz::run_reader("exif", data, size, "p.jpg");
  return 0;
}

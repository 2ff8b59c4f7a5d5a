// Fuzzes the whatsapp reader of src/ingest with arbitrary file contents.
#include "fuzz_ingest_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  corridor::fuzz::run_reader("whatsapp", data, size, "chat.txt");
  return 0;
}

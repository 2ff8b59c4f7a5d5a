// Fuzzes the mto-csv reader of src/ingest with arbitrary file contents.
#include "fuzz_ingest_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  corridor::ingest::ReadOptions opt;
  opt.column_map = {{"control_number", "MTCN"}, {"time", "Date"}, {"sender_name", "Sender"}, {"sender_phone", "Sender Phone"},
                    {"receiver_phone", "Receiver Phone"}, {"amount", "Amount"}, {"currency", "Currency"}};
  opt.region = "DE";
  corridor::fuzz::run_reader("mto-csv", data, size, "mto.csv", opt);
  return 0;
}

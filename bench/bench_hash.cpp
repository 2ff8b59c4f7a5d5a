// Streams a file through Corridor's evidence hashing (libsodium SHA-256, 1 MiB reads)
// and prints: <sha256> <bytes> <seconds>.
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "store/evidence_vault.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench_hash FILE\n");
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const std::string sha = corridor::store::sha256_file(argv[1]);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%s %llu %.3f\n", sha.c_str(), static_cast<unsigned long long>(std::filesystem::file_size(argv[1])),
              secs);
  return 0;
}

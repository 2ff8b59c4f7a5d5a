#pragma once
// Reads a file line by line through a fixed window, with each line's byte offset, so a
// reader streams a file of any size in bounded memory.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace corridor::ingest {

struct Line {
  std::string text;          // without the line terminator (LF or CRLF)
  std::uint64_t offset = 0;  // of the first byte
  std::uint64_t length = 0;  // including the terminator
  std::uint64_t number = 0;  // 1-based
};

class ByteStream {
 public:
  // Throws corridor::Error naming `display` when the file cannot be opened.
  ByteStream(const std::filesystem::path& path, const std::string& display);
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  int get();   // next byte or -1 at end
  int peek();  // without consuming
  std::uint64_t offset() const { return consumed_; }
  const std::string& display() const { return display_; }

 private:
  bool fill();
  std::FILE* f_ = nullptr;
  std::string display_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  std::uint64_t consumed_ = 0;
};

class LineReader {
 public:
  // Lines longer than `max_line` bytes throw corridor::Error (a binary file, not a log).
  LineReader(const std::filesystem::path& path, const std::string& display, std::size_t max_line = 16u << 20);
  bool next(Line& line);
  std::uint64_t offset() const { return in_.offset(); }

 private:
  ByteStream in_;
  std::size_t max_line_;
  std::uint64_t number_ = 0;
};

}  // namespace corridor::ingest

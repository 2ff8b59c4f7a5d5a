#pragma once
// Reads a file line by line through a fixed window, with each line's byte offset, so a
// reader streams a file of any size in bounded memory. Text saved as UTF-16 (a byte order
// mark FF FE or FE FF at the start, as Windows tools and some phone exports write it) is
// decoded to UTF-8 on the way, while offsets still count the file's own bytes.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace corridor::ingest {

struct Line {
  std::string text;          // without the line terminator (LF or CRLF)
  std::uint64_t offset = 0;  // of the first byte
  std::uint64_t length = 0;  // including the terminator
  std::uint64_t number = 0;  // 1-based
};

enum class TextEncoding { Utf8, Utf16Le, Utf16Be };

// The encoding a file's first bytes announce: UTF-16 only with its byte order mark.
TextEncoding sniff_encoding(std::string_view head);
// `head` (the first bytes of a file) as UTF-8 when it is UTF-16 with a byte order mark
// (BOM dropped; a cut character at the end is dropped too), else unchanged. Readers
// recognise their formats in the text, not in the raw bytes.
std::string head_as_utf8(std::string_view head);

class ByteStream {
 public:
  // Throws corridor::Error naming `display` when the file cannot be opened.
  ByteStream(const std::filesystem::path& path, const std::string& display);
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  // Next byte (of the UTF-8 text) or -1 at end. A UTF-16 file that ends in the middle of
  // a code unit throws corridor::Error naming the file.
  int get() {
    if (pos_ == end_ && !fill()) return -1;
    ++consumed_;
    return static_cast<unsigned char>(buf_[pos_++]);
  }
  int peek() {  // without consuming
    if (pos_ == end_ && !fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_]);
  }
  // The bytes read ahead and not consumed yet, refilled when none are left; empty at the
  // end. Lets a caller scan in place instead of byte by byte.
  std::string_view window() {
    if (pos_ == end_ && !fill()) return {};
    return std::string_view(buf_.data() + pos_, end_ - pos_);
  }
  void consume(std::size_t n) {  // n <= window().size()
    pos_ += n;
    consumed_ += n;
  }
  // Up to `n` bytes of the text into `out`; 0 at the end.
  std::size_t read(char* out, std::size_t n);
  // Offset in the file of the next byte get() returns (its first code unit for UTF-16).
  std::uint64_t offset() const { return encoding_ == TextEncoding::Utf8 ? consumed_ : utf16_offset(); }
  // Offset in the file of the byte get() returned last.
  std::uint64_t last_offset() const {
    return encoding_ == TextEncoding::Utf8 ? consumed_ - 1 : pos_ ? origin_[pos_ - 1] : last_origin_;
  }
  TextEncoding encoding() const { return encoding_; }
  const std::string& display() const { return display_; }

 private:
  bool fill();
  bool fill_utf16();
  std::uint64_t utf16_offset() const { return pos_ < end_ ? origin_[pos_] : decoded_to_; }
  std::FILE* f_ = nullptr;
  std::string display_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
  std::uint64_t consumed_ = 0;
  TextEncoding encoding_ = TextEncoding::Utf8;
  // UTF-16: raw code units read but not decoded yet, the file offset of every decoded
  // byte in buf_, and the offset up to which the file has been decoded.
  std::vector<char> raw_;
  std::size_t raw_keep_ = 0;
  std::vector<std::uint64_t> origin_;
  std::uint64_t raw_read_ = 0, decoded_to_ = 0, last_origin_ = 0;
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

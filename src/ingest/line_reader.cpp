#include "ingest/line_reader.hpp"

#include <cerrno>

#include "core/error.hpp"
#include "ingest/text_util.hpp"

namespace corridor::ingest {

ByteStream::ByteStream(const std::filesystem::path& path, const std::string& display)
    : display_(display), buf_(1u << 20) {
  f_ = std::fopen(path.c_str(), "rb");
  if (!f_) throw Error(display, "cannot open: " + errno_text(errno));
}

ByteStream::~ByteStream() {
  if (f_) std::fclose(f_);
}

bool ByteStream::fill() {
  end_ = std::fread(buf_.data(), 1, buf_.size(), f_);
  pos_ = 0;
  if (end_ == 0 && std::ferror(f_)) throw Error(where(display_, "byte", consumed_), "read error");
  return end_ > 0;
}

int ByteStream::get() {
  if (pos_ == end_ && !fill()) return -1;
  ++consumed_;
  return static_cast<unsigned char>(buf_[pos_++]);
}

int ByteStream::peek() {
  if (pos_ == end_ && !fill()) return -1;
  return static_cast<unsigned char>(buf_[pos_]);
}

LineReader::LineReader(const std::filesystem::path& path, const std::string& display, std::size_t max_line)
    : in_(path, display), max_line_(max_line) {}

bool LineReader::next(Line& line) {
  line.text.clear();
  line.offset = in_.offset();
  int c = in_.get();
  if (c < 0) return false;
  line.number = ++number_;
  while (c >= 0 && c != '\n') {
    line.text.push_back(static_cast<char>(c));
    if (line.text.size() > max_line_)
      throw Error(where(in_.display(), "line", line.number), "line longer than " + std::to_string(max_line_) + " bytes");
    c = in_.get();
  }
  if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
  line.length = in_.offset() - line.offset;
  return true;
}

}  // namespace corridor::ingest

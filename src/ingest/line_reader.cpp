#include "ingest/line_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/error.hpp"
#include "ingest/text_util.hpp"

namespace corridor::ingest {

namespace {

constexpr std::size_t kWindow = 1u << 20;

unsigned unit_at(const char* p, bool big_endian) {
  const auto lo = static_cast<unsigned char>(p[big_endian ? 1 : 0]), hi = static_cast<unsigned char>(p[big_endian ? 0 : 1]);
  return static_cast<unsigned>(hi) << 8 | lo;
}

// Appends code point `cp` as UTF-8; returns the number of bytes written.
std::size_t put_utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// One code point from the UTF-16 units at p (n bytes available). Unpaired surrogates
// become U+FFFD. Returns the bytes used, or 0 when a surrogate pair is cut by the end of
// the window and more bytes may follow.
std::size_t decode_unit(const char* p, std::size_t n, bool big_endian, bool at_end, char32_t& cp) {
  const unsigned u = unit_at(p, big_endian);
  cp = u;
  if (u >= 0xDC00 && u < 0xE000) cp = 0xFFFD;
  if (u < 0xD800 || u >= 0xDC00) return 2;
  if (n < 4) {
    cp = 0xFFFD;
    return at_end ? 2 : 0;
  }
  const unsigned lo = unit_at(p + 2, big_endian);
  if (lo < 0xDC00 || lo >= 0xE000) {
    cp = 0xFFFD;
    return 2;
  }
  cp = 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (lo - 0xDC00);
  return 4;
}

}  // namespace

TextEncoding sniff_encoding(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\xFF' && head[1] == '\xFE') return TextEncoding::Utf16Le;
  if (head.size() >= 2 && head[0] == '\xFE' && head[1] == '\xFF') return TextEncoding::Utf16Be;
  return TextEncoding::Utf8;
}

std::string head_as_utf8(std::string_view head) {
  const TextEncoding enc = sniff_encoding(head);
  if (enc == TextEncoding::Utf8) return std::string(head);
  const bool be = enc == TextEncoding::Utf16Be;
  std::string out;
  out.reserve(head.size() * 3 / 2);
  char tmp[4];
  for (std::size_t i = 2; i + 2 <= head.size();) {
    char32_t cp;
    const std::size_t used = decode_unit(head.data() + i, head.size() - i, be, false, cp);
    if (used == 0) break;  // a pair cut by the end of the head
    out.append(tmp, put_utf8(cp, tmp));
    i += used;
  }
  return out;
}

ByteStream::ByteStream(const std::filesystem::path& path, const std::string& display)
    : display_(display), buf_(kWindow) {
  f_ = std::fopen(path.c_str(), "rb");
  if (!f_) throw Error(display, "cannot open: " + errno_text(errno));
  char bom[2];
  const std::size_t n = std::fread(bom, 1, 2, f_);
  encoding_ = sniff_encoding(std::string_view(bom, n));
  if (encoding_ == TextEncoding::Utf8) {
    std::rewind(f_);
    return;
  }
  // Every code unit gives at most 3 bytes of UTF-8 (a surrogate pair gives 4 for 2 units).
  raw_.resize(kWindow);
  buf_.resize(kWindow / 2 * 3);
  origin_.resize(buf_.size());
  raw_read_ = decoded_to_ = last_origin_ = 2;
}

ByteStream::~ByteStream() {
  if (f_) std::fclose(f_);
}

bool ByteStream::fill() {
  if (encoding_ != TextEncoding::Utf8) return fill_utf16();
  end_ = std::fread(buf_.data(), 1, buf_.size(), f_);
  pos_ = 0;
  if (end_ == 0 && std::ferror(f_)) throw Error(where(display_, "byte", consumed_), "read error");
  return end_ > 0;
}

bool ByteStream::fill_utf16() {
  if (end_ > 0) last_origin_ = origin_[end_ - 1];
  pos_ = end_ = 0;
  const bool be = encoding_ == TextEncoding::Utf16Be;
  while (end_ == 0) {
    const std::size_t n = std::fread(raw_.data() + raw_keep_, 1, raw_.size() - raw_keep_, f_);
    if (n == 0 && std::ferror(f_)) throw Error(where(display_, "byte", raw_read_), "read error");
    const bool at_end = n == 0;
    const std::size_t have = raw_keep_ + n;
    const std::uint64_t base = raw_read_ - raw_keep_;  // file offset of raw_[0]
    raw_read_ += n;
    std::size_t i = 0;
    while (i + 2 <= have) {
      char32_t cp;
      const std::size_t used = decode_unit(raw_.data() + i, have - i, be, at_end, cp);
      if (used == 0) break;
      const std::size_t w = put_utf8(cp, buf_.data() + end_);
      for (std::size_t k = 0; k < w; ++k) origin_[end_ + k] = base + i;
      end_ += w;
      i += used;
    }
    decoded_to_ = base + i;
    raw_keep_ = have - i;
    if (at_end) {
      if (raw_keep_ != 0)
        throw Error(where(display_, "byte", decoded_to_),
                    "UTF-16 text ends in the middle of a character (the file has an odd number of bytes; truncated?)");
      return end_ > 0;
    }
    std::memmove(raw_.data(), raw_.data() + i, raw_keep_);
  }
  return true;
}

std::size_t ByteStream::read(char* out, std::size_t n) {
  if (pos_ == end_ && !fill()) return 0;
  const std::size_t k = std::min(n, end_ - pos_);
  std::memcpy(out, buf_.data() + pos_, k);
  pos_ += k;
  consumed_ += k;
  return k;
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

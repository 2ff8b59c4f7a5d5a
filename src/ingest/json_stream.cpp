#include "ingest/json_stream.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/unicode.hpp"
#include "ingest/text_util.hpp"

namespace corridor::ingest {

namespace {
constexpr std::size_t kMaxScalar = 64u << 10;  // longer chat-level strings are not kept
constexpr std::size_t kMaxScalars = 256;
constexpr std::size_t kMaxDepth = 512;

bool blank(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool read_u4(std::string_view raw, std::size_t at, char32_t& out) {
  if (at + 4 > raw.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const int v = hex_value(raw[i]);
    if (v < 0) return false;
    out = out * 16 + static_cast<char32_t>(v);
  }
  return true;
}
}  // namespace

std::string json_unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 >= raw.size()) {
      out += raw[i];
      continue;
    }
    const char e = raw[++i];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u': {
        char32_t cp = 0;
        if (!read_u4(raw, i + 1, cp)) {
          out += "\\u";
          break;
        }
        i += 4;
        char32_t lo = 0;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 2 < raw.size() && raw[i + 1] == '\\' && raw[i + 2] == 'u' &&
            read_u4(raw, i + 3, lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          i += 6;
        }
        unicode::append_utf8(out, cp);
        break;
      }
      default: out += e;  // \" \\ \/
    }
  }
  return out;
}

JsonStream::JsonStream(ByteStream& in, std::set<std::string> capture_keys, std::size_t max_element)
    : in_(in), capture_keys_(std::move(capture_keys)), max_element_(max_element) {}

void JsonStream::fail(const std::string& what) const {
  throw Error(where(in_.display(), "byte", in_.offset()), what);
}

int JsonStream::next_non_blank() {
  int c = in_.get();
  while (blank(c)) c = in_.get();
  return c;
}

std::string JsonStream::read_string() {
  scratch_.clear();
  bool esc = false;
  for (;;) {
    const int c = in_.get();
    if (c < 0) fail("truncated JSON: the file ends inside a string");
    if (esc) {
      esc = false;
    } else if (c == '\\') {
      esc = true;
    } else if (c == '"') {
      break;
    }
    if (scratch_.size() < kMaxScalar) scratch_.push_back(static_cast<char>(c));
  }
  return json_unescape(scratch_);
}

void JsonStream::store(const std::string& value) {
  if (stack_.empty() || !stack_.back().object) return;
  auto& f = stack_.back();
  if (f.scalars.size() < kMaxScalars) f.scalars[f.key] = value;
}

void JsonStream::capture(std::uint64_t offset, const JsonFrame& holder, const OnElement& on_element) {
  // Scans the stream's window in place and copies it in runs: a 2 GB export has millions
  // of these objects. The buffer is reused, so its memory is allocated once.
  element_.assign(1, '{');
  int depth = 1;
  bool in_str = false, esc = false;
  while (depth > 0) {
    const std::string_view w = in_.window();
    if (w.empty()) fail("truncated JSON: the file ends inside the object that starts at byte " + std::to_string(offset));
    const std::size_t limit = std::min(w.size(), max_element_ + 1 - element_.size());
    std::size_t i = 0;
    while (i < limit && depth > 0) {
      const char c = w[i++];
      if (in_str) {
        if (esc) esc = false;
        else if (c == '\\') esc = true;
        else if (c == '"') in_str = false;
      } else if (c == '"') {
        in_str = true;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        --depth;
      }
    }
    element_.append(w.data(), i);
    in_.consume(i);
    if (element_.size() > max_element_)
      fail("object at byte " + std::to_string(offset) + " is larger than " + std::to_string(max_element_) + " bytes");
  }
  on_element(element_, offset, holder);
}

void JsonStream::run(const OnElement& on_element, const OnClose& on_close) {
  bool done = false;
  for (;;) {
    const int c = next_non_blank();
    if (c < 0) {
      if (!done) fail(stack_.empty() ? "empty JSON document" : "truncated JSON: the file ends inside the document");
      return;
    }
    if (done) fail(std::string("unexpected data after the JSON document: '") + static_cast<char>(c) + "'");
    if (!stack_.empty() && stack_.back().object && stack_.back().want_key && c != '"' && c != '}')
      fail(std::string("expected a key, found '") + static_cast<char>(c) + "'");
    switch (c) {
      case '{':
      case '[': {
        if (!stack_.empty() && !stack_.back().object && stack_.back().capture && c == '{') {
          capture(in_.last_offset(), stack_[stack_.size() - 2], on_element);
          break;
        }
        if (stack_.size() >= kMaxDepth) fail("JSON nested too deeply");
        JsonFrame f;
        f.object = c == '{';
        if (!stack_.empty() && stack_.back().object) {
          f.key_in_parent = stack_.back().key;
          f.capture = !f.object && capture_keys_.count(stack_.back().key) > 0;
        }
        stack_.push_back(std::move(f));
        break;
      }
      case '}':
      case ']': {
        if (stack_.empty() || stack_.back().object != (c == '}'))
          fail(std::string("unexpected '") + static_cast<char>(c) + "'");
        JsonFrame f = std::move(stack_.back());
        stack_.pop_back();
        if (on_close) on_close(f);
        if (stack_.empty()) done = true;
        break;
      }
      case '"': {
        std::string s = read_string();
        if (!stack_.empty() && stack_.back().object && stack_.back().want_key) {
          stack_.back().key = std::move(s);
          stack_.back().want_key = false;
          if (next_non_blank() != ':') fail("expected ':' after a key");
        } else {
          store(s);
          if (stack_.empty()) done = true;
        }
        break;
      }
      case ',':
        if (stack_.empty()) fail("unexpected ','");
        if (stack_.back().object) stack_.back().want_key = true;
        break;
      default: {
        if (!(c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n'))
          fail(std::string("unexpected character '") + static_cast<char>(c) + "'");
        std::string tok(1, static_cast<char>(c));
        for (int p = in_.peek(); p >= 0 && !blank(p) && p != ',' && p != '}' && p != ']'; p = in_.peek()) {
          tok.push_back(static_cast<char>(in_.get()));
          if (tok.size() > 64) fail("malformed JSON value");
        }
        store(tok);
        if (stack_.empty()) done = true;
      }
    }
  }
}

}  // namespace corridor::ingest

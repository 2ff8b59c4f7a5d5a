#pragma once
// A streaming walk over one JSON document that hands over, one at a time, the raw bytes
// of every object inside an array under a chosen key ("messages"), together with the
// scalar fields seen so far in the object holding that array (a chat's name, type, id).
// Memory is bounded by the largest such object (max_element), never by the file: a 2 GB
// Telegram export is read through a 1 MiB window. Every captured object is then parsed
// on its own (simdjson on-demand).
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/line_reader.hpp"

namespace corridor::ingest {

struct JsonFrame {
  bool object = false;
  std::string key_in_parent;
  std::string key;  // last key read in an object
  bool want_key = true;
  bool capture = false;  // an array whose object elements are handed over
  std::map<std::string, std::string> scalars;  // string/number fields of an object (bounded)
};

class JsonStream {
 public:
  using OnElement = std::function<void(std::string_view bytes, std::uint64_t offset, const JsonFrame& holder)>;
  using OnClose = std::function<void(const JsonFrame& frame)>;

  JsonStream(ByteStream& in, std::set<std::string> capture_keys, std::size_t max_element = 64u << 20);
  // Walks the whole document; throws corridor::Error naming the file and byte on malformed
  // or truncated JSON.
  void run(const OnElement& on_element, const OnClose& on_close);

 private:
  [[noreturn]] void fail(const std::string& what) const;
  int next_non_blank();
  std::string read_string();  // after the opening quote; returns the decoded text
  void capture(std::uint64_t offset, const JsonFrame& holder, const OnElement& on_element);
  void store(const std::string& value);

  ByteStream& in_;
  std::set<std::string> capture_keys_;
  std::size_t max_element_;
  std::vector<JsonFrame> stack_;
  std::string scratch_;
  std::string element_;  // the object being captured
};

// Decodes a JSON string body (escapes included, quotes excluded); nullopt-free: invalid
// escapes are kept as written.
std::string json_unescape(std::string_view raw);

}  // namespace corridor::ingest

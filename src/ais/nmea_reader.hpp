#pragma once
// Streaming AIS decoder: feed it lines (or chunks of a file) and it hands back each
// complete message, decoded, with its evidence locator and time. Rejected lines are
// counted by reason. Memory is bounded: one Decoded, one reassembly table, one partial line.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ais/decoded.hpp"
#include "ais/reassembler.hpp"

namespace corridor::ais {

struct ReaderOptions {
  // Logs without tag-block times: sentence k (0-based) is at start + k * interval.
  std::optional<std::int64_t> start_millis;
  std::int64_t interval_millis = 0;
};

struct ReaderStats {
  std::uint64_t lines = 0;      // all lines seen
  std::uint64_t skipped = 0;    // blank lines and '#' comments
  std::uint64_t sentences = 0;  // well-formed AIS sentences
  std::uint64_t messages = 0;   // decoded messages
  RejectCounts rejects;
};

class NmeaReader {
 public:
  explicit NmeaReader(ReaderOptions options = {}) : options_(options), reassembler_(stats_.rejects) {}
  NmeaReader(const NmeaReader&) = delete;
  NmeaReader& operator=(const NmeaReader&) = delete;

  // One line without its newline, at `offset` bytes into the file. Returns the decoded
  // message when this line completes one (valid until the next call), else nullptr.
  const Decoded* feed_line(std::string_view line, std::uint64_t offset);
  // End of stream: unfinished multi-sentence messages are counted as orphans.
  void finish() { reassembler_.finish(); }

  const ReaderStats& stats() const { return stats_; }
  // Why the last line fed was not decoded (kNone if it was, or if it is still waiting).
  Reject last_reject() const { return last_reject_; }

 private:
  ReaderOptions options_;
  ReaderStats stats_;
  Reassembler reassembler_;
  Decoded decoded_;
  Reject last_reject_ = Reject::kNone;
};

// Splits a byte stream delivered in chunks into lines with their offsets; a line split
// across chunks is carried over. Handles LF and CRLF; a final line without newline is
// delivered by finish().
class LineSplitter {
 public:
  template <class F>
  void feed(std::string_view chunk, F&& on_line) {
    std::size_t pos = 0;
    while (pos < chunk.size()) {
      const void* nl = std::char_traits<char>::find(chunk.data() + pos, chunk.size() - pos, '\n');
      if (!nl) {
        carry_.append(chunk.data() + pos, chunk.size() - pos);
        offset_ += chunk.size() - pos;
        return;
      }
      const std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nl) - chunk.data());
      std::string_view line = chunk.substr(pos, end - pos);
      const std::uint64_t line_start = offset_ - carry_.size();
      if (!carry_.empty()) {
        carry_.append(line);
        line = carry_;
      }
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      on_line(line, line_start);
      carry_.clear();
      offset_ += end - pos + 1;
      pos = end + 1;
    }
  }
  template <class F>
  void finish(F&& on_line) {
    if (carry_.empty()) return;
    std::string_view line = carry_;
    if (line.back() == '\r') line.remove_suffix(1);
    on_line(line, offset_ - carry_.size());
    carry_.clear();
  }

 private:
  std::string carry_;
  std::uint64_t offset_ = 0;
};

}  // namespace corridor::ais

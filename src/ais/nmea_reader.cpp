#include "ais/nmea_reader.hpp"

namespace corridor::ais {

const Decoded* NmeaReader::feed_line(std::string_view line, std::uint64_t offset) {
  ++stats_.lines;
  last_reject_ = Reject::kNone;
  std::size_t first = 0;
  while (first < line.size() && (line[first] == ' ' || line[first] == '\t')) ++first;
  if (first == line.size() || line[first] == '#') {
    ++stats_.skipped;
    return nullptr;
  }
  NmeaSentence s;
  Reject r = parse_sentence(line, s);
  if (r != Reject::kNone) {
    last_reject_ = r;
    stats_.rejects.add(r);
    return nullptr;
  }
  const std::uint64_t index = stats_.sentences++;
  if (!s.tag.unix_millis && options_.start_millis)
    s.tag.unix_millis = *options_.start_millis + static_cast<std::int64_t>(index) * options_.interval_millis;
  Locator where;
  where.line = where.last_line = stats_.lines;
  where.byte_offset = offset;
  where.byte_length = line.size();
  AssembledMessage m;
  r = reassembler_.add(s, where, m);
  if (r == Reject::kNone && m.payload == nullptr) return nullptr;  // waiting for fragments
  if (r == Reject::kNone) {
    decoded_.locator = m.locator;
    r = decode(*m.payload, decoded_);
  }
  if (r != Reject::kNone) {
    last_reject_ = r;
    stats_.rejects.add(r);
    return nullptr;
  }
  decoded_.unix_millis = m.tag.unix_millis;
  decoded_.channel = m.channel;
  decoded_.own_vessel = m.own_vessel;
  ++stats_.messages;
  return &decoded_;
}

}  // namespace corridor::ais

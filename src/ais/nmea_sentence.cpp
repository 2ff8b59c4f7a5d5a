#include "ais/nmea_sentence.hpp"

namespace corridor::ais {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Parses "*hh" at the start of `s`; -1 when absent or not hex.
int parse_star_checksum(std::string_view s) {
  if (s.size() < 3 || s[0] != '*') return -1;
  const int hi = hex_value(s[1]), lo = hex_value(s[2]);
  if (hi < 0 || lo < 0) return -1;
  return hi * 16 + lo;
}

bool parse_uint(std::string_view s, std::int64_t& v) {
  if (s.empty() || s.size() > 18) return false;
  v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  return true;
}

// "s:rORBCOMM000,c:1241544035*4A" without the surrounding backslashes.
Reject parse_tag_block(std::string_view t, TagBlock& tag) {
  const auto star = t.rfind('*');
  if (star == std::string_view::npos) return Reject::kBadTagBlock;
  const int sum = parse_star_checksum(t.substr(star));
  if (sum < 0 || star + 3 != t.size() || nmea_checksum(t.substr(0, star)) != sum) return Reject::kBadTagBlock;
  std::string_view body = t.substr(0, star);
  while (!body.empty()) {
    const auto comma = body.find(',');
    const std::string_view item = body.substr(0, comma);
    body = comma == std::string_view::npos ? std::string_view{} : body.substr(comma + 1);
    if (item.size() < 2 || item[1] != ':') return Reject::kBadTagBlock;
    const std::string_view value = item.substr(2);
    if (item[0] == 'c') {
      std::int64_t v = 0;
      if (!parse_uint(value, v)) return Reject::kBadTagBlock;
      // Some receivers write milliseconds; a seconds value that large would be after year 5000.
      tag.unix_millis = v > 100'000'000'000LL ? v : v * 1000;
    } else if (item[0] == 's') {
      tag.source = value;
    }
    // g: (group), n: (line count), d:, r:, t: are legal and not needed here.
  }
  return Reject::kNone;
}

}  // namespace

std::uint8_t nmea_checksum(std::string_view body) {
  std::uint8_t x = 0;
  for (char c : body) x ^= static_cast<std::uint8_t>(c);
  return x;
}

Reject parse_sentence(std::string_view line, NmeaSentence& out) {
  out = NmeaSentence{};
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  std::size_t pos = 0;
  if (!line.empty() && line[0] == '\\') {
    const auto end = line.find('\\', 1);
    if (end == std::string_view::npos) return Reject::kBadTagBlock;
    if (Reject r = parse_tag_block(line.substr(1, end - 1), out.tag); r != Reject::kNone) return r;
    pos = end + 1;
  }
  const auto bang = line.find('!', pos);
  if (bang == std::string_view::npos) return Reject::kNotAis;
  const std::string_view s = line.substr(bang);
  // "!AIVDM," is the shortest possible start.
  if (s.size() < 7 || s[6] != ',' || s[3] != 'V' || s[4] != 'D' || (s[5] != 'M' && s[5] != 'O'))
    return Reject::kNotAis;
  out.talker[0] = s[1];
  out.talker[1] = s[2];
  out.own_vessel = s[5] == 'O';
  const auto star = s.find('*', 7);
  if (star == std::string_view::npos) return Reject::kNoChecksum;
  const int sum = parse_star_checksum(s.substr(star));
  if (sum < 0) return Reject::kNoChecksum;
  if (nmea_checksum(s.substr(1, star - 1)) != sum) return Reject::kBadChecksum;

  // Six comma-separated fields after the address: count, number, seq id, channel, payload, fill.
  std::string_view f[6];
  std::string_view rest = s.substr(7, star - 7);
  for (int i = 0; i < 6; ++i) {
    const auto comma = rest.find(',');
    if (i < 5) {
      if (comma == std::string_view::npos) return Reject::kMalformed;
      f[i] = rest.substr(0, comma);
      rest = rest.substr(comma + 1);
    } else {
      if (comma != std::string_view::npos) return Reject::kMalformed;
      f[i] = rest;
    }
  }
  std::int64_t count = 0, number = 0;
  if (!parse_uint(f[0], count) || !parse_uint(f[1], number) || count < 1 || count > 9 || number < 1 ||
      number > count)
    return Reject::kMalformed;
  out.fragment_count = static_cast<int>(count);
  out.fragment_number = static_cast<int>(number);
  if (!f[2].empty()) {
    std::int64_t seq = 0;
    if (!parse_uint(f[2], seq) || seq > 9) return Reject::kMalformed;
    out.sequence_id = static_cast<int>(seq);
  }
  if (f[3].size() > 1) return Reject::kMalformed;
  out.channel = f[3].empty() ? 0 : f[3][0];
  out.payload = f[4];
  if (f[5].size() != 1 || f[5][0] < '0' || f[5][0] > '5') return Reject::kBadFillBits;
  out.fill_bits = f[5][0] - '0';
  return Reject::kNone;
}

}  // namespace corridor::ais

// Bit packing and six-bit armouring per ITU-R M.1371-5 Annex 8 and IEC 61162-1.
#include "demo/ais_encoder.hpp"

#include <cmath>
#include <cstring>

namespace corridor::demo::ais {

namespace {

class Bits {
 public:
  void put(std::uint64_t v, int len) {
    for (int i = len - 1; i >= 0; --i) {
      if ((v >> i) & 1U) bytes_[n_ >> 3] = static_cast<std::uint8_t>(bytes_[n_ >> 3] | (0x80U >> (n_ & 7)));
      ++n_;
    }
  }
  void put_signed(std::int64_t v, int len) { put(static_cast<std::uint64_t>(v) & ((1ULL << len) - 1), len); }
  // Six-bit ASCII: '@'..'_' are 0..31, ' '..'?' are 32..63; lower case is upper-cased,
  // anything else becomes '@' padding, as transponders do.
  void put_text(std::string_view s, int chars) {
    for (int i = 0; i < chars; ++i) {
      char c = i < static_cast<int>(s.size()) ? s[static_cast<std::size_t>(i)] : '@';
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      unsigned v = 0;
      if (c >= '@' && c <= '_') v = static_cast<unsigned>(c - '@');
      else if (c >= ' ' && c <= '?') v = static_cast<unsigned>(c);
      put(v, 6);
    }
  }
  // Armours bits [from, to) into a payload.
  Payload armor(int from, int to) const {
    Payload p;
    const int bits = to - from;
    p.chars = (bits + 5) / 6;
    p.fill = p.chars * 6 - bits;
    for (int c = 0; c < p.chars; ++c) {
      unsigned v = 0;
      for (int k = 0; k < 6; ++k) {
        const int bit = from + c * 6 + k;
        v <<= 1;
        if (bit < to && ((bytes_[bit >> 3] >> (7 - (bit & 7))) & 1U)) v |= 1;
      }
      p.text[c] = static_cast<char>(v < 40 ? v + 48 : v + 56);
    }
    return p;
  }
  int size() const { return n_; }

 private:
  std::uint8_t bytes_[64] = {};
  int n_ = 0;
};

void put_lon_lat(Bits& b, double lat, double lon) {
  b.put_signed(round_half(lon * 600000.0), 28);
  b.put_signed(round_half(lat * 600000.0), 27);
}

std::uint64_t tenth(double x, std::uint64_t max) {
  const std::int64_t v = round_half(x * 10.0);
  return v < 0 ? 0 : (static_cast<std::uint64_t>(v) > max ? max : static_cast<std::uint64_t>(v));
}

}  // namespace

std::int64_t round_half(double x) {
  return x >= 0 ? static_cast<std::int64_t>(std::floor(x + 0.5)) : -static_cast<std::int64_t>(std::floor(-x + 0.5));
}

Payload encode_position(const Position& p) {
  Bits b;
  b.put(static_cast<std::uint64_t>(p.type), 6);
  b.put(0, 2);  // repeat
  b.put(p.mmsi, 30);
  if (p.type == 18) {
    b.put(0, 8);  // regional reserved
    b.put(tenth(p.sog, 1022), 10);
    b.put(0, 1);  // accuracy: GNSS, not DGNSS
    put_lon_lat(b, p.lat, p.lon);
    b.put(tenth(p.cog, 3599), 12);
    b.put(static_cast<std::uint64_t>(p.heading), 9);
    b.put(static_cast<std::uint64_t>(p.second), 6);
    b.put(0, 2);   // regional reserved
    b.put(1, 1);   // carrier-sense unit
    b.put(0, 1);   // no display
    b.put(0, 1);   // no DSC
    b.put(1, 1);   // whole marine band
    b.put(0, 1);   // no message 22
    b.put(0, 1);   // autonomous mode
    b.put(0, 1);   // RAIM
    b.put(393222, 20);  // radio status: ITDMA flag pattern most CS units send
  } else {
    b.put(static_cast<std::uint64_t>(p.status), 4);
    b.put_signed(p.type == 3 ? 0 : -128, 8);  // rate of turn: not available on type 1
    b.put(tenth(p.sog, 1022), 10);
    b.put(0, 1);
    put_lon_lat(b, p.lat, p.lon);
    b.put(tenth(p.cog, 3599), 12);
    b.put(static_cast<std::uint64_t>(p.heading), 9);
    b.put(static_cast<std::uint64_t>(p.second), 6);
    b.put(0, 2);  // manoeuvre
    b.put(0, 3);  // spare
    b.put(0, 1);  // RAIM
    b.put(p.type == 3 ? 0x2000 : 0x4000 + static_cast<std::uint64_t>(p.second) * 4, 19);
  }
  return b.armor(0, b.size());
}

void encode_static_a(const StaticA& s, Payload& first, Payload& second) {
  Bits b;
  b.put(5, 6);
  b.put(0, 2);
  b.put(s.mmsi, 30);
  b.put(0, 2);  // AIS version: ITU-R M.1371-1
  b.put(s.imo, 30);
  b.put_text(s.callsign, 7);
  b.put_text(s.shipname, 20);
  b.put(static_cast<std::uint64_t>(s.shiptype), 8);
  b.put(static_cast<std::uint64_t>(s.to_bow), 9);
  b.put(static_cast<std::uint64_t>(s.to_stern), 9);
  b.put(static_cast<std::uint64_t>(s.to_port), 6);
  b.put(static_cast<std::uint64_t>(s.to_starboard), 6);
  b.put(1, 4);  // EPFD: GPS
  b.put(static_cast<std::uint64_t>(s.eta_month), 4);
  b.put(static_cast<std::uint64_t>(s.eta_day), 5);
  b.put(static_cast<std::uint64_t>(s.eta_hour), 5);
  b.put(static_cast<std::uint64_t>(s.eta_minute), 6);
  b.put(tenth(s.draught, 255), 8);
  b.put_text(s.destination, 20);
  b.put(0, 1);  // DTE ready
  b.put(0, 1);  // spare
  // 424 bits: 60 characters (360 bits) in the first sentence, the rest in the second.
  first = b.armor(0, 360);
  second = b.armor(360, b.size());
}

Payload encode_static_b_part_a(const StaticB& s) {
  Bits b;
  b.put(24, 6);
  b.put(0, 2);
  b.put(s.mmsi, 30);
  b.put(0, 2);
  b.put_text(s.shipname, 20);
  return b.armor(0, b.size());  // 160 bits
}

Payload encode_static_b_part_b(const StaticB& s) {
  Bits b;
  b.put(24, 6);
  b.put(0, 2);
  b.put(s.mmsi, 30);
  b.put(1, 2);
  b.put(static_cast<std::uint64_t>(s.shiptype), 8);
  b.put_text(s.vendor, 3);
  b.put(0, 4);   // unit model
  b.put(0, 20);  // serial
  b.put_text(s.callsign, 7);
  b.put(static_cast<std::uint64_t>(s.to_bow), 9);
  b.put(static_cast<std::uint64_t>(s.to_stern), 9);
  b.put(static_cast<std::uint64_t>(s.to_port), 6);
  b.put(static_cast<std::uint64_t>(s.to_starboard), 6);
  b.put(0, 6);  // spare
  return b.armor(0, b.size());  // 168 bits
}

std::uint8_t checksum(std::string_view body) {
  std::uint8_t x = 0;
  for (char c : body) x = static_cast<std::uint8_t>(x ^ static_cast<std::uint8_t>(c));
  return x;
}

void append_sentence(std::string& out, std::string_view station, std::int64_t unix_seconds, int total, int num, int seq,
                     char channel, const Payload& payload) {
  static const char* hex = "0123456789ABCDEF";
  char buf[192];
  // Tag block.
  char* p = buf;
  *p++ = '\\';
  char* tag_start = p;
  *p++ = 's';
  *p++ = ':';
  std::memcpy(p, station.data(), station.size());
  p += station.size();
  *p++ = ',';
  *p++ = 'c';
  *p++ = ':';
  char digits[24];
  int nd = 0;
  for (std::int64_t v = unix_seconds; v > 0 || nd == 0; v /= 10) digits[nd++] = static_cast<char>('0' + v % 10);
  while (nd) *p++ = digits[--nd];
  std::uint8_t cs = checksum({tag_start, static_cast<std::size_t>(p - tag_start)});
  *p++ = '*';
  *p++ = hex[cs >> 4];
  *p++ = hex[cs & 15];
  *p++ = '\\';
  // Sentence.
  *p++ = '!';
  char* body = p;
  std::memcpy(p, "AIVDM,", 6);
  p += 6;
  *p++ = static_cast<char>('0' + total);
  *p++ = ',';
  *p++ = static_cast<char>('0' + num);
  *p++ = ',';
  if (seq >= 0) *p++ = static_cast<char>('0' + seq);
  *p++ = ',';
  *p++ = channel;
  *p++ = ',';
  std::memcpy(p, payload.text, static_cast<std::size_t>(payload.chars));
  p += payload.chars;
  *p++ = ',';
  *p++ = static_cast<char>('0' + payload.fill);
  cs = checksum({body, static_cast<std::size_t>(p - body)});
  *p++ = '*';
  *p++ = hex[cs >> 4];
  *p++ = hex[cs & 15];
  *p++ = '\n';
  out.append(buf, static_cast<std::size_t>(p - buf));
}

}  // namespace corridor::demo::ais

// ITU-T T.81 baseline, sequential, Huffman: three components without subsampling, one
// quantisation table, a DC table of twelve 4-bit codes (category = code) and an AC table
// whose only used symbol is end-of-block.
#include "demo/jpeg_encoder.hpp"

namespace corridor::demo {

namespace {

class BitOut {
 public:
  explicit BitOut(std::string& out) : out_(out) {}
  void put(unsigned value, int len) {
    for (int i = len - 1; i >= 0; --i) {
      acc_ = static_cast<unsigned>((acc_ << 1) | ((value >> i) & 1U));
      if (++n_ == 8) emit();
    }
  }
  void finish() {
    while (n_ != 0) put(1, 1);  // pad with ones
  }

 private:
  void emit() {
    const char byte = static_cast<char>(acc_ & 0xFFU);
    out_ += byte;
    if ((acc_ & 0xFFU) == 0xFF) out_ += '\0';  // byte stuffing
    acc_ = 0;
    n_ = 0;
  }
  std::string& out_;
  unsigned acc_ = 0;
  int n_ = 0;
};

void marker(std::string& out, unsigned m) {
  out += static_cast<char>(0xFF);
  out += static_cast<char>(m);
}
void u16(std::string& out, unsigned v) {
  out += static_cast<char>((v >> 8) & 0xFF);
  out += static_cast<char>(v & 0xFF);
}

constexpr int kQuant = 8;

}  // namespace

std::string encode_jpeg(const std::vector<Rgb>& px, int width, int height) {
  std::string out;
  marker(out, 0xD8);
  // JFIF APP0
  marker(out, 0xE0);
  u16(out, 16);
  out.append("JFIF\0", 5);
  out += static_cast<char>(1);
  out += static_cast<char>(1);
  out += static_cast<char>(0);  // aspect ratio units
  u16(out, 1);
  u16(out, 1);
  out += static_cast<char>(0);
  out += static_cast<char>(0);
  // DQT: table 0, 8-bit, all entries kQuant.
  marker(out, 0xDB);
  u16(out, 67);
  out += static_cast<char>(0);
  out.append(64, static_cast<char>(kQuant));
  // SOF0
  marker(out, 0xC0);
  u16(out, 17);
  out += static_cast<char>(8);
  u16(out, static_cast<unsigned>(height));
  u16(out, static_cast<unsigned>(width));
  out += static_cast<char>(3);
  for (int c = 1; c <= 3; ++c) {
    out += static_cast<char>(c);
    out += static_cast<char>(0x11);
    out += static_cast<char>(0);
  }
  // DHT: DC table 0 (twelve codes of length 4), AC table 0 (EOB "0", and 0x01 "10").
  marker(out, 0xC4);
  u16(out, 2 + 17 + 12 + 17 + 2);
  out += static_cast<char>(0x00);
  for (int len = 1; len <= 16; ++len) out += static_cast<char>(len == 4 ? 12 : 0);
  for (int v = 0; v < 12; ++v) out += static_cast<char>(v);
  out += static_cast<char>(0x10);
  for (int len = 1; len <= 16; ++len) out += static_cast<char>(len <= 2 ? 1 : 0);
  out += static_cast<char>(0x00);
  out += static_cast<char>(0x01);
  // SOS
  marker(out, 0xDA);
  u16(out, 12);
  out += static_cast<char>(3);
  for (int c = 1; c <= 3; ++c) {
    out += static_cast<char>(c);
    out += static_cast<char>(0x00);
  }
  out += static_cast<char>(0);
  out += static_cast<char>(63);
  out += static_cast<char>(0);

  BitOut bits(out);
  int prev[3] = {0, 0, 0};
  for (int by = 0; by < height / 8; ++by) {
    for (int bx = 0; bx < width / 8; ++bx) {
      // Mean RGB of the block, then JFIF YCbCr in integers (exact everywhere).
      long sr = 0, sg = 0, sb = 0;
      for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) {
          const Rgb& p = px[static_cast<std::size_t>((by * 8 + y) * width + bx * 8 + x)];
          sr += p.r;
          sg += p.g;
          sb += p.b;
        }
      const long r = sr / 64, g = sg / 64, b = sb / 64;
      const long yy = (77 * r + 150 * g + 29 * b) / 256;
      const long cb = 128 + (-43 * r - 85 * g + 128 * b) / 256;
      const long cr = 128 + (128 * r - 107 * g - 21 * b) / 256;
      const long comp[3] = {yy, cb, cr};
      for (int c = 0; c < 3; ++c) {
        // DC of the forward DCT is 8 * (mean - 128); quantised by kQuant.
        const int dc = static_cast<int>((8 * (comp[c] - 128)) / kQuant);
        const int diff = dc - prev[c];
        prev[c] = dc;
        const unsigned mag = static_cast<unsigned>(diff < 0 ? -diff : diff);
        int cat = 0;
        while ((mag >> cat) != 0) ++cat;
        bits.put(static_cast<unsigned>(cat), 4);
        if (cat) bits.put(diff >= 0 ? static_cast<unsigned>(diff) : static_cast<unsigned>(diff + (1 << cat) - 1), cat);
        bits.put(0, 1);  // EOB
      }
    }
  }
  bits.finish();
  marker(out, 0xD9);
  return out;
}

}  // namespace corridor::demo

// Text exports saved as UTF-16 (with a byte order mark) read like their UTF-8 twins; the
// locators still count the file's own bytes.
#include <gtest/gtest.h>

#include <map>

#include "core/error.hpp"
#include "ingest/line_reader.hpp"
#include "ingest/options.hpp"
#include "ingest/reader.hpp"
#include "recording_sink.hpp"

namespace corridor::test {
namespace {

// UTF-8 (valid) -> UTF-16 code units.
std::u16string to_utf16(const std::string& s) {
  std::u16string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (cp >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
    i += static_cast<std::size_t>(n);
  }
  return out;
}

// Bytes of a UTF-16 file with its byte order mark.
std::string utf16_file(const std::string& utf8, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char16_t u : to_utf16(utf8)) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  }
  return out;
}

// What a reader said, with entity ids (which contain the file's hash) replaced by the
// order in which the entities were first named, and without byte positions.
std::vector<std::string> said(const RecordingSink& sink) {
  std::map<std::string, std::size_t> order;
  auto name = [&](const std::string& v) {
    auto it = order.find(v);
    return it == order.end() ? v : "#" + std::to_string(it->second);
  };
  for (const auto& e : sink.entities) order.emplace(e.id, order.size());
  for (const auto& s : sink.statements) order.emplace(s.entity_id, order.size());
  std::vector<std::string> out;
  for (const auto& e : sink.entities) out.push_back("entity " + name(e.id) + " " + e.schema + " " + e.caption);
  for (const auto& s : sink.statements)
    out.push_back(name(s.entity_id) + " " + s.property + "=" + name(s.value) + " (" + s.original_value + ") " +
                  s.prov.locator.record + " " + s.prov.observed_at + " " + s.prov.extractor);
  for (const auto& u : sink.units) out.push_back("unit " + name(u.about) + " " + u.unit.locator.record + " " + u.unit.text);
  return out;
}

struct Read {
  std::string reader;
  RecordingSink sink;
};

void read_as(const std::filesystem::path& path, const std::string& original, Read& out,
             const ingest::ReadOptions& opt = {}) {
  FixtureSource f(path, original);
  f.src.options = opt;
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  out.reader = std::string(r->name());
  r->read(f.src, out.sink);
}

TEST(Utf16, ByteStreamDecodesWithFileOffsets) {
  TempDir d;
  // "a", U+1F600 (a surrogate pair), LF, "é", CRLF, "b": lines keep the UTF-16 offsets.
  write_file(d / "le.txt", utf16_file("a\xF0\x9F\x98\x80\n\xC3\xA9\r\nb", false));
  ingest::LineReader lines(d / "le.txt", "le.txt");
  ingest::Line l;
  ASSERT_TRUE(lines.next(l));
  EXPECT_EQ(l.text, "a\xF0\x9F\x98\x80");
  EXPECT_EQ(l.offset, 2u);
  EXPECT_EQ(l.length, 8u);
  ASSERT_TRUE(lines.next(l));
  EXPECT_EQ(l.text, "\xC3\xA9");
  EXPECT_EQ(l.offset, 10u);
  EXPECT_EQ(l.length, 6u);
  ASSERT_TRUE(lines.next(l));
  EXPECT_EQ(l.text, "b");
  EXPECT_EQ(l.offset, 16u);
  EXPECT_EQ(l.length, 2u);
  EXPECT_FALSE(lines.next(l));
}

TEST(Utf16, HeadIsSniffedAsUtf8) {
  EXPECT_EQ(ingest::head_as_utf8(utf16_file("[31.12.21, 22:15:08] N\xC3\xA9: hi", true)),
            "[31.12.21, 22:15:08] N\xC3\xA9: hi");
  // A surrogate pair cut by the end of the head is dropped, not turned into U+FFFD.
  const std::string cut = utf16_file("ok\xF0\x9F\x98\x80", false);
  EXPECT_EQ(ingest::head_as_utf8(cut.substr(0, cut.size() - 2)), "ok");
  EXPECT_EQ(ingest::head_as_utf8("plain"), "plain");
  // An unpaired surrogate in the middle becomes U+FFFD.
  EXPECT_EQ(ingest::head_as_utf8(std::string("\xFF\xFE\x00\xD8\x41\x00", 6)), "\xEF\xBF\xBD" "A");
}

TEST(Utf16, WhatsAppLittleEndianReadsLikeItsUtf8Twin) {
  const std::string name = "WhatsApp Chat with Samir Tarek.txt";
  const std::string utf8 = read_file(fixture("whatsapp/" + name));
  TempDir d;
  write_file(d / name, utf16_file(utf8, false));
  Read a, b;
  read_as(fixture("whatsapp/" + name), name, a);
  read_as(d / name, name, b);
  EXPECT_EQ(b.reader, "whatsapp");
  EXPECT_EQ(said(b.sink), said(a.sink));
  ASSERT_FALSE(a.sink.statements.empty());
  // The same message, at its UTF-16 bytes: the BOM, then two bytes per code unit.
  const auto at = [](const RecordingSink& s, const std::string& record) {
    for (const auto& st : s.statements)
      if (st.prov.locator.record == record) return st.prov.locator;
    return Locator{};
  };
  const Locator l8 = at(a.sink, "line:2"), l16 = at(b.sink, "line:2");
  ASSERT_TRUE(l8.offset && l8.length && l16.offset && l16.length);
  EXPECT_EQ(*l8.offset, 162u);
  EXPECT_EQ(*l16.offset, 2 + 2 * to_utf16(utf8.substr(0, 162)).size());
  EXPECT_EQ(*l16.length, 2 * to_utf16(utf8.substr(162, *l8.length)).size());
}

TEST(Utf16, CsvBigEndianReadsLikeItsUtf8Twin) {
  TempDir d;
  write_file(d / "aml.csv", utf16_file(read_file(fixture("payments/aml.csv")), true));
  Read a, b;
  read_as(fixture("payments/aml.csv"), "HI-Small_Trans.csv", a);
  read_as(d / "aml.csv", "HI-Small_Trans.csv", b);
  EXPECT_EQ(a.reader, "amlworld");
  EXPECT_EQ(b.reader, "amlworld");
  EXPECT_EQ(said(b.sink), said(a.sink));
  EXPECT_EQ(b.sink.statements.size(), a.sink.statements.size());

  write_file(d / "mto.csv", utf16_file(read_file(fixture("payments/mto.csv")), true));
  ingest::ReadOptions opt;
  opt.column_map = ingest::parse_column_map(
      "control_number=MTCN,time=Date,sender_name=Sender,sender_phone=Sender Phone,send_location=Origin,"
      "receiver_name=Receiver,receiver_phone=Receiver Phone,payout_location=Destination,amount=Amount,currency=Currency");
  opt.region = "DE";
  Read c, e;
  read_as(fixture("payments/mto.csv"), "mto.csv", c, opt);
  read_as(d / "mto.csv", "mto.csv", e, opt);
  EXPECT_EQ(e.reader, "mto-csv");
  EXPECT_EQ(said(e.sink), said(c.sink));
  EXPECT_FALSE(c.sink.statements.empty());
}

TEST(Utf16, OddLengthNamesTheFile) {
  const std::string name = "WhatsApp Chat with Samir Tarek.txt";
  std::string bytes = utf16_file(read_file(fixture("whatsapp/" + name)), false);
  bytes.pop_back();
  TempDir d;
  write_file(d / name, bytes);
  FixtureSource f(d / name, name);
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  RecordingSink sink;
  try {
    r->read(f.src, sink);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), name + ": byte " + std::to_string(bytes.size() - 1) +
                                         ": UTF-16 text ends in the middle of a character (the file has an odd "
                                         "number of bytes; truncated?)");
  }
}

}  // namespace
}  // namespace corridor::test

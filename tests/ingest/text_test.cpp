#include <gtest/gtest.h>

#include "ingest/html_text.hpp"
#include "ingest/reader.hpp"
#include "recording_sink.hpp"

namespace corridor::test {
namespace {

TEST(Text, HtmlVisibleTextOnly) {
  FixtureSource f(fixture("text/ad.html"));
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->name(), "html");
  RecordingSink sink;
  r->read(f.src, sink);
  ASSERT_EQ(sink.units.size(), 1u);
  EXPECT_EQ(sink.units[0].unit.text,
            "Travel & Work\nTrips to Italy\nCall\xC2\xA0or WhatsApp +33 6 12 34 56 78 \xE2\x80\x94 2500\xE2\x82\xAC\n"
            "Telegram: @example_crossings");
  EXPECT_EQ(sink.units[0].unit.locator.to_string(), "html:1 bytes 0+" + std::to_string(f.src.size));
  EXPECT_EQ(sink.units[0].about, "");
  EXPECT_TRUE(sink.statements.empty());
}

TEST(Text, HtmlSplitAcrossChunks) {
  const std::string html = "<p>a&amp;b</p><SCRIPT>x<y</script >c&#x41;<!-- d -->e";
  std::string whole = ingest::html_visible_text(html);
  ingest::HtmlText h;
  std::string out;
  for (char c : html) h.feed(std::string_view(&c, 1), out);
  h.finish(out);
  EXPECT_EQ(whole, "a&b\ncAe");
  EXPECT_EQ(out, whole);
}

TEST(Text, PlainTextLinesWithByteRange) {
  FixtureSource f(fixture("text/notes.txt"));
  const ingest::Reader* r = ingest::pick_reader(f.src);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->name(), "text");
  RecordingSink sink;
  r->read(f.src, sink);
  ASSERT_EQ(sink.units.size(), 1u);
  EXPECT_EQ(sink.units[0].unit.text, "Notes from the seized notebook\nSamir +33 6 12 34 56 78\nNour IBAN DE89 3704 0044 0532 0130 00");
  EXPECT_EQ(sink.units[0].unit.locator.to_string(), "line:1 bytes 0+" + std::to_string(f.src.size));
}

TEST(Text, BinaryIsLeftToTheScanner) {
  TempDir d;
  write_file(d / "x.bin", std::string("\x00\x01\x02\x03\xFF\xFE", 6) + std::string(100, '\x07'));
  FixtureSource f(d / "x.bin");
  EXPECT_EQ(ingest::pick_reader(f.src), nullptr);
}

}  // namespace
}  // namespace corridor::test

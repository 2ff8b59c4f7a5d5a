// documents.number_format: the number against its issuing state's published format;
// states without a public format are not checked.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "detect/document_test_support.hpp"

using namespace corridor;
using corridor::test::sighting;
using corridor::test::Td3;

namespace {

const detect::NumberFormats& formats() {
  static const auto f = detect::NumberFormats::load(CORRIDOR_SOURCE_DIR "/data/documents/number_formats.tsv");
  return f;
}

Td3 doc(const std::string& issuer, const std::string& number) {
  Td3 t;
  t.issuer = issuer;
  t.number = number;
  return t;
}

}  // namespace

TEST(DocumentNumberFormat, TheDataFileCoversTheRouteStatesWithSources) {
  for (const char* state : {"AFG", "SYR", "IRQ", "ERI", "SDN", "NGA", "PAK", "BGD", "EGY", "LBY",
                            "TUN", "MAR", "TUR", "ITA", "MLT", "FRA", "D",   "GRC", "ESP", "GBR"}) {
    const auto* f = formats().find(state, "P");
    ASSERT_NE(f, nullptr) << state;
    EXPECT_FALSE(f->source.empty()) << state;
    EXPECT_EQ(f->pattern.empty(), f->status == "undocumented") << state;
  }
  // Germany's ICAO code is D, not DEU: the file keys rows by the MRZ's issuer field.
  EXPECT_EQ(formats().find("DEU", "P"), nullptr);
  EXPECT_EQ(formats().find("D", "P")->status, "documented");
}

TEST(DocumentNumberFormat, NumberOutsideADocumentedFormatFires) {
  const auto found = detect::number_format_indicators({sighting(doc("ITA", "L898902C3"), 3)}, formats());
  ASSERT_EQ(found.size(), 1u);
  const Indicator& i = found[0];
  EXPECT_EQ(i.detector, "documents.number_format");
  EXPECT_EQ(i.title, "document number of passport L898902C3 (ITA), ROSSI MARCO: not the ITA format");
  EXPECT_DOUBLE_EQ(i.score, 0.6);
  ASSERT_EQ(i.reasons.size(), 1u);
  EXPECT_EQ(i.reasons[0].text,
            "the number L898902C3 does not follow the ITA passport format (two letters or digits, then seven digits), "
            "as documented by Microsoft Purview, Italy passport number (sit-defn-italy-passport-number)");
  EXPECT_EQ(i.reasons[0].statement_ids, std::vector<std::int64_t>{3});

  const auto mlt = detect::number_format_indicators({sighting(doc("MLT", "P02012722"), 4)}, formats());
  ASSERT_EQ(mlt.size(), 1u);
  EXPECT_DOUBLE_EQ(mlt[0].score, 0.6);
}

TEST(DocumentNumberFormat, CorrectlyFormattedAndUndocumentedNumbersDoNotFire) {
  const auto found = detect::number_format_indicators(
      {sighting(doc("ITA", "YA1234567"), 1), sighting(doc("MLT", "1230715"), 2), sighting(doc("FRA", "18RF09912"), 3),
       sighting(doc("GBR", "925076473"), 4), sighting(doc("ESP", "ZAB000254"), 5), sighting(doc("D", "C01X00T47"), 9),
       sighting(doc("SDN", "P01973085"), 6), sighting(doc("LBY", "P00000001"), 7),
       sighting(doc("UTO", "L898902C3"), 8)},
      formats());
  EXPECT_TRUE(found.empty());
}

TEST(DocumentNumberFormat, ReportedFormatsWeighLessAndInnerFillersFire) {
  auto found = detect::number_format_indicators({sighting(doc("TUR", "AB1234567"), 1)}, formats());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_DOUBLE_EQ(found[0].score, 0.35);
  EXPECT_NE(found[0].reasons[0].text.find("as reported by validator.js"), std::string::npos);

  found = detect::number_format_indicators({sighting(doc("SDN", "P01<23456"), 2)}, formats());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_DOUBLE_EQ(found[0].score, 0.5);
  EXPECT_EQ(found[0].title, "document number of passport P01<23456 (SDN), ROSSI MARCO: fillers inside the number");
}

TEST(DocumentNumberFormat, MalformedRowsAreErrorsNamingTheLine) {
  const std::string ok = "# comment\nITA\tP\tdocumented\t[A-Z]{2}[0-9]{7}\ttwo letters, seven digits\tsomewhere\n";
  EXPECT_EQ(detect::NumberFormats::parse(ok, "f.tsv").rows.size(), 1u);
  auto error_of = [](const std::string& text) {
    try {
      detect::NumberFormats::parse(text, "f.tsv");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of(ok + "MLT\tP\tdocumented\t[0-9\tseven digits\tsomewhere\n").rfind("f.tsv:3: pattern '[0-9'", 0),
            0u);
  EXPECT_EQ(error_of(ok + "MLT\tP\tguessed\t[0-9]{7}\tseven digits\tsomewhere\n"),
            "f.tsv:3: status 'guessed' is not documented, reported or undocumented");
  EXPECT_EQ(error_of("SDN\tP\tundocumented\t[0-9]{7}\t\tnone\n"), "f.tsv:1: an undocumented format carries no pattern");
  EXPECT_EQ(error_of("ITA\tP\tdocumented\n"), "f.tsv:1: expected 6 tab-separated columns, found 3");
  EXPECT_EQ(error_of(ok + ok), "f.tsv:4: ITA P is listed twice");
}

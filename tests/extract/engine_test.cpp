#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "core/error.hpp"
#include "extract/utf16.hpp"
#include "scan_helpers.hpp"

using namespace corridor::extract;
using namespace corridor::extract::testing;
using ::testing::ElementsAre;
using corridor::Mention;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string row(const Mention& m) {
  return m.type + "\t" + std::to_string(m.offset) + "\t" + std::to_string(m.length) + "\t" + m.value;
}

std::vector<std::string> rows_binary(std::string_view bytes, unsigned threads) {
  ScanOptions opt;
  opt.threads = threads;
  std::vector<std::string> out;
  scanner().scan_binary(bytes, opt, [&](const Found& f) { out.push_back(row(f.mention)); });
  return out;
}

std::string utf16(std::string_view ascii, bool be) {
  std::string out;
  for (char c : ascii) {
    if (be) out.push_back('\0');
    out.push_back(c);
    if (!be) out.push_back('\0');
  }
  return out;
}

std::string noise(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng() & 0xFF);
  return s;
}

}  // namespace

TEST(Engine, MultilingualSampleExactFeaturesAndOffsets) {
  const std::string dir = std::string(CORRIDOR_TEST_DATA) + "/extract/";
  const std::string text = read_file(dir + "sample_multilingual.txt");
  std::vector<std::string> want;
  std::istringstream exp(read_file(dir + "sample_multilingual.expected.tsv"));
  for (std::string line; std::getline(exp, line);) want.push_back(line);
  ASSERT_EQ(want.size(), 32u);

  std::vector<std::string> got;
  scanner().scan(text, {}, [&](const Mention& m) { got.push_back(row(m)); });
  EXPECT_EQ(got, want);

  std::vector<std::string> from_file;
  ScanOptions opt;
  opt.threads = 2;
  scanner().scan_file(dir + "sample_multilingual.txt", opt, [&](const Found& f) { from_file.push_back(row(f.mention)); });
  EXPECT_EQ(from_file, want);
}

TEST(Engine, FeatureAcrossAChunkBorderIsFoundOnce) {
  // kChunk is 4 MiB; put an IBAN and a phone across the first border.
  const std::size_t border = 4u << 20;
  std::string text(border - 10, 'a');
  for (std::size_t i = 79; i < text.size(); i += 80) text[i] = '\n';
  text += " GB82WEST12345698765432 and +218 91 234 5678 end";
  text.append(border, 'b');
  const std::vector<std::string> want{"iban\t" + std::to_string(border - 9) + "\t22\tGB82WEST12345698765432",
                                      "phone\t" + std::to_string(border + 18) + "\t16\t+218912345678"};
  std::vector<std::string> got;
  scanner().scan(text, {}, [&](const Mention& m) { got.push_back(row(m)); });
  EXPECT_EQ(got, want);
  EXPECT_EQ(rows_binary(text, 1), want);
  EXPECT_EQ(rows_binary(text, 2), want);
}

TEST(Engine, Utf16RunsInsideBinaryMapToOriginalOffsets) {
  std::string bytes = noise(1000, 7);
  for (auto& c : bytes) c = c == 0 ? 1 : c;  // no NULs in the noise itself
  const std::size_t le_at = bytes.size();
  bytes += utf16("Call +218912345678 now", false);
  bytes += noise(500, 8);  // strings in binary formats start on even offsets
  const std::size_t be_at = bytes.size();
  bytes += utf16(" IBAN GB82WEST12345698765432 ", true);
  bytes += noise(300, 9);
  std::vector<Found> got;
  ScanOptions opt;
  scanner().scan_binary(bytes, opt, [&](const Found& f) { got.push_back(f); });
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].mention.type, "phone");
  EXPECT_EQ(got[0].mention.offset, le_at + 10);
  EXPECT_EQ(got[0].mention.length, 26u);
  EXPECT_EQ(got[0].mention.raw, "+218912345678");
  EXPECT_EQ(got[0].mention.detail, "encoding=utf-16le");
  EXPECT_EQ(got[1].mention.offset, be_at + 12);
  EXPECT_EQ(got[1].mention.length, 44u);
  EXPECT_EQ(got[1].mention.detail, "country=GB;encoding=utf-16be");
  opt.utf16 = false;
  std::size_t n = 0;
  scanner().scan_binary(bytes, opt, [&](const Found&) { ++n; });
  EXPECT_EQ(n, 0u);
}

TEST(Engine, Utf16RunDetection) {
  const auto runs = find_utf16_runs(std::string("xx") + utf16("hello world", false) + "\xff\xfe");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].text, "hello world");
  EXPECT_EQ(runs[0].begin, 2u);
  EXPECT_TRUE(find_utf16_runs(std::string(4096, '\0')).empty());
  EXPECT_TRUE(find_utf16_runs("plain text\0with a NUL").empty());
}

TEST(Engine, HostileInputsDoNotCrash) {
  EXPECT_TRUE(rows_binary("", 2).empty());
  EXPECT_TRUE(scan_text("").empty());
  EXPECT_TRUE(rows_binary(std::string(1u << 20, '\0'), 2).empty());
  EXPECT_TRUE(rows_binary(std::string(5u << 20, '7'), 2).empty());  // one 5 MB line of digits
  std::string spaced;
  for (int i = 0; i < 200000; ++i) spaced += "1 ";
  EXPECT_TRUE(scan_text(spaced).empty());
  std::string bad = "\xC3+218\xFF 91 234 5678\xE2\x80\xED\xA0\x80 DE89\xC0 3704";
  EXPECT_THAT(values(bad), ElementsAre());
  const std::string junk = noise(5u << 20, 42);
  EXPECT_EQ(rows_binary(junk, 1), rows_binary(junk, 2));
}

TEST(Engine, TypeFilterAndTypesList) {
  ScanOptions opt;
  opt.types = {"iban"};
  const auto ms = scan_text("+218912345678 GB82WEST12345698765432", opt);
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].type, "iban");
  const auto types = scanner().types();
  EXPECT_EQ(types.size(), 24u);  // mrz_invalid: zones whose check digits fail (documents detector)
}

TEST(Engine, ScanFileErrors) {
  EXPECT_THROW(scanner().scan_file("/nonexistent/file", {}, [](const Found&) {}), corridor::Error);
}

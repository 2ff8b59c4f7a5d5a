// The demo report as a person sees it: headless Chromium opens it, the DOM it builds holds
// every section and the case's counts, and a screenshot of the first screen is drawn.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "support/temp_dir.hpp"

using corridor::test::read_file;
using corridor::test::run_corridor;
using corridor::test::TempDir;

namespace {

const char* kChromium = "/usr/bin/chromium";

// Runs headless Chromium (as root it needs --no-sandbox) with a time limit.
int chromium(const std::string& args, const std::filesystem::path& out) {
  const std::string cmd = std::string("timeout 120 ") + kChromium +
                          " --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run " + args + " >" +
                          out.string() + " 2>/dev/null";
  return std::system(cmd.c_str());
}

// Width and height from a PNG's IHDR chunk (big-endian, bytes 16..23).
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& png) {
  if (png.size() < 24 || png.compare(1, 3, "PNG") != 0) return {0, 0};
  auto be32 = [&](std::size_t i) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(png[i])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(png[i + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(png[i + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(png[i + 3]));
  };
  return {be32(16), be32(20)};
}

}  // namespace

TEST(ReportRender, ChromiumOpensTheDemoReportWithItsSectionsAndCounts) {
  if (!std::filesystem::exists(kChromium)) GTEST_SKIP() << "chromium is not installed (scripts/install-deps.sh)";
  TempDir t;
  const auto data = t / "data", dir = t / "demo.corridor";
  auto r = run_corridor({"demo", "--data", data.string(), "--case", dir.string(), "--scale", "0.02"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto report = dir / "report.html";
  const std::string html = read_file(report);

  ASSERT_EQ(chromium("--dump-dom file://" + report.string(), t / "dom.html"), 0);
  const std::string dom = read_file(t / "dom.html");
  ASSERT_FALSE(dom.empty());
  for (const char* id : {"summary", "key-players", "network-analysis", "network", "map", "timeline", "vessel-events",
                         "indicators", "bias-audit", "offers", "evidence"})
    EXPECT_NE(dom.find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
  // The counts the browser shows are the case's: the statements card and the indicator total.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(html, m, std::regex("<b>([0-9]+)</b>statements")));
  EXPECT_NE(dom.find("<b>" + m[1].str() + "</b>statements"), std::string::npos);
  ASSERT_TRUE(std::regex_search(html, m, std::regex("<span id=\"indicator-count\">([0-9]+)</span>")));
  EXPECT_GT(std::stoi(m[1].str()), 0);
  EXPECT_NE(dom.find("<span id=\"indicator-count\">" + m[1].str() + "</span>"), std::string::npos);
  EXPECT_NE(dom.find("<svg"), std::string::npos);  // the network picture and the map are drawn inline

  const auto shot = t / "report.png";
  ASSERT_EQ(chromium("--window-size=1280,1600 --screenshot=" + shot.string() + " file://" + report.string(),
                     t / "shot.log"),
            0);
  const auto [w, h] = png_size(read_file(shot));
  EXPECT_EQ(w, 1280u);
  EXPECT_EQ(h, 1600u);
  EXPECT_GT(std::filesystem::file_size(shot), 50'000u);  // a drawn page, not a blank one
}

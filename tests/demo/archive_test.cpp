#include <archive.h>
#include <archive_entry.h>
#include <exiv2/exiv2.hpp>
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "demo/identifiers.hpp"
#include "demo/writers.hpp"
#include "demo_case.hpp"

namespace corridor::test {
namespace {

std::map<std::string, std::string> unzip(const std::filesystem::path& zip) {
  std::map<std::string, std::string> out;
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  EXPECT_EQ(archive_read_open_filename(a, zip.c_str(), 1 << 16), ARCHIVE_OK);
  archive_entry* e = nullptr;
  while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
    std::string bytes(static_cast<std::size_t>(archive_entry_size(e)), '\0');
    archive_read_data(a, bytes.data(), bytes.size());
    out[archive_entry_pathname(e)] = bytes;
  }
  archive_read_free(a);
  return out;
}

const std::map<std::string, std::string>& files() {
  static const auto f = unzip(shared_case().c.archive);
  return f;
}

TEST(Archive, HoldsThePhoneLayout) {
  const auto& f = files();
  EXPECT_TRUE(f.count("Telegram/result.json"));
  EXPECT_TRUE(f.count("Documents/passports.txt"));
  int whatsapp = 0, dcim = 0;
  for (const auto& [path, bytes] : f) {
    whatsapp += path.rfind("WhatsApp/WhatsApp Chat with ", 0) == 0;
    dcim += path.rfind("DCIM/", 0) == 0;
  }
  EXPECT_EQ(whatsapp, 2);
  EXPECT_EQ(dcim, small_spec().photos);
}

TEST(Archive, TelegramExportParses) {
  const auto doc = nlohmann::json::parse(files().at("Telegram/result.json"));
  EXPECT_EQ(doc["type"], "private_supergroup");
  ASSERT_TRUE(doc["messages"].is_array());
  const auto& truth = shared_case().truth["telegram"];
  EXPECT_EQ(doc["messages"].size(), truth["messages"].get<std::size_t>());
  std::set<int> ids;
  std::set<std::string> senders;
  for (const auto& m : doc["messages"]) {
    EXPECT_TRUE(ids.insert(m["id"].get<int>()).second);
    EXPECT_TRUE(m["date_unixtime"].is_string());
    if (m["type"] != "message") continue;
    senders.insert(m["from_id"]);
    EXPECT_TRUE(m["text"].is_string() || m["text"].is_array());
    if (m.contains("reply_to_message_id")) {
      EXPECT_TRUE(ids.count(m["reply_to_message_id"].get<int>()));
    }
    if (m.contains("photo")) {
      EXPECT_TRUE(files().count("Telegram/" + m["photo"].get<std::string>())) << m["photo"];
    }
  }
  std::set<std::string> kinds;
  for (const auto& k : truth["key_messages"]) kinds.insert(k["kind"]);
  for (const char* k : {"story_dark", "story_meeting_point", "escrow_release"}) EXPECT_TRUE(kinds.count(k)) << k;
}

TEST(Archive, WhatsAppLinesFollowTheirLayout) {
  const std::regex android(R"(^\d\d/\d\d/\d{4}, \d\d:\d\d - .*)");
  const std::regex ios(R"(^\[\d\d/\d\d/\d{4}, \d\d:\d\d:\d\d\] [^:]+: .*)");
  for (const auto& w : shared_case().truth["whatsapp"]) {
    const std::string text = files().at(w["file"].get<std::string>());
    const bool is_ios = w["style"] == "ios";
    std::size_t stamped = 0, continuation = 0;
    for (std::string line : lines_of(text)) {
      if (line.rfind("\xEF\xBB\xBF", 0) == 0) line = line.substr(3);
      if (std::regex_match(line, is_ios ? ios : android)) ++stamped;
      else ++continuation;
    }
    EXPECT_EQ(stamped, w["messages"].get<std::size_t>()) << w["file"];
    EXPECT_GT(continuation, 0u) << "multi-line messages in " << w["file"];
  }
}

bool check(const std::string& field, char digit) { return demo::mrz_check_digit(field) == digit; }

TEST(Archive, PassportMrzsAreValidOrForgedAsPlanned) {
  const std::string text = files().at("Documents/passports.txt");
  const auto& truth = shared_case().truth["passports"];
  EXPECT_EQ(truth.size(), static_cast<std::size_t>(small_spec().passports));
  std::map<std::string, std::set<std::string>> holders_of_number;
  std::set<std::string> reasons;
  for (const auto& p : truth) {
    const std::string l1 = p["line1"], l2 = p["line2"];
    ASSERT_EQ(l1.size(), 44u);
    ASSERT_EQ(l2.size(), 44u);
    EXPECT_NE(text.find(l1 + "\n" + l2 + "\n"), std::string::npos);
    const bool number_ok = check(l2.substr(0, 9), l2[9]);
    EXPECT_TRUE(check(l2.substr(13, 6), l2[19]));
    EXPECT_TRUE(check(l2.substr(21, 6), l2[27]));
    const std::string composite = l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 22);
    EXPECT_TRUE(check(composite, l2[43])) << l2;
    holders_of_number[p["number"]].insert(p["line1"]);
    const std::string reason = p["reason"].is_null() ? "" : p["reason"].get<std::string>();
    reasons.insert(reason);
    EXPECT_EQ(number_ok, reason != "bad_check_digit") << l2;
    const std::string expiry = "20" + l2.substr(21, 6);
    if (reason == "expired") {
      EXPECT_LT(expiry, "20250301");
    }
    if (reason.empty()) {
      EXPECT_GT(expiry, "20250301");
    }
    if (reason == "specimen_number") {
      EXPECT_TRUE(p["number"] == "L898902C3" || p["number"] == "SPECI2014");
    }
  }
  for (const char* r : {"", "bad_check_digit", "duplicate_number", "specimen_number", "expired"}) EXPECT_TRUE(reasons.count(r)) << r;
  for (const auto& p : truth) {
    if (p["reason"] == "duplicate_number") {
      EXPECT_EQ(holders_of_number[p["number"]].size(), 2u);
    }
  }
}

TEST(Archive, PhotosCarryTheirGpsExif) {
  Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
  for (const auto& p : shared_case().truth["photos"]) {
    const std::string& jpeg = files().at(p["file"].get<std::string>());
    ASSERT_EQ(jpeg.substr(0, 2), "\xFF\xD8");
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(jpeg.data()), static_cast<long>(jpeg.size()));
    image->readMetadata();
    const auto& exif = image->exifData();
    auto deg = [&](const char* key) {
      const auto it = exif.findKey(Exiv2::ExifKey(key));
      EXPECT_NE(it, exif.end()) << key;
      return it->toFloat(0) + it->toFloat(1) / 60 + it->toFloat(2) / 3600;
    };
    EXPECT_NEAR(deg("Exif.GPSInfo.GPSLatitude"), p["lat"].get<double>(), 1e-4);
    EXPECT_NEAR(deg("Exif.GPSInfo.GPSLongitude"), p["lon"].get<double>(), 1e-4);
    EXPECT_EQ(exif.findKey(Exiv2::ExifKey("Exif.Photo.BodySerialNumber"))->toString(), p["serial"].get<std::string>());
    EXPECT_EQ(exif.findKey(Exiv2::ExifKey("Exif.Image.Make"))->toString(), p["make"].get<std::string>());
  }
}

}  // namespace
}  // namespace corridor::test

TEST(Archive, SameBytesInEveryTimeZone) {
  corridor::test::TempDir t;
  const std::vector<corridor::demo::ArchiveEntry> entries = {{"Documents/a.txt", "alpha\n", 1718000000},
                                                              {"DCIM/b.jpg", std::string(300, 'x'), 1718003600}};
  auto write_in = [&](const char* tz, const std::string& name) {
    setenv("TZ", tz, 1);
    tzset();
    corridor::demo::write_archive(t / name, entries);
    return corridor::test::read_file(t / name);
  };
  const std::string tokyo = write_in("Asia/Tokyo", "tokyo.zip");
  const std::string new_york = write_in("America/New_York", "ny.zip");
  EXPECT_EQ(std::string(std::getenv("TZ")), "America/New_York");  // the caller's zone is put back
  unsetenv("TZ");
  tzset();
  EXPECT_EQ(tokyo.size(), new_york.size());
  EXPECT_TRUE(tokyo == new_york);
}

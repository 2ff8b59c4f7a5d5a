#pragma once
// The demo case generator (issue 8): a realistic, entirely invented multi-source smuggling
// case and its ground truth, the same bytes for the same seed on every machine.
//
//   DemoSpec spec;                 // full size: 5,000 posts, 20,000 payments, 2 M AIS sentences
//   spec.scale = 0.01;             // or a small case for tests
//   GeneratedCase c = generate_demo("out", spec, [](std::string_view step, double f) {...});
//
// out/ then holds seized-phone.zip, posts.jsonl, payments.csv, ais.nmea, zones.geojson,
// coast.geojson and ground_truth.json (see docs/demo.md).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>

namespace corridor::demo {

struct DemoSpec {
  std::uint64_t seed = 2026;
  int members = 30;
  int migrants = 300;
  int posts = 5000;
  int payments = 20000;
  int ais_sentences = 2000000;
  int passports = 50;
  int photos = 12;
  // Multiplies posts, payments and AIS sentences (the bulk); people, passports and photos
  // are few and stay as given, so a small case still has the whole story.
  double scale = 1.0;
};

struct GeneratedCase {
  std::filesystem::path dir;
  std::filesystem::path archive;       // seized-phone.zip
  std::filesystem::path posts;         // posts.jsonl
  std::filesystem::path payments;      // payments.csv
  std::filesystem::path ais;           // ais.nmea
  std::filesystem::path zones;         // zones.geojson
  std::filesystem::path coast;         // coast.geojson
  std::filesystem::path ground_truth;  // ground_truth.json
  // What was written (after scaling).
  int members = 0, migrants = 0, posts_written = 0, offers = 0, payment_rows = 0, laundering_rows = 0;
  std::int64_t ais_sentences_written = 0;
  int passports_written = 0, forged_passports = 0, photos_written = 0;
  int telegram_messages = 0, whatsapp_messages = 0;
};

// step: "network", "posts", "payments", "telegram", "whatsapp", "passports", "photos",
// "archive", "ais", "ground truth"; fraction of the step done, 0..1.
using DemoProgress = std::function<void(std::string_view step, double fraction)>;

// Writes the case into out_dir (created if missing; files of the same names are replaced).
// Throws corridor::Error when a file cannot be written.
GeneratedCase generate_demo(const std::filesystem::path& out_dir, const DemoSpec& spec, const DemoProgress& progress = {});

// The counts generate_demo writes for a spec: scaled bulk, at least a minimal case.
DemoSpec effective_spec(const DemoSpec& spec);

}  // namespace corridor::demo

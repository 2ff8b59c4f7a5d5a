#pragma once
// One writer per output file. Each takes its own random stream (forked by name from the
// seed), writes its file, and records what it planted in the ground truth.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "demo/case.hpp"
#include "exchange/zip_writer.hpp"

namespace corridor::demo {

// A file to put into the seized-phone archive: its path inside the archive and its bytes.
using ArchiveEntry = exchange::ZipEntry;

using Json = nlohmann::ordered_json;

// posts.jsonl: `count` posts, offers and hard negatives; truth["posts"].
void write_posts(const Network& net, const Timeline& tl, Rng rng, int count, const std::filesystem::path& out, Json& truth);

// payments.csv in the AMLworld schema: `count` rows; truth["payments"].
void write_payments(const Network& net, const Timeline& tl, Rng rng, int count, const std::filesystem::path& out,
                    Json& truth);

// Telegram/result.json of the network's group; truth["telegram"].
// `photos` are the phone's camera pictures; some are also posted in the group.
std::vector<ArchiveEntry> write_telegram(const Network& net, const Timeline& tl, const Story& story, Rng rng,
                                         const std::vector<ArchiveEntry>& photos, Json& truth);

// Two WhatsApp chat exports (Android and iOS style); truth["whatsapp"].
std::vector<ArchiveEntry> write_whatsapp(const Network& net, const Timeline& tl, const Story& story, Rng rng, Json& truth);

// Documents/passports.txt with `count` TD3 MRZs, some forged; truth["passports"].
ArchiveEntry write_passports(const Network& net, const Timeline& tl, Rng rng, int count, Json& truth);

// DCIM/*.jpg photos with GPS EXIF; truth["photos"].
std::vector<ArchiveEntry> write_photos(const Network& net, const Timeline& tl, const Story& story, Rng rng, int count,
                                       Json& truth);

// ais.nmea with about `sentences` lines, zones.geojson and coast.geojson; truth["vessels"].
// Returns the number of sentences written.
std::int64_t write_ais(const Timeline& tl, const Story& story, Rng rng, std::int64_t sentences, const std::filesystem::path& dir, Json& truth,
                       const std::function<void(double)>& progress);

// The seized-phone archive (zip) of the given entries.
inline void write_archive(const std::filesystem::path& out, const std::vector<ArchiveEntry>& entries) {
  exchange::write_zip(out, entries, true);
}

// Writes bytes to a file, throwing corridor::Error when it cannot.
void write_bytes(const std::filesystem::path& out, std::string_view bytes);

}  // namespace corridor::demo

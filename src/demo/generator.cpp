// generate_demo: the network first, then one writer per file, each with its own random
// stream forked from the seed by name, then the ground truth that ties them together.
#include "demo/generator.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "demo/writers.hpp"

namespace corridor::demo {

namespace {

int scaled(int n, double scale, int minimum) {
  const double x = static_cast<double>(n) * scale + 0.5;
  return std::max(minimum, static_cast<int>(x));
}

}  // namespace

DemoSpec effective_spec(const DemoSpec& spec) {
  DemoSpec s = spec;
  s.scale = 1.0;
  s.members = std::max(8, spec.members);
  s.migrants = std::max(4, spec.migrants);
  s.posts = scaled(spec.posts, spec.scale, 20);
  s.payments = scaled(spec.payments, spec.scale, 200);
  s.ais_sentences = scaled(spec.ais_sentences, spec.scale, 20000);
  s.passports = std::max(8, spec.passports);
  s.photos = std::max(1, spec.photos);
  return s;
}

GeneratedCase generate_demo(const std::filesystem::path& out_dir, const DemoSpec& requested, const DemoProgress& progress) {
  const DemoSpec spec = effective_spec(requested);
  auto step = [&](std::string_view name, double f) {
    if (progress) progress(name, f);
  };
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) throw Error(out_dir.string(), "cannot create folder: " + ec.message());

  GeneratedCase c;
  c.dir = out_dir;
  c.archive = out_dir / "seized-phone.zip";
  c.posts = out_dir / "posts.jsonl";
  c.payments = out_dir / "payments.csv";
  c.ais = out_dir / "ais.nmea";
  c.zones = out_dir / "zones.geojson";
  c.coast = out_dir / "coast.geojson";
  c.ground_truth = out_dir / "ground_truth.json";

  const Rng root(spec.seed);
  const Timeline tl = case_timeline();
  Json truth;
  truth["generator"] = "corridor demo";
  truth["format"] = 1;
  truth["seed"] = spec.seed;
  truth["spec"] = {{"members", spec.members},   {"migrants", spec.migrants}, {"posts", spec.posts},
                   {"payments", spec.payments}, {"ais_sentences", spec.ais_sentences},
                   {"passports", spec.passports}, {"photos", spec.photos}};
  truth["timeline"] = {{"start", iso_utc(tl.start)}, {"end", iso_utc(tl.end)}, {"voyage_start", iso_utc(tl.voyage_start)},
                       {"voyage_end", iso_utc(tl.voyage_end)}, {"arrival", iso_utc(tl.arrival)}};

  step("network", 0);
  const Network net = make_network(root.fork("network"), spec.members, spec.migrants);
  {
    Json members = Json::array();
    for (const Member& m : net.members) {
      Json accounts = Json::array({{{"bank", m.account.bank}, {"account", m.account.account}}});
      members.push_back({{"id", m.id}, {"name", m.name}, {"name_native", m.name_native}, {"alias", m.alias},
                         {"role", m.role}, {"country", m.country}, {"city", m.city}, {"phones", m.phones},
                         {"telegram", m.telegram.empty() ? Json(nullptr) : Json("@" + m.telegram)},
                         {"telegram_id", m.telegram.empty() ? Json(nullptr) : Json(m.telegram_id)},
                         {"wallets", m.wallet.empty() ? Json::array() : Json::array({m.wallet})},
                         {"ibans", m.iban.empty() ? Json::array() : Json::array({m.iban})},
                         {"accounts", accounts}});
    }
    truth["members"] = std::move(members);
    Json migrants = Json::array();
    for (const Migrant& m : net.migrants)
      migrants.push_back({{"id", m.id}, {"nationality", m.nationality}, {"recruiter", m.recruiter},
                          {"price_eur", m.price_eur}, {"family_account", m.family.account}});
    truth["migrants"] = std::move(migrants);
  }
  step("network", 1);

  step("posts", 0);
  write_posts(net, tl, root.fork("posts"), spec.posts, c.posts, truth);
  step("posts", 1);

  step("payments", 0);
  write_payments(net, tl, root.fork("payments"), spec.payments, c.payments, truth);
  step("payments", 1);

  const Story story = make_story(root.fork("story"), tl);
  step("ais", 0);
  c.ais_sentences_written = write_ais(tl, story, root.fork("ais"), spec.ais_sentences, out_dir, truth,
                                      [&](double f) { step("ais", f); });
  step("ais", 1);

  std::vector<ArchiveEntry> entries;
  step("photos", 0);
  const std::vector<ArchiveEntry> photos = write_photos(net, tl, story, root.fork("photos"), spec.photos, truth);
  step("photos", 1);
  entries.insert(entries.end(), photos.begin(), photos.end());
  step("telegram", 0);
  const std::vector<ArchiveEntry> tg = write_telegram(net, tl, story, root.fork("telegram"), photos, truth);
  entries.insert(entries.begin(), tg.begin(), tg.end());
  step("telegram", 1);
  step("whatsapp", 0);
  const std::vector<ArchiveEntry> wa = write_whatsapp(net, tl, story, root.fork("whatsapp"), truth);
  entries.insert(entries.end(), wa.begin(), wa.end());
  step("whatsapp", 1);
  step("passports", 0);
  entries.push_back(write_passports(net, tl, root.fork("passports"), spec.passports, truth));
  step("passports", 1);
  step("archive", 0);
  write_archive(c.archive, entries);
  step("archive", 1);

  c.photos_written = static_cast<int>(photos.size());
  c.telegram_messages = truth["telegram"]["messages"].get<int>();
  for (const auto& w : truth["whatsapp"]) c.whatsapp_messages += w["messages"].get<int>();
  c.passports_written = static_cast<int>(truth["passports"].size());
  for (const auto& p : truth["passports"]) c.forged_passports += p["genuine"].get<bool>() ? 0 : 1;
  c.members = static_cast<int>(net.members.size());
  c.migrants = static_cast<int>(net.migrants.size());
  c.posts_written = truth["posts"]["count"].get<int>();
  c.offers = truth["posts"]["offer_count"].get<int>();
  c.payment_rows = truth["payments"]["rows"].get<int>();
  c.laundering_rows = truth["payments"]["laundering_rows"].get<int>();

  step("ground truth", 0);
  write_bytes(c.ground_truth, truth.dump(1) + "\n");
  step("ground truth", 1);
  return c;
}

}  // namespace corridor::demo

#include "app/demo_run.hpp"

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "ais/track.hpp"
#include "app/add_evidence.hpp"
#include "app/ais_case.hpp"
#include "app/demo_report.hpp"
#include "app/case_policy_change.hpp"
#include "app/resolve_case.hpp"
#include "app/verify_case.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/time.hpp"
#include "demo/generator.hpp"
#include "app/data_dir.hpp"
#include "exchange/geojson_areas.hpp"
#include "model/entity_keys.hpp"
#include "app/network_analysis.hpp"
#include "store/indicator_store.hpp"
#include "store/statement_store.hpp"

namespace corridor::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* kActor = "Demo examiner";

class Stopwatch {
 public:
  Stopwatch(DemoResult& r, const StageLog& log, std::string stage) : r_(r), log_(log), stage_(std::move(stage)) {}
  void done(std::string detail) {
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
    r_.stages.push_back({stage_, s, std::move(detail)});
    if (log_) log_(r_.stages.back());
  }

 private:
  DemoResult& r_;
  const StageLog& log_;
  std::string stage_;
  std::chrono::steady_clock::time_point t0_ = std::chrono::steady_clock::now();
};

bool data_present(const fs::path& dir) {
  for (const char* f : {"seized-phone.zip", "posts.jsonl", "payments.csv", "ais.nmea", "zones.geojson",
                        "coast.geojson", "ground_truth.json"})
    if (!fs::exists(dir / f)) return false;
  return true;
}

void fresh_case_folder(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return;
  if (!store::is_case_folder(dir))
    throw Error(dir.string(), "exists and is not a case folder; the demo will not overwrite it", Error::kCase);
  // Vault items are read-only: make them removable first.
  for (auto& p : fs::recursive_directory_iterator(dir, ec))
    fs::permissions(p.path(), fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(dir, ec);
  if (ec) throw Error(dir.string(), "cannot remove the previous demo case: " + ec.message(), Error::kCase);
}

// The posts among the offers detector's indicators, best first, for the report's table
// and the score against the ground truth.
void flagged_posts(store::CaseFolder& c, DemoResult& r) {
  store::Stmt count(c.db(),
                    "SELECT count(*) FROM statements s JOIN entities n ON n.rid = s.entity "
                    "WHERE n.schema = 'Post' AND s.property = 'bodyText'");
  count.step();
  r.posts_scored = count.int64(0);
  store::IndicatorFilter offers;
  offers.detector = "offers";
  for (const auto& ind : store::IndicatorStore(c.db()).list(offers)) {
    if (ind.detector != "offers" || ind.reasons.empty()) continue;
    // The first reason cites the post's text.
    for (const auto& src : statement_sources(c.db(), ind.reasons[0].statement_ids)) {
      if (src.property != "bodyText" || keys::schema_of_id(src.entity_id) != "Post") continue;
      DemoResult::FlaggedPost f;
      f.entity_id = src.entity_id;
      const std::string& record = src.locator.record;
      f.post_id = record.rfind("post:", 0) == 0 ? record.substr(5) : record;
      f.text = src.value;
      f.score = ind.score;
      int shown = 0;
      for (const auto& why : ind.reasons) {
        if (why.weight <= 0 || shown++ == 5) continue;
        char w[32];
        std::snprintf(w, sizeof w, " (%+.2f)", why.weight);
        f.reasons += (f.reasons.empty() ? "" : "; ") + why.text + w;
      }
      r.offers.push_back(std::move(f));
      break;
    }
  }
}

}  // namespace

DemoResult run_demo(const DemoOptions& opt, const StageLog& log) {
  DemoResult r;
  const auto t0 = std::chrono::steady_clock::now();
  {
    Stopwatch w(r, log, "generate");
    if (opt.regenerate || !data_present(opt.data_dir)) {
      demo::DemoSpec spec;
      spec.scale = opt.scale;
      const auto g = demo::generate_demo(opt.data_dir, spec);
      w.done(std::to_string(g.posts_written) + " posts, " + std::to_string(g.payment_rows) + " payments, " +
             std::to_string(g.ais_sentences_written) + " AIS sentences, " + std::to_string(g.photos_written) +
             " photos, " + std::to_string(g.passports_written) + " passports in " + opt.data_dir.string());
    } else {
      w.done("already in " + opt.data_dir.string() + " (--regenerate to write it again)");
    }
  }
  fresh_case_folder(opt.case_dir);
  auto c = store::CaseFolder::init(opt.case_dir, "Demo: Operation Mistral (invented)", kActor);
  std::vector<std::string> shas;
  {
    Stopwatch w(r, log, "add with custody");
    AddRequest req;
    for (const char* f : {"seized-phone.zip", "posts.jsonl", "payments.csv", "ais.nmea"})
      req.files.push_back(opt.data_dir / f);
    req.acquisition = {kActor, "", "logical extraction and OSINT capture (invented demo data)",
                       "Demo warrant 2026/001", "corridor demo generator"};
    req.actor = kActor;
    req.progress = opt.progress;
    std::uint64_t bytes = 0;
    for (const auto& a : add_evidence(*c, req)) {
      shas.push_back(a.evidence.sha256);
      bytes += a.evidence.size;
    }
    w.done(std::to_string(shas.size()) + " items, " + std::to_string(bytes / 1000000) + " MB hashed into the vault");
  }
  {
    Stopwatch w(r, log, "ingest and extract");
    IngestOptions io;
    io.actor = kActor;
    io.region = "LY";
    io.progress = opt.progress;
    r.ingest = ingest_evidence(*c, shas, io);
    std::uint64_t statements = 0, mentions = 0;
    for (const auto& f : r.ingest.files) {
      statements += f.statements;
      mentions += f.mentions;
    }
    w.done(std::to_string(r.ingest.files.size()) + " files, " + std::to_string(statements) + " statements, " +
           std::to_string(mentions) + " mentions, " + std::to_string(r.ingest.errors()) + " errors");
  }
  {
    Stopwatch w(r, log, "resolve");
    // The demo has nobody to review merges: its policy lets matches of the default
    // threshold merge unreviewed, and says so (a real case starts with every merge a proposal).
    change_case_policy(*c, {{"auto_merge_above", "0.9"}}, kActor, "invented demo case: no reviewer");
    r.resolve = resolve_case(*c, ResolveSettings{}, kActor, "demo case analysis");
    w.done(std::to_string(r.resolve.persons) + " persons, " + std::to_string(r.resolve.merged) + " merged into " +
           std::to_string(r.resolve.clusters.size()) + " clusters, " + std::to_string(r.resolve.hubs.size()) +
           " hub identifiers kept out");
  }
  {
    Stopwatch w(r, log, "vessel behaviour");
    const auto decoded = load_ais(*c);
    const auto tracks = ais::build_tracks(decoded.positions, decoded.identities, {});
    r.zones = exchange::load_zones((opt.data_dir / "zones.geojson").string());
    r.coast = exchange::load_coast((opt.data_dir / "coast.geojson").string());
    r.vessel_events = ais::all_events(tracks, r.zones, r.coast, {});
    w.done(std::to_string(tracks.size()) + " vessels, " + std::to_string(r.vessel_events.size()) + " events");
  }
  {
    Stopwatch w(r, log, "detectors");
    DetectSettings ds;
    ds.zones = (opt.data_dir / "zones.geojson").string();
    ds.coast = (opt.data_dir / "coast.geojson").string();
    r.detectors = run_detectors(*c, {}, kActor, "demo case analysis", ds);
    flagged_posts(*c, r);
    std::string detail;
    for (const auto& d : r.detectors) detail += (detail.empty() ? "" : ", ") + d.detector + " " + std::to_string(d.found);
    w.done(detail + " indicators");
  }
  {
    Stopwatch w(r, log, "network overview");
    r.overview = case_overview(*c, 25);
    w.done(std::to_string(r.overview.top_identifiers.size()) + " most-linked identifiers");
  }
  {
    Stopwatch w(r, log, "network analysis");
    r.network = network_key_players(c->db(), 25, true);
    w.done(std::to_string(r.network.nodes) + " nodes, " + std::to_string(r.network.edges) + " links; " +
           std::to_string(r.network.rows.size()) + " key players");
  }
  {
    Stopwatch w(r, log, "bias audit");
    r.bias = audit_bias_in_case(*c, BiasAuditSettings{});
    w.done(std::to_string(r.bias.persons) + " persons, " + std::to_string(four_fifths_flags(r.bias)) +
           " four-fifths flags to review");
  }
  {
    Stopwatch w(r, log, "verify");
    const auto v = verify_case(*c, VerifyOptions{opt.progress, std::nullopt});
    r.verified = v.ok();
    w.done(v.ok() ? "evidence and audit ledger intact" : std::to_string(v.problems.size()) + " problems");
  }
  // The report shows the total of the stages before it.
  r.total_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  {
    Stopwatch w(r, log, "report");
    r.report = opt.case_dir / "report.html";
    write_demo_report(*c, r, r.report);
    w.done(r.report.string());
  }
  r.total_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

std::vector<std::string> score_demo(const DemoOptions& opt, const DemoResult& r) {
  std::ifstream in(opt.data_dir / "ground_truth.json");
  if (!in) throw Error((opt.data_dir / "ground_truth.json").string(), "cannot read the ground truth");
  const auto truth = nlohmann::json::parse(in, nullptr, false);
  if (truth.is_discarded()) throw Error((opt.data_dir / "ground_truth.json").string(), "not JSON");
  std::vector<std::string> out;
  auto c = store::CaseFolder::open(opt.case_dir);
  store::StatementStore st(c->db());

  // Network members: found when any of their identifiers (phones, WhatsApp and Telegram
  // accounts and handles, wallets, IBANs, bank accounts) is an entity of the case; ranked when one is
  // among the most-linked identifiers of the overview or the key players.
  std::set<std::string> top;
  for (const auto& li : r.overview.top_identifiers) top.insert(li.entity.id);
  for (const auto& k : r.network.rows) top.insert(k.id);
  int members = 0, found = 0, ranked = 0;
  for (const auto& m : truth["members"]) {
    ++members;
    std::set<std::string> ids;
    auto strings = [&](const char* key) {
      std::vector<std::string> v;
      for (const auto& x : m.value(key, nlohmann::json::array()))
        if (x.is_string()) v.push_back(x.get<std::string>());
      return v;
    };
    for (const auto& p : strings("phones")) {
      ids.insert(keys::phone(p));
      ids.insert(keys::account("whatsapp", p));
    }
    for (const auto& v : strings("wallets"))
      for (const auto& e : st.entities_by_value(v)) ids.insert(e.id);
    for (const auto& v : strings("ibans")) {
      ids.insert(keys::bank_account(v));
      for (const auto& e : st.entities_by_value(v)) ids.insert(e.id);
    }
    // The public handle: an @mention in posts and chats, a username in the export.
    if (m.contains("telegram") && m["telegram"].is_string()) {
      const std::string handle = m["telegram"].get<std::string>();
      for (const auto& v : {handle, handle.substr(handle.starts_with('@') ? 1 : 0)})
        for (const auto& e : st.entities_by_value(v)) ids.insert(e.id);
    }
    if (m.contains("telegram_id") && m["telegram_id"].is_number())
      ids.insert(keys::account("telegram", "user" + std::to_string(m["telegram_id"].get<std::int64_t>())));
    for (const auto& a : m.value("accounts", nlohmann::json::array()))
      if (a.contains("bank") && a.contains("account"))
        ids.insert(keys::bank_account(a["bank"].get<std::string>() + ":" + a["account"].get<std::string>()));
    bool f = false, k = false;
    for (const auto& id : ids) {
      f = f || st.entity(id).has_value();
      k = k || top.count(id);
    }
    found += f;
    ranked += k;
  }
  out.push_back("network members: " + std::to_string(found) + "/" + std::to_string(members) +
                " have an identifier found in the evidence; " + std::to_string(ranked) +
                " among the most-linked identifiers or the 25 key players");

  // Vessel events: a planted event is recovered by a detected one of the same kind that
  // shares a vessel and overlaps its window (zone crossings are seen within half an hour).
  int planted = 0, recovered = 0;
  for (const auto& e : truth["vessels"]["events"]) {
    ++planted;
    const auto s = parse_iso8601(e.value("start", "")), en = parse_iso8601(e.value("end", ""));
    if (!s || !en) continue;
    std::set<std::uint32_t> mmsi;
    for (const auto& m : e["mmsi"]) mmsi.insert(m.is_string() ? static_cast<std::uint32_t>(std::stoul(m.get<std::string>())) : m.get<std::uint32_t>());
    for (const auto& d : r.vessel_events) {
      bool shares = false;
      for (auto v : d.vessels) shares = shares || mmsi.count(v);
      const std::int64_t slack = 3600 * 1000;
      if (d.kind == e.value("kind", "") && shares && d.start <= *en + slack && d.end >= *s - slack) {
        ++recovered;
        break;
      }
    }
  }
  int false_events = 0;
  std::set<std::uint32_t> story;
  for (const auto& v : truth["vessels"]["story"]) story.insert(v["mmsi"].is_string() ? static_cast<std::uint32_t>(std::stoul(v["mmsi"].get<std::string>())) : v["mmsi"].get<std::uint32_t>());
  for (const auto& d : r.vessel_events) {
    bool ours = false;
    for (auto v : d.vessels) ours = ours || story.count(v);
    false_events += !ours;
  }
  out.push_back("vessel events: " + std::to_string(recovered) + "/" + std::to_string(planted) +
                " planted events recovered; " + std::to_string(false_events) + " events on background vessels");
  {
    std::set<std::string> offers, flagged;
    for (const auto& o : truth["posts"]["offers"]) offers.insert(o["post_id"].is_string() ? o["post_id"].get<std::string>() : o["post_id"].dump());
    for (const auto& f : r.offers) flagged.insert(f.post_id);
    int tp = 0;
    for (const auto& id : flagged) tp += offers.count(id) > 0;
    const double p = flagged.empty() ? 0 : static_cast<double>(tp) / static_cast<double>(flagged.size());
    const double rc = offers.empty() ? 0 : static_cast<double>(tp) / static_cast<double>(offers.size());
    char line[200];
    std::snprintf(line, sizeof line,
                  "offers in posts: %d of %zu planted offers flagged (recall %.3f); %zu flagged in all (precision %.3f)", tp,
                  offers.size(), rc, flagged.size(), p);
    out.push_back(line);
  }
  // Laundering payments: a planted row is recovered when a money indicator cites one of
  // its statements; every other cited row of payments.csv is a false alarm.
  {
    std::set<std::string> laundering, cited;
    for (const auto& p : truth["payments"]["planted"]) laundering.insert("row:" + std::to_string(p["row"].get<int>()));
    store::Stmt q(c->db(),
                  "SELECT DISTINCT s.loc_record FROM indicators i JOIN indicator_reasons r ON r.indicator = i.id "
                  "JOIN reason_statements rs ON rs.reason = r.id JOIN statements s ON s.id = rs.statement "
                  "JOIN evidence e ON e.id = s.evidence WHERE substr(i.detector, 1, 6) = 'money.' "
                  "AND e.original_name = 'payments.csv' AND s.loc_record LIKE 'row:%'");
    while (q.step()) cited.insert(q.text(0));
    int tp = 0;
    for (const auto& row : cited) tp += laundering.count(row) > 0;
    const double rc = laundering.empty() ? 0 : static_cast<double>(tp) / static_cast<double>(laundering.size());
    const double pr = cited.empty() ? 0 : static_cast<double>(tp) / static_cast<double>(cited.size());
    char line[200];
    std::snprintf(line, sizeof line,
                  "laundering payments: %d of %zu planted rows cited by money indicators (recall %.3f); %zu rows "
                  "cited in all (precision %.3f)",
                  tp, laundering.size(), rc, cited.size(), pr);
    out.push_back(line);
  }
  return out;
}

}  // namespace corridor::app

#include "app/case_detectors.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "app/actor.hpp"
#include "app/data_dir.hpp"
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/time.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"
#include "store/indicator_store.hpp"
#include "store/ledger_batch.hpp"

namespace corridor::app {

const std::vector<CaseDetector>& case_detectors() {
  static const std::vector<CaseDetector> table = {
      {"offers", "smuggling-service offers in posts and messages (10 languages)", detect_offers_in_case},
      {"money", "payment patterns: fan-in/out, scatter-gather, cycles, structuring, pass-through, escrow, advertised prices", detect_money_in_case},
      {"hotspots", "hot spots of geolocated events (Gi*) and departures clustered before sea crossings", detect_hotspots_in_case},
      {"documents", "travel documents: MRZ check digits, expiry, number format, shared numbers, specimens, lost and stolen (--stolen-documents)", detect_documents_in_case},
      {"vessels", "AIS gaps, encounters at sea, loitering and identity conflicts (--zones, --coast)",
       detect_vessels_in_case},
  };
  return table;
}

const CaseDetector* case_detector(const std::string& name) {
  for (const auto& d : case_detectors())
    if (name == d.name) return &d;
  return nullptr;
}

namespace {

const CaseDetector& find_detector(const std::string& name) {
  if (const auto* d = case_detector(name)) return *d;
  std::string known;
  for (const auto& d : case_detectors()) known += std::string(known.empty() ? "" : ", ") + d.name;
  throw Error("detector '" + name + "'", "unknown; the detectors are: " + known, Error::kInput);
}

}  // namespace

std::string model_stamp(const std::string& data_dir) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const char* sub : {"models", "lexicons", "documents"})
    for (fs::recursive_directory_iterator it(fs::path(data_dir) / sub, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file()) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  Sha256 digest;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string name = fs::relative(f, data_dir).generic_string();
    digest.update(name).update(std::string_view("\0", 1)).update(std::to_string(bytes.size())).update(std::string_view("\0", 1));
    digest.update(bytes);
  }
  return tool_name() + "; models and lexicons sha256:" + to_hex(digest.finish()).substr(0, 16);
}

std::size_t set_detector_stopped(store::CaseFolder& c, const std::string& name, bool stopped, const std::string& actor,
                                 const std::string& justification) {
  find_detector(name);  // unknown names are refused
  store::Transaction tx(c.db());
  store::LedgerBatch batch(c.db());
  std::size_t withdrawn = 0;
  store::IndicatorStore indicators(c.db());
  if (stopped) {
    store::IndicatorFilter open;
    open.detector = name;
    open.review = ReviewState::Open;
    withdrawn = static_cast<std::size_t>(indicators.count(open));
    indicators.replace_open(name, {}, utc_now());  // the never-reviewed open ones go
    withdrawn -= static_cast<std::size_t>(indicators.count(open));
  }
  store::PolicyStore(c.db()).set("detector:" + name, stopped ? "stopped" : "running", actor, utc_now());
  store::AuditLedger ledger(c.db());
  batch.commit(ledger,
               store::EntryContent{actor, store::audit_action::kAlteration,
                                   std::string(stopped ? "stop" : "resume") + " detector " + name +
                                       (stopped ? ": " + std::to_string(withdrawn) + " open indicators withdrawn" : ""),
                                   justification, "", ""},
               c.keys());
  tx.commit();
  return withdrawn;
}

std::vector<DetectRun> run_detectors(store::CaseFolder& c, const std::vector<std::string>& names,
                                     const std::string& actor, const std::string& justification,
                                     const DetectSettings& settings) {
  std::vector<const CaseDetector*> chosen;
  if (names.empty())
    for (const auto& d : case_detectors()) chosen.push_back(&d);
  for (const auto& n : names) chosen.push_back(&find_detector(n));

  const auto policy = store::PolicyStore(c.db()).read();
  for (const auto& n : names)
    if (policy.stopped_detectors.count(n))
      throw Error("detector '" + n + "'", "stopped for this case; resume it with 'corridor detect CASE --resume " + n +
                                              " --why ...'");
  std::erase_if(chosen, [&](const CaseDetector* d) { return policy.stopped_detectors.count(d->name) > 0; });

  DetectSettings s = settings;
  if (s.data_dir.empty()) s.data_dir = find_data_dir();
  const std::string model = model_stamp(s.data_dir);
  std::vector<DetectRun> runs;
  for (const CaseDetector* d : chosen) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<Indicator> found = d->run(c, s);
    std::erase_if(found, [&](const Indicator& i) { return i.score < s.min_score; });
    for (auto& i : found) i.model = model;
    store::Transaction tx(c.db());
    store::LedgerBatch batch(c.db());
    DetectRun r{d->name, found.size(), 0, 0};
    r.stored = store::IndicatorStore(c.db()).replace_open(d->name, found, utc_now());
    store::AuditLedger ledger(c.db());
    batch.commit(ledger,
                 store::EntryContent{actor, store::audit_action::kCombination,
                                     std::string("detector ") + d->name + ": " + std::to_string(r.found) +
                                         " indicators (" + std::to_string(r.stored) + " new)",
                                     justification, "", ""},
                 c.keys());
    tx.commit();
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    runs.push_back(r);
  }
  return runs;
}

}  // namespace corridor::app

#include "app/case_detectors.hpp"

#include <algorithm>
#include <chrono>

#include "app/data_dir.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "store/audit_ledger.hpp"
#include "store/indicator_store.hpp"

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

namespace {

const CaseDetector& find_detector(const std::string& name) {
  for (const auto& d : case_detectors())
    if (name == d.name) return d;
  std::string known;
  for (const auto& d : case_detectors()) known += std::string(known.empty() ? "" : ", ") + d.name;
  throw Error("detector '" + name + "'", "unknown; the detectors are: " + known, Error::kInput);
}

}  // namespace

std::vector<DetectRun> run_detectors(store::CaseFolder& c, const std::vector<std::string>& names,
                                     const std::string& actor, const std::string& justification,
                                     const DetectSettings& settings) {
  std::vector<const CaseDetector*> chosen;
  if (names.empty())
    for (const auto& d : case_detectors()) chosen.push_back(&d);
  for (const auto& n : names) chosen.push_back(&find_detector(n));

  DetectSettings s = settings;
  if (s.data_dir.empty()) s.data_dir = find_data_dir();
  std::vector<DetectRun> runs;
  for (const CaseDetector* d : chosen) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<Indicator> found = d->run(c, s);
    std::erase_if(found, [&](const Indicator& i) { return i.score < s.min_score; });
    store::Transaction tx(c.db());
    DetectRun r{d->name, found.size(), 0, 0};
    r.stored = store::IndicatorStore(c.db()).replace_open(d->name, found, utc_now());
    store::AuditLedger ledger(c.db());
    ledger.append(actor, store::audit_action::kCombination,
                  std::string("detector ") + d->name + ": " + std::to_string(r.found) + " indicators (" +
                      std::to_string(r.stored) + " new)",
                  justification);
    ledger.checkpoint(c.keys());
    tx.commit();
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    runs.push_back(r);
  }
  return runs;
}

}  // namespace corridor::app

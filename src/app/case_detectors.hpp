#pragma once
// The detectors that run on a case (issue 7), in one table: each reads what it needs from
// the case store and returns indicators whose reasons cite statement row ids. Running
// them replaces their open indicators and logs the run in the audit ledger.
#include <cstddef>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

struct DetectSettings {
  std::string data_dir;          // lexicons and models (find_data_dir() when empty)
  double min_score = 0.5;        // indicators below this score are not stored
  std::string stolen_documents;  // CSV of lost and stolen documents (documents detector)
  std::string zones, coast;      // GeoJSON ports/anchorages/beaches and coastline (vessels detector)
};

using DetectFn = std::vector<Indicator> (*)(store::CaseFolder& c, const DetectSettings& settings);

struct CaseDetector {
  const char* name;     // the family: indicators are "<name>" or "<name>.<kind>"
  const char* summary;  // one line for --help and listings
  DetectFn run;
};

// Every detector, in the order `corridor detect` runs them.
const std::vector<CaseDetector>& case_detectors();
// The detector of this name, or nullptr.
const CaseDetector* case_detector(const std::string& name);

// The detector functions, one file each (detect_<name>.cpp).
std::vector<Indicator> detect_offers_in_case(store::CaseFolder& c, const DetectSettings& settings);
std::vector<Indicator> detect_money_in_case(store::CaseFolder& c, const DetectSettings& settings);
std::vector<Indicator> detect_hotspots_in_case(store::CaseFolder& c, const DetectSettings& settings);
std::vector<Indicator> detect_documents_in_case(store::CaseFolder& c, const DetectSettings& settings);
std::vector<Indicator> detect_vessels_in_case(store::CaseFolder& c, const DetectSettings& settings);

struct DetectRun {
  std::string detector;
  std::size_t found = 0;   // indicators at or above min_score
  std::size_t stored = 0;  // of those, new (not already reviewed)
  double seconds = 0;
};

// "corridor 0.1.0; models and lexicons sha256:<16 hex>": stored with every indicator, so a
// reader knows which model and lexicons made it.
std::string model_stamp(const std::string& data_dir);

// Stops a detector for the case (its never-reviewed open indicators are withdrawn and it
// runs no more until resumed) or resumes it; logged as an alteration. Returns how many
// indicators were withdrawn.
std::size_t set_detector_stopped(store::CaseFolder& c, const std::string& name, bool stopped, const std::string& actor,
                                 const std::string& justification);

// Runs the named detectors (all when `names` is empty; a stopped detector is skipped, and
// refused when named), each in its own transaction with
// one audit entry (combination). Throws corridor::Error for an unknown name, before
// running anything.
std::vector<DetectRun> run_detectors(store::CaseFolder& c, const std::vector<std::string>& names,
                                     const std::string& actor, const std::string& justification,
                                     const DetectSettings& settings);

}  // namespace corridor::app

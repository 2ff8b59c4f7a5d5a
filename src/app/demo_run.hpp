#pragma once
// `corridor demo`: generate the invented demo case if absent, put it into a case folder
// with custody, ingest and extract everything, find vessel behaviour events, verify the
// case, and write a self-contained HTML report. Each stage reports its time.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "ais/events.hpp"
#include "app/bias_audit_case.hpp"
#include "app/case_detectors.hpp"
#include "app/case_overview.hpp"
#include "app/ingest_evidence.hpp"
#include "app/network_analysis.hpp"
#include "app/resolve_case.hpp"

namespace corridor::app {

struct DemoOptions {
  std::filesystem::path data_dir = "demo-data";
  std::filesystem::path case_dir = "demo.corridor";
  double scale = 1.0;       // of the generated bulk (posts, payments, AIS)
  bool regenerate = false;  // write the data again even if present
  bool progress = false;
};

struct StageTime {
  std::string stage;
  double seconds = 0;
  std::string detail;
};

struct DemoResult {
  std::vector<StageTime> stages;
  IngestReport ingest;
  ResolveReport resolve;  // same-person merges, each a reviewable assessment
  std::vector<ais::Event> vessel_events;
  ais::Coastline coast;            // drawn on the report's map
  std::vector<ais::Zone> zones;
  CaseOverview overview;
  NetworkSummary network;
  struct FlaggedPost {
    std::string post_id, entity_id, text;
    double score = 0;
    std::string reasons;  // "guarantee: مضمون (+1.2); contact: +218..."
  };
  std::vector<FlaggedPost> offers;  // posts the offer detector scores >= 0.5, best first
  std::int64_t posts_scored = 0;
  std::vector<DetectRun> detectors;  // every detector's run; the indicators are in the case
  BiasAuditReport bias;              // who the indicators select, by protected group
  std::filesystem::path report;
  bool verified = false;
  double total_seconds = 0;
};

using StageLog = std::function<void(const StageTime&)>;
DemoResult run_demo(const DemoOptions& opt, const StageLog& log);

// How much of the generator's ground truth the case recovered, one line per part.
std::vector<std::string> score_demo(const DemoOptions& opt, const DemoResult& r);

}  // namespace corridor::app

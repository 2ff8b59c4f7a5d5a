// corridor detect CASE [--detector NAME]... [--min-score 0.5] [--stolen-documents CSV] [--json]
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/case_detectors.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"

namespace corridor::cli {
namespace {

std::string detector_help() {
  std::string h = "Detector to run (repeatable; default all):";
  for (const auto& d : app::case_detectors()) h += std::string("\n  ") + d.name + ": " + d.summary;
  return h;
}

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto names = std::make_shared<std::vector<std::string>>();
  auto s = std::make_shared<app::DetectSettings>();
  auto* cmd = root.add_subcommand("detect", "Run the detectors on the case and store their indicators for review "
                                            "(open indicators of a detector are replaced; reviewed ones stay)");
  add_case_options(cmd, *o, true);
  cmd->add_option("--detector", *names, detector_help());
  cmd->add_option("--min-score", s->min_score, "Store indicators scoring at least this")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--stolen-documents", s->stolen_documents,
                  "CSV of lost and stolen documents for the documents detector")
      ->check(CLI::ExistingFile);
  cmd->add_option("--zones", s->zones, "GeoJSON ports, anchorages and beaches for the vessels detector")
      ->check(CLI::ExistingFile);
  cmd->add_option("--coast", s->coast, "GeoJSON coastline for the vessels detector (distance from shore)")
      ->check(CLI::ExistingFile);
  auto stop = std::make_shared<std::string>(), resume = std::make_shared<std::string>();
  cmd->add_option("--stop", *stop,
                  "Stop this detector for the case: its open indicators are withdrawn and it runs no more until "
                  "resumed (needs --why; logged)");
  cmd->add_option("--resume", *resume, "Resume a stopped detector (needs --why; logged)");
  cmd->callback([o, names, s, stop, resume] {
    auto c = open_case(*o);
    if (!stop->empty() || !resume->empty()) {
      require_why(*o, "stopping or resuming a detector");
      const bool stopping = !stop->empty();
      const std::string& name = stopping ? *stop : *resume;
      const auto withdrawn = app::set_detector_stopped(*c, name, stopping, actor_of(*o, *c), o->why);
      if (stopping)
        std::printf("detector %s stopped for this case; %zu open indicators withdrawn\n", name.c_str(), withdrawn);
      else
        std::printf("detector %s resumed\n", name.c_str());
      return;
    }
    justify(*o, *c, store::operation::kCombine);
    const auto runs = app::run_detectors(*c, *names, actor_of(*o, *c), o->why, *s);
    if (o->json) {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& r : runs)
        arr.push_back({{"detector", r.detector}, {"indicators", r.found}, {"new", r.stored}, {"seconds", r.seconds}});
      std::cout << nlohmann::ordered_json{{"runs", arr}}.dump(2) << "\n";
      return;
    }
    for (const auto& r : runs)
      std::printf("%-12s %6zu indicators (%zu new) in %.2f s\n", r.detector.c_str(), r.found, r.stored, r.seconds);
    std::printf("review them: corridor indicators %s\n", o->dir.c_str());
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

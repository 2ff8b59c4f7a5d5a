// corridor demo [--score] : the whole pipeline on the bundled, invented demo case.
#include <cstdio>

#include "app/demo_run.hpp"
#include "cli/command.hpp"
#include "core/progress.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto o = std::make_shared<app::DemoOptions>();
  auto score = std::make_shared<bool>(false);
  auto data = std::make_shared<std::string>("demo-data");
  auto dir = std::make_shared<std::string>("demo.corridor");
  auto* cmd = root.add_subcommand(
      "demo", "Generate the invented demo case if absent, analyse it end to end, write demo.corridor/report.html");
  cmd->add_option("--data", *data, "Folder of the generated demo data")->capture_default_str();
  cmd->add_option("--case", *dir, "Case folder to (re)create")->capture_default_str();
  cmd->add_option("--scale", o->scale, "Scale of the bulk data (posts, payments, AIS)")->capture_default_str();
  cmd->add_flag("--regenerate", o->regenerate, "Write the demo data again even if present");
  cmd->add_flag("--score", *score, "Also print how much of the ground truth was recovered");
  cmd->callback([o, score, data, dir] {
    o->data_dir = *data;
    o->case_dir = *dir;
    o->progress = progress_wanted();
    auto r = app::run_demo(*o, [](const app::StageTime& s) {
      std::printf("%-20s %7.2f s  %s\n", s.stage.c_str(), s.seconds, s.detail.c_str());
      std::fflush(stdout);
    });
    std::printf("total %.1f s; report: %s\n", r.total_seconds, r.report.string().c_str());
    if (*score)
      for (const auto& line : app::score_demo(*o, r)) std::printf("score: %s\n", line.c_str());
    if (!r.verified) set_exit(kDiffers);
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

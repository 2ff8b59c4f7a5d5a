#pragma once
#include <filesystem>

#include "app/demo_run.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

// A self-contained HTML page (inline CSS and SVG, no scripts, no network): summary, key
// identifiers with reasons, a network picture, a map and a timeline of vessel events,
// indicators with the evidence behind them, and the evidence with its custody.
void write_demo_report(store::CaseFolder& c, const DemoResult& r, const std::filesystem::path& out);

}  // namespace corridor::app

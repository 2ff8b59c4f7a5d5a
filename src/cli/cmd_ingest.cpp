// corridor ingest CASE FILE|SHA256... [--all]
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/add_evidence.hpp"
#include "app/ingest_evidence.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "core/escape.hpp"
#include "core/progress.hpp"
#include "core/sha256.hpp"
#include "ingest/options.hpp"
#include "store/evidence_store.hpp"

namespace corridor::cli {
namespace {

struct IngestCli {
  CaseOptions c;
  std::vector<std::string> items;
  bool all = false, again = false;
  std::string region, map, tz, date_order;
  Acquisition acq;
};

// Paths are added first (with custody); a 64-hex-digit argument names an item already in the case.
std::vector<std::string> resolve_items(store::CaseFolder& c, const IngestCli& o, const std::string& actor) {
  std::vector<std::string> shas;
  app::AddRequest add;
  for (const auto& item : o.items) {
    if (is_sha256_hex(item) && !std::filesystem::exists(item)) {
      shas.push_back(item);
    } else {
      add.files.emplace_back(item);
    }
  }
  if (!add.files.empty()) {
    add.acquisition = o.acq;
    add.actor = actor;
    add.why = o.c.why;
    add.progress = progress_wanted();
    for (const auto& a : app::add_evidence(c, add)) shas.push_back(a.evidence.sha256);
  }
  if (o.all) {
    store::EvidenceStore evidence(c.db());
    for (const auto& e : evidence.list())
      if (!e.parent_sha256 && !evidence.withdrawal(e.id)) shas.push_back(e.sha256);
  }
  return shas;
}

void print_report(const app::IngestReport& r, bool json) {
  if (json) {
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& f : r.files) {
      nlohmann::ordered_json left_out = nlohmann::ordered_json::array();
      for (const auto& l : f.left_out) left_out.push_back({{"item", escape_name(l.item)}, {"reason", escape_name(l.reason)}});
      files.push_back({{"sha256", f.sha256},
                       {"name", escape_name(f.name)},
                       {"format", f.format},
                       {"statements", f.statements},
                       {"units", f.units},
                       {"mentions", f.mentions},
                       {"children", f.children},
                       {"skipped", f.skipped},
                       {"error", f.error ? nlohmann::json(escape_name(*f.error)) : nlohmann::json()},
                       {"note", f.note},
                       {"rejects", f.rejects},
                       {"left_out", left_out}});
    }
    nlohmann::ordered_json j{{"files", files},
                             {"per_format", r.per_format()},
                             {"entities_created", r.entities_after - r.entities_before},
                             {"errors", r.errors()}};
    std::cout << j.dump(2) << "\n";
    return;
  }
  for (const auto& f : r.files) {
    if (f.error) {
      std::printf("FAILED   %-30s %s\n", escape_name(f.name).c_str(), escape_name(*f.error).c_str());
    } else if (f.skipped) {
      std::printf("skipped  %-30s already ingested (use --again)\n", escape_name(f.name).c_str());
    } else {
      std::printf("ok       %-30s %-10s %8llu statements %6llu units %6llu mentions%s\n", escape_name(f.name).c_str(),
                  f.format.c_str(), static_cast<unsigned long long>(f.statements),
                  static_cast<unsigned long long>(f.units), static_cast<unsigned long long>(f.mentions),
                  f.children ? (" " + std::to_string(f.children) + " nested files").c_str() : "");
      if (!f.note.empty()) std::printf("         %s\n", f.note.c_str());
      for (const auto& l : f.left_out) std::printf("         left out: %s: %s\n", l.item.c_str(), l.reason.c_str());
    }
  }
  std::printf("summary:");
  for (const auto& [fmt, n] : r.per_format()) std::printf(" %s=%d", fmt.c_str(), n);
  std::printf("; %lld entities created; %d errors\n", static_cast<long long>(r.entities_after - r.entities_before),
              r.errors());
}

void setup(CLI::App& root) {
  auto o = std::make_shared<IngestCli>();
  auto* cmd = root.add_subcommand(
      "ingest", "Read evidence into entities and statements (adds paths to the case first, with custody)");
  add_case_options(cmd, o->c, true);
  cmd->add_option("items", o->items, "Files to add and ingest, or sha256 of items already in the case");
  cmd->add_flag("--all", o->all, "Ingest every top-level evidence item of the case");
  cmd->add_flag("--again", o->again, "Read items ingested before again, replacing what that ingest wrote (docs/ingest.md)");
  cmd->add_option("--region", o->region, "Phone region for national numbers (ISO 3166 alpha-2, e.g. LY)");
  cmd->add_option("--map", o->map,
                  "CSV column mapping \"field=Column,...\" for posts or money-transfer records (docs/ingest.md)");
  cmd->add_option("--tz", o->tz, "UTC offset of times written without a zone, e.g. +03:00 (default UTC)");
  cmd->add_option("--date-order", o->date_order, "dmy or mdy, for WhatsApp exports whose dates do not tell")
      ->check(CLI::IsMember({"dmy", "mdy"}));
  cmd->add_option("--acquired-by", o->acq.acquired_by, "For added files: who acquired them");
  cmd->add_option("--method", o->acq.method, "For added files: how they were acquired");
  cmd->add_option("--legal-basis", o->acq.legal_basis, "For added files: the legal basis");
  cmd->callback([o] {
    if (o->items.empty() && !o->all) throw CLI::ValidationError("name files or sha256s to ingest, or --all");
    auto c = open_case(o->c);
    justify(o->c, *c, store::operation::kCollect);
    const std::string actor = actor_of(o->c, *c);
    app::IngestOptions opt;
    opt.actor = actor;
    opt.why = o->c.why;
    opt.region = o->region;
    opt.progress = progress_wanted();
    opt.reingest = o->again;
    if (!o->map.empty()) opt.read.column_map = ingest::parse_column_map(o->map);
    if (!o->tz.empty()) opt.read.utc_offset_minutes = ingest::parse_utc_offset(o->tz);
    opt.read.date_order = o->date_order;
    // The extraction patterns compile (about half a second) on the other core while the
    // files are hashed into the vault.
    auto scanner = std::async(std::launch::async, [] { app::shared_scanner(); });
    const auto shas = resolve_items(*c, *o, actor);
    scanner.get();
    auto report = app::ingest_evidence(*c, shas, opt);
    print_report(report, o->c.json);
    if (report.errors()) set_exit(kInputError);
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

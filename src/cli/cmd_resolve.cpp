// corridor resolve CASE [--threshold 0.9] [--dry-run] [--json]
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/record_access.hpp"
#include "app/resolve_case.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "core/escape.hpp"
#include "store/audit_ledger.hpp"

namespace corridor::cli {
namespace {

double rounded(double x, double scale) { return std::round(x * scale) / scale; }

nlohmann::ordered_json link_json(const app::PersonLink& l) {
  auto reasons = nlohmann::ordered_json::array();
  for (const auto& r : l.reasons)
    reasons.push_back({{"comparison", r.comparison}, {"level", r.level}, {"weight", rounded(r.weight, 100)}});
  return {{"a", l.a},
          {"b", l.b},
          {"probability", rounded(l.probability, 10000)},
          {"weight", rounded(l.weight, 100)},
          {"reasons", reasons}};
}

nlohmann::ordered_json report_json(const app::ResolveReport& r, bool dry_run) {
  nlohmann::ordered_json j{{"persons", r.persons}, {"candidate_pairs", r.candidate_pairs}};
  auto& hubs = j["hubs"] = nlohmann::ordered_json::array();
  for (const auto& h : r.hubs)
    hubs.push_back(
        {{"kind", h.kind}, {"value", escape_name(h.value)}, {"entities", h.entities}, {"reason", escape_name(h.reason)}});
  auto& clusters = j["clusters"] = nlohmann::ordered_json::array();
  for (const auto& c : r.clusters) {
    auto members = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < c.members.size(); ++i)
      members.push_back({{"id", c.members[i]}, {"name", escape_name(c.names[i])}});
    auto links = nlohmann::ordered_json::array();
    for (const auto& l : c.links) links.push_back(link_json(l));
    clusters.push_back({{"canonical", c.canonical}, {"members", members}, {"links", links}});
  }
  auto& apart = j["kept_apart"] = nlohmann::ordered_json::array();
  for (const auto& l : r.kept_apart) apart.push_back(link_json(l));
  j["names_only"] = r.names_only;
  j["skipped_blocks"] = r.skipped_blocks;
  j["proposed"] = r.proposed;
  j["auto_merge_above"] = r.auto_merge_above ? nlohmann::json(*r.auto_merge_above) : nlohmann::json();
  j["merged"] = r.merged;
  j["restored"] = r.restored;
  j["statements"] = r.statements;
  j["indicators"] = r.indicators;
  j["dry_run"] = dry_run;
  return j;
}

void print(const app::ResolveReport& r, bool dry_run) {
  std::printf("%zu persons, %zu candidate pairs, %zu clusters, %zu hub identifiers\n", r.persons, r.candidate_pairs,
              r.clusters.size(), r.hubs.size());
  if (r.names_only)
    std::printf("%zu matches rest on names alone and are not merged (--names-alone to merge them)\n", r.names_only);
  for (const auto& h : r.hubs)
    std::printf("hub %s %s: %s\n", h.kind.c_str(), escape_name(h.value).c_str(), escape_name(h.reason).c_str());
  for (const auto& b : r.skipped_blocks) std::printf("skipped block %s\n", b.c_str());
  for (const auto& c : r.clusters) {
    std::printf("\ncluster %s (%zu persons)\n", c.canonical.c_str(), c.members.size());
    for (std::size_t i = 0; i < c.members.size(); ++i)
      std::printf("  %s  %s\n", c.members[i].c_str(), escape_name(c.names[i]).c_str());
    for (const auto& l : c.links)
      std::printf("  %s = %s: %s\n", l.a.c_str(), l.b.c_str(), escape_name(l.explain).c_str());
  }
  for (const auto& l : r.kept_apart)
    std::printf("\nkept apart by a person: %s = %s: %s\n", l.a.c_str(), l.b.c_str(), escape_name(l.explain).c_str());
  if (dry_run) {
    std::printf("\ndry run: %zu merges would be proposed, %zu merged, %zu restored; nothing written\n", r.proposed,
                r.merged, r.restored);
    return;
  }
  std::printf("\n%zu merges proposed, waiting for a person's review (corridor indicators CASE --detector resolve; "
              "corridor review CASE N --confirm|--dismiss --reason TEXT)\n",
              r.proposed);
  if (r.auto_merge_above)
    std::printf("the case policy applies merges of probability %.3f or more without review\n", *r.auto_merge_above);
  std::printf("%zu merged, %zu restored, %zu assessments, %zu new indicators; undo a merge: corridor unmerge CASE "
              "ENTITY --reason TEXT\n",
              r.merged, r.restored, r.statements, r.indicators);
}

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto s = std::make_shared<app::ResolveSettings>();
  auto* cmd = root.add_subcommand("resolve", "Find persons that are the same person across sources and merge them "
                                             "as reversible assessments, with scores and reasons");
  add_case_options(cmd, *o, true);
  cmd->add_option("--threshold", s->threshold, "Match probability to merge")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--dry-run", s->dry_run, "Show the clusters, scores and reasons; change nothing");
  auto names_alone = std::make_shared<bool>(false);
  auto reveal = std::make_shared<bool>(false);
  add_reveal_option(cmd, *reveal);
  cmd->add_flag("--names-alone", *names_alone,
                "Also merge matches that rest on names alone (by default a birth date, document, phone or "
                "account must agree too)");
  cmd->callback([o, s, names_alone, reveal] {
    s->corroboration = !*names_alone;
    auto c = open_case(*o);
    justify(*o, *c, store::operation::kCombine);
    const std::string actor = actor_of(*o, *c);
    auto report = app::resolve_case(*c, *s, actor, o->why);
    // Smuggled migrants and victims among the persons are shown under their pseudonyms.
    const auto shown = pseudonyms_for(*o, *c, *reveal, "resolve");
    for (auto& h : report.hubs) {
      h.value = shown.scrub(h.value);
      h.reason = shown.scrub(h.reason);
    }
    for (auto& cl : report.clusters) {
      for (std::size_t i = 0; i < cl.members.size(); ++i) cl.names[i] = shown.label(cl.members[i], cl.names[i]);
      for (auto& l : cl.links) l.explain = shown.scrub(l.explain);
    }
    for (auto& l : report.kept_apart) l.explain = shown.scrub(l.explain);
    // A dry run changes nothing but shows persons' data: that consultation is logged.
    if (s->dry_run)
      app::record_access(*c, actor, store::audit_action::kConsultation,
                         "resolve dry run: " + std::to_string(report.clusters.size()) + " clusters", o->why);
    if (o->json) {
      std::cout << report_json(report, s->dry_run).dump(2) << "\n";
      return;
    }
    print(report, s->dry_run);
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

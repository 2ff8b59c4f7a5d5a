// corridor audit-bias CASE [--min-score 0.5] [--min-group 5] [--reference-date YYYY-MM-DD] [--json]
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/bias_audit_case.hpp"
#include "app/bias_audit_json.hpp"
#include "app/record_access.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "store/audit_ledger.hpp"

namespace corridor::cli {
namespace {

std::string attribute_label(const std::string& a) { return a == "age_band" ? "age band" : a; }

void print_attribute(const detect::AttributeAudit& at) {
  std::printf("  %-14s %10s %9s %7s\n", attribute_label(at.attribute).c_str(), "population", "selected", "rate");
  for (const auto& g : at.groups)
    std::printf("    %-12s %10zu %9zu %7.3f%s\n", g.group.c_str(), g.population, g.selected, g.rate,
                g.excluded ? "  not compared" : g.too_small ? "  too small to judge" : "");
  if (!at.parity_difference) {
    std::printf("    no comparison: %s\n", at.note.c_str());
    return;
  }
  double top = 0;
  for (const auto& g : at.groups)
    if (g.group == at.highest) top = g.rate;
  if (*at.parity_difference == 0)
    std::printf("    parity difference 0 (every compared group at %.3f)", top);
  else
    std::printf("    parity difference %.3f (%s highest, %s lowest)", *at.parity_difference, at.highest.c_str(),
                at.lowest.c_str());
  if (at.impact_ratio)
    std::printf("; disparate impact %.3f%s\n", *at.impact_ratio,
                at.four_fifths_flag ? "  FOUR-FIFTHS FLAG (below 0.8)" : "");
  else
    std::printf("; no disparate-impact ratio: %s\n", at.note.c_str());
}

void print(const std::string& dir, const app::BiasAuditReport& r) {
  std::printf("Bias audit of %s\n", dir.c_str());
  std::printf("reference date for ages: %s (%s)\n", r.reference_date.empty() ? "none" : r.reference_date.c_str(),
              r.reference_source.c_str());
  std::printf("selected: open or confirmed indicators scoring >= %.2f; dismissed ones never count\n", r.min_score);
  std::printf("groups under %zu persons are reported but not compared; unrecorded values are never compared\n",
              r.min_group);
  std::printf("persons: %zu;", r.persons);
  for (const auto& [a, n] : r.recorded) std::printf(" %s recorded for %zu;", attribute_label(a).c_str(), n);
  std::printf("\n");
  if (r.selections.empty()) std::printf("\nno indicators in the case (run: corridor detect %s)\n", dir.c_str());
  for (std::size_t i = 0; i < r.selections.size(); ++i) {
    const auto& s = r.selections[i];
    const auto& a = r.audits[i];
    std::printf("\n%s%s: %zu indicators select %zu of %zu persons (dismissed %zu, under the score %zu; "
                "subjects %zu, %zu lead to persons",
                s.family.c_str(), s.family == "any" ? " (all families)" : "", s.indicators, a.selected,
                a.population, s.dismissed, s.below_score, s.subjects, s.subjects_on_persons);
    for (const auto& [schema, n] : s.other_subjects) std::printf(", %s %zu", schema.c_str(), n);
    std::printf(")\n");
    for (const auto& at : a.attributes) print_attribute(at);
  }
  std::printf("\nInputs: protected attributes are never features\n");
  for (const auto& in : r.inputs) {
    std::string cited;
    for (const auto& c : in.cited) cited += (cited.empty() ? "" : ", ") + c;
    std::printf("  %-10s %s  cites %s\n", in.family.c_str(), in.ok() ? "ok     " : "PROBLEM",
                cited.empty() ? "(no indicators in the case)" : cited.c_str());
    for (const auto& p : in.protected_cited) std::printf("             PROTECTED PROPERTY CITED: %s\n", p.c_str());
    for (const auto& p : in.carrying)
      std::printf("             %s holds protected fields (MRZ nationality, sex, birth date): read for "
                  "document checks only\n",
                  p.c_str());
    if (!in.feature_error.empty()) std::printf("             model not checked: %s\n", in.feature_error.c_str());
    if (!in.features) continue;
    const auto& f = *in.features;
    std::printf("             model %s: %zu features; %zu lexicons, %zu terms: %zu protected terms\n",
                f.model.c_str(), f.features, f.lexicons.size(), f.lexicon_terms, f.refused.size());
    for (const auto& h : f.refused)
      std::printf("             REFUSED %s (%s, %s \"%s\")\n", h.where.c_str(), detect::to_string(h.term.category),
                  h.term.lang.c_str(), h.term.term.c_str());
    for (const auto& h : f.to_review)
      std::printf("             review  %s (%s, %s \"%s\": %s)\n", h.where.c_str(), detect::to_string(h.term.category),
                  h.term.lang.c_str(), h.term.term.c_str(), h.term.note.c_str());
  }
}

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto s = std::make_shared<app::BiasAuditSettings>();
  auto* cmd = root.add_subcommand(
      "audit-bias",
      std::string("Bias audit: for each detector family and each protected attribute (nationality, sex, age band; "
                  "ethnicity and religion where recorded), the selection rate per group, the demographic-parity "
                  "difference and the disparate-impact ratio with the four-fifths flag (exit 1 when raised or when a "
                  "detector's inputs include a protected attribute). ") +
          app::kBiasSelectedMeans + " See docs/bias_audit.md.");
  add_case_options(cmd, *o, true);
  cmd->add_option("--min-score", s->min_score, "Open or confirmed indicators select their persons from this score up (dismissed ones never do)")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-group", s->min_group, "Groups with fewer persons are reported but not compared")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_option("--reference-date", s->reference_date,
                  "Date at which ages are computed, YYYY-MM-DD (default: the date of the case's latest statement)")
      ->check([](const std::string& d) -> std::string {
        if (app::valid_reference_date(d)) return "";
        return "expected a date YYYY-MM-DD";
      });
  cmd->callback([o, s] {
    auto c = open_case(*o);
    justify(*o, *c, store::operation::kConsult);
    const auto r = app::audit_bias_in_case(*c, *s);
    const std::size_t flags = app::four_fifths_flags(r);
    bool inputs_ok = true;
    for (const auto& in : r.inputs) inputs_ok = inputs_ok && in.ok();
    app::record_access(*c, actor_of(*o, *c), store::audit_action::kConsultation, app::bias_audit_summary(r), o->why);
    if (o->json)
      std::cout << app::bias_audit_json(o->dir, r).dump(2) << "\n";
    else
      print(o->dir, r);
    if (flags > 0 || !inputs_ok) set_exit(kDiffers);
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

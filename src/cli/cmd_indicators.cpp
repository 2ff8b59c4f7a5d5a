// corridor indicators CASE [--detector D] [--state open|confirmed|dismissed] [--subject ID]
//                          [--min-score X] [--top N] [--id N] [--json]
#include <cstdio>
#include <set>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/indicator_json.hpp"
#include "app/network_analysis.hpp"
#include "app/record_access.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/escape.hpp"
#include "core/unicode.hpp"
#include "store/audit_ledger.hpp"
#include "store/indicator_store.hpp"

namespace corridor::cli {
namespace {

std::vector<app::StatementSource> sources(store::Db& db, const std::vector<std::int64_t>& ids, const app::Pseudonyms& shown) {
  auto out = app::statement_sources(db, ids);
  for (auto& s : out) s.value = shown.value(s.entity_id, s.property, s.value);
  return out;
}

// How much of a statement's value the table shows.
constexpr std::size_t kValueBytes = 60;

void print(store::Db& db, const Indicator& ind, const std::vector<store::IndicatorReview>& reviews, bool details,
           const app::Pseudonyms& shown) {
  std::printf("#%-5lld %.3f %-10s %-18s %s\n", static_cast<long long>(ind.id), ind.score, to_string(ind.review),
              ind.detector.c_str(), escape_name(ind.title).c_str());
  if (!details) return;
  std::printf("       assessment by %s (%s)\n", ind.detector.c_str(), ind.model.empty() ? "model not recorded" : ind.model.c_str());
  for (const auto& s : ind.subjects) std::printf("       subject %s\n", escape_name(s).c_str());
  for (const auto& r : ind.reasons) {
    std::printf("       %+.3f %s\n", r.weight, escape_name(r.text).c_str());
    // A long value is cut on a character boundary (an Arabic text stays UTF-8), then escaped.
    for (const auto& s : sources(db, r.statement_ids, shown))
      std::printf("              statement %lld: %s %s = %s  [%.12s %s; %s]\n", static_cast<long long>(s.id),
                  escape_name(s.entity_id).c_str(), escape_name(s.property).c_str(),
                  escape_name(unicode::utf8_prefix(s.value, kValueBytes)).c_str(), s.evidence_sha256.c_str(),
                  app::locator_text(s.locator).c_str(), app::provenance_text(s).c_str());
  }
  for (const auto& r : reviews)
    std::printf("       %s by %s at %s: %s\n", to_string(r.decision), escape_name(r.actor).c_str(), r.at.c_str(),
                escape_name(shown.scrub(r.reason)).c_str());
}

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto f = std::make_shared<store::IndicatorFilter>();
  auto state = std::make_shared<std::string>();
  auto id = std::make_shared<std::int64_t>(0);
  auto reveal = std::make_shared<bool>(false);
  auto* cmd = root.add_subcommand("indicators", "List the detectors' indicators with their reasons and the "
                                                "statements behind them");
  add_case_options(cmd, *o, true);
  cmd->add_option("--detector", f->detector, "Only this detector (\"money\" includes \"money.fan_in\")");
  cmd->add_option("--state", *state, "Only indicators in this review state")
      ->check(CLI::IsMember({"open", "confirmed", "dismissed"}));
  cmd->add_option("--subject", f->subject, "Only indicators about this entity id");
  cmd->add_option("--min-score", f->min_score, "Only indicators scoring at least this")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--top", f->limit, "At most this many, highest scores first")->check(CLI::PositiveNumber);
  cmd->add_option("--id", *id, "Show one indicator with its reasons, statements and reviews");
  add_reveal_option(cmd, *reveal);
  cmd->callback([o, f, state, id, reveal] {
    auto c = open_case(*o);
    // One indicator or one subject's indicators are a person's data; a listing is a consultation.
    const bool person = *id != 0 || !f->subject.empty();
    justify(*o, *c, person ? store::operation::kPerson : store::operation::kConsult);
    if (!state->empty()) f->review = review_state_from(*state);
    store::IndicatorStore store(c->db());
    std::vector<Indicator> list;
    if (*id) {
      auto one = store.get(*id);
      if (!one) throw Error("indicator " + std::to_string(*id), "no such indicator in the case");
      list.push_back(std::move(*one));
    } else {
      list = store.list(*f);
    }
    std::string object = *id ? "indicator " + std::to_string(*id) : "indicators (" + std::to_string(list.size()) + ")";
    if (person) {  // whose data was read
      std::set<std::string> subjects;
      for (const auto& ind : list) subjects.insert(ind.subjects.begin(), ind.subjects.end());
      if (!f->subject.empty()) subjects.insert(f->subject);
      object += "; data of";
      for (const auto& s : subjects) object += " " + s;
    }
    app::record_access(*c, actor_of(*o, *c), store::audit_action::kConsultation, object, o->why);
    const auto shown = pseudonyms_for(*o, *c, *reveal, "indicators");
    for (auto& ind : list) ind = app::shown_as(ind, shown);
    if (o->json) {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& ind : list) arr.push_back(app::indicator_json(c->db(), ind, store.reviews(ind.id), shown));
      std::cout << nlohmann::ordered_json{{"indicators", arr}}.dump(2) << "\n";
      return;
    }
    if (list.empty()) std::printf("no indicators (run: corridor detect %s)\n", o->dir.c_str());
    for (const auto& ind : list) print(c->db(), ind, store.reviews(ind.id), *id != 0, shown);
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

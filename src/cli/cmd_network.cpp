// corridor network CASE [--top 20] [--around-indicators] [--json]
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/network_analysis.hpp"
#include "app/record_access.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "core/escape.hpp"
#include "store/audit_ledger.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto top = std::make_shared<std::size_t>(20);
  auto around = std::make_shared<bool>(false);
  auto reveal = std::make_shared<bool>(false);
  auto* cmd = root.add_subcommand("network", "Rank the key players of the case network, with their reasons");
  add_case_options(cmd, *o, true);
  cmd->add_option("--top", *top, "How many entities to list")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->add_flag("--around-indicators", *around,
                "Rank only the subjects of indicators not dismissed and their direct neighbours "
                "(run `corridor detect` first)");
  add_reveal_option(cmd, *reveal);
  cmd->callback([o, top, around, reveal] {
    auto c = open_case(*o);
    justify(*o, *c, store::operation::kConsult);
    const auto shown = pseudonyms_for(*o, *c, *reveal, "network");
    auto net = app::network_key_players(c->db(), *top, *around);
    for (auto& r : net.rows) {
      r.label = shown.label(r.id, r.label);
      for (auto& why : r.player.reasons) why = shown.scrub(why);
    }
    app::record_access(*c, actor_of(*o, *c), store::audit_action::kConsultation,
                       "network key players (top " + std::to_string(*top) + (*around ? ", around indicators" : "") + ")",
                       o->why);
    if (o->json) {
      nlohmann::ordered_json j{{"nodes", net.nodes}, {"edges", net.edges}};
      if (*around) j["flagged"] = net.flagged;
      auto& arr = j["key_players"] = nlohmann::ordered_json::array();
      for (const auto& r : net.rows) {
        const auto& k = r.player;
        arr.push_back({{"rank", r.rank},
                       {"id", escape_name(r.id)},
                       {"schema", r.schema},
                       {"label", escape_name(r.label)},
                       {"score", k.score},
                       {"pagerank", k.pagerank},
                       {"betweenness", k.betweenness},
                       {"constraint", std::isnan(k.constraint) ? nlohmann::json() : nlohmann::json(k.constraint)},
                       {"degree", k.degree},
                       {"coreness", k.coreness},
                       {"community", k.community},
                       {"sources", k.sources},
                       {"reasons", k.reasons}});
      }
      std::cout << j.dump(2) << "\n";
      return;
    }
    if (*around) {
      std::printf("around %zu flagged entities: ", net.flagged);
      if (net.flagged == 0) std::printf("(no indicators: run `corridor detect` first) ");
    }
    std::printf("%zu entities, %zu links\n", net.nodes, net.edges);
    std::printf("%4s  %-40s %-12s %-24s %6s %9s %11s %6s %5s\n", "rank", "entity", "schema", "caption / identifier",
                "score", "pagerank", "betweenness", "degree", "core");
    for (const auto& r : net.rows) {
      const auto& k = r.player;
      std::printf("%4zu  %-40s %-12s %-24s %6.3f %9.5f %11.1f %6u %5u\n", r.rank, escape_name(r.id).c_str(),
                  r.schema.c_str(), escape_name(r.label).c_str(), k.score, k.pagerank, k.betweenness, k.degree,
                  k.coreness);
      for (const auto& why : k.reasons) std::printf("%6s- %s\n", "", why.c_str());
    }
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

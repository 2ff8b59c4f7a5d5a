// corridor path CASE A B [--json]
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/network_analysis.hpp"
#include "app/path_json.hpp"
#include "app/record_access.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/escape.hpp"
#include "exchange/graphml.hpp"
#include "graph/case_graph.hpp"
#include "store/audit_ledger.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto a = std::make_shared<std::string>(), b = std::make_shared<std::string>();
  auto reveal = std::make_shared<bool>(false);
  auto* cmd = root.add_subcommand("path", "How two entities are connected: the shortest chain of links, with "
                                          "the statements behind each");
  add_case_options(cmd, *o, true);
  cmd->add_option("from", *a, "Entity id or identifier value (normalised, e.g. +33612345678)")->required();
  cmd->add_option("to", *b, "Entity id or identifier value")->required();
  add_reveal_option(cmd, *reveal);
  cmd->callback([o, a, b, reveal] {
    auto c = open_case(*o);
    justify(*o, *c, store::operation::kPerson);
    const auto shown = pseudonyms_for(*o, *c, *reveal, "path");
    const auto g = graph::load_case_graph(c->db());
    const auto from = app::find_entity(c->db(), g, *a);
    if (!from) throw Error("path", *a + ": no entity with this id or identifier value in the case network");
    const auto to = app::find_entity(c->db(), g, *b);
    if (!to) throw Error("path", *b + ": no entity with this id or identifier value in the case network");
    auto path = app::trace_path(c->db(), g, *from, *to);
    if (path) {
      for (std::size_t i = 0; i < path->nodes.size(); ++i)
        path->labels[i] = shown.label(g.node(path->nodes[i]).id, path->labels[i]);
      for (auto& step : path->steps)
        for (auto& x : step.statements) x.value = shown.value(x.entity_id, x.property, x.value);
    }
    // Whose data was read: every entity on the path (or the two ends when none).
    std::string object = "path " + g.node(*from).id + " " + g.node(*to).id + "; data of";
    if (path)
      for (const auto n : path->nodes) object += " " + g.node(n).id;
    else
      object += " " + g.node(*from).id + " " + g.node(*to).id;
    app::record_access(*c, actor_of(*o, *c), store::audit_action::kConsultation, object, o->why);
    if (!path) {
      if (o->json) {
        std::cout << nlohmann::ordered_json{{"from", escape_name(g.node(*from).id)},
                                            {"to", escape_name(g.node(*to).id)},
                                            {"path", nullptr}}
                         .dump(2)
                  << "\n";
      } else {
        std::fprintf(stderr, "no path: %s and %s are not connected in the case network\n", escape_name(*a).c_str(),
                     escape_name(*b).c_str());
      }
      set_exit(kDiffers);
      return;
    }
    if (o->json) {
      std::cout << app::path_json(g, *from, *to, *path).dump(2) << "\n";
      return;
    }
    std::printf("%zu hops from %s to %s\n", path->steps.size(), escape_name(g.node(*from).id).c_str(),
                escape_name(g.node(*to).id).c_str());
    auto show_node = [&](std::size_t i) {
      const auto& n = g.node(path->nodes[i]);
      std::printf("  %s (%s)%s%s\n", escape_name(n.id).c_str(), n.schema.c_str(), path->labels[i].empty() ? "" : " ",
                  escape_name(path->labels[i]).c_str());
    };
    show_node(0);
    for (std::size_t i = 0; i < path->steps.size(); ++i) {
      const auto& s = path->steps[i];
      const auto& e = g.edge(s.edge);
      const bool forward = e.source == s.from;
      std::printf("    %s %s, weight %g, %s .. %s\n", forward ? "-->" : "<--", graph::to_string(e.type), e.weight,
                  e.first == graph::kNoTime ? "undated" : exchange::time_text(e.first).c_str(),
                  e.last == graph::kNoTime ? "undated" : exchange::time_text(e.last).c_str());
      for (const auto& x : s.statements)
        std::printf("      statement %lld %s = %s  evidence %s  %s  (%s)\n", static_cast<long long>(x.id),
                    escape_name(x.property).c_str(), escape_name(x.value).c_str(),
                    x.evidence_sha256.substr(0, 12).c_str(), app::locator_text(x.locator).c_str(),
                    app::provenance_text(x).c_str());
      show_node(i + 1);
    }
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

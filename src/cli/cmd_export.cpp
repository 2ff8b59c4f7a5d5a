// corridor export CASE --format graphml|gexf|ftm|csv --out PATH
#include <cstdio>

#include "app/network_analysis.hpp"
#include "app/record_access.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "core/escape.hpp"
#include "graph/case_graph.hpp"
#include "store/audit_ledger.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto format = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  auto reveal = std::make_shared<bool>(false);
  auto* cmd = root.add_subcommand("export", "Write the case network for another tool (a disclosure, logged)");
  add_case_options(cmd, *o, false);
  cmd->add_option("--format", *format, "graphml (yEd, Gephi), gexf (Gephi timeline), ftm (Aleph), csv (i2)")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "ftm", "csv"}));
  cmd->add_option("--out", *out, "File to write; for csv, a folder receiving nodes.csv and edges.csv")->required();
  cmd->add_option("--to", *to, "The recipient of the disclosure (agency, court, person), recorded in the ledger")
      ->required();
  add_reveal_option(cmd, *reveal);
  cmd->callback([o, format, out, to, reveal] {
    auto c = open_case(*o);
    justify(*o, *c, store::operation::kExport);
    const auto shown = pseudonyms_for(*o, *c, *reveal, "export to " + *to);
    auto g = graph::load_case_graph(c->db());
    shown.relabel(g);
    // The disclosure is in the ledger before any byte of it leaves the case.
    app::record_access(*c, actor_of(*o, *c), store::audit_action::kDisclosure,
                       "network export " + *format + " (" + std::to_string(g.node_count()) + " entities, " +
                           std::to_string(g.edge_count()) + " links) to " + *to + " as " + *out,
                       o->why);
    const auto files = app::export_graph(c->db(), g, *app::export_format_from(*format), *out, &shown);
    for (const auto& f : files) std::printf("wrote %s\n", escape_name(f.string()).c_str());
    std::printf("%zu entities, %zu links\n", g.node_count(), g.edge_count());
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

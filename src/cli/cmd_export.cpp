// corridor export CASE --format graphml|gexf|ftm|csv --out PATH
#include <cstdio>

#include "app/network_analysis.hpp"
#include "app/record_access.hpp"
#include "cli/case_options.hpp"
#include "cli/command.hpp"
#include "graph/case_graph.hpp"
#include "store/audit_ledger.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto format = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto* cmd = root.add_subcommand("export", "Write the case network for another tool (a disclosure, logged)");
  add_case_options(cmd, *o, false);
  cmd->add_option("--format", *format, "graphml (yEd, Gephi), gexf (Gephi timeline), ftm (Aleph), csv (i2)")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "ftm", "csv"}));
  cmd->add_option("--out", *out, "File to write; for csv, a folder receiving nodes.csv and edges.csv")->required();
  cmd->callback([o, format, out] {
    auto c = open_case(*o);
    const auto g = graph::load_case_graph(c->db());
    const auto files = app::export_graph(c->db(), g, *app::export_format_from(*format), *out);
    app::record_access(*c, actor_of(*o, *c), store::audit_action::kDisclosure,
                       "network export " + *format + " (" + std::to_string(g.node_count()) + " entities, " +
                           std::to_string(g.edge_count()) + " links) to " + *out,
                       o->why);
    for (const auto& f : files) std::printf("wrote %s\n", f.string().c_str());
    std::printf("%zu entities, %zu links\n", g.node_count(), g.edge_count());
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

// corridor unmerge CASE ENTITY --reason TEXT [--cluster] [--json]
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/resolve_case.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto entity = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  auto cluster = std::make_shared<bool>(false);
  auto* cmd = root.add_subcommand("unmerge", "Undo a merge: the entity gets its own canonical id back, the pairs are "
                                             "kept apart in later resolve runs, the decision is logged");
  add_case_options(cmd, *o, true);
  cmd->add_option("entity", *entity, "Entity id (corridor resolve CASE lists the clusters)")->required();
  cmd->add_option("--reason", *reason, "Why: the reviewer's words, kept with the decision")->required();
  cmd->add_flag("--cluster", *cluster, "Split the entity's whole cluster");
  cmd->callback([o, entity, reason, cluster] {
    auto c = open_case(*o);
    justify(*o, *c, store::operation::kAlter);
    const auto r = app::unmerge_entity(*c, *entity, *cluster, actor_of(*o, *c), *reason);
    if (o->json) {
      std::cout << nlohmann::ordered_json{{"former_canonical", r.former_canonical},
                                          {"restored", r.restored},
                                          {"remaining", r.remaining},
                                          {"remaining_canonical", r.remaining_canonical},
                                          {"kept_apart", r.kept_apart},
                                          {"dismissed_indicators", r.dismissed}}
                       .dump(2)
                << "\n";
      return;
    }
    for (const auto& id : r.restored) std::printf("restored %s\n", id.c_str());
    if (!r.remaining.empty())
      std::printf("%zu others stay merged under %s\n", r.remaining.size(), r.remaining_canonical.c_str());
    std::printf("%zu pairs kept apart from now on, %zu indicators dismissed\n", r.kept_apart, r.dismissed);
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

// corridor erase CASE ENTITY --legal-basis TEXT --why TEXT [--json]
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/erase_entity.hpp"
#include "cli/case_options.hpp"
#include "cli/command.hpp"
#include "store/case_policy.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto entity = std::make_shared<std::string>();
  auto basis = std::make_shared<std::string>();
  auto* cmd = root.add_subcommand(
      "erase", "Erase an entity's data from the case (LED Art. 16): its statements, the statements naming it, the "
               "indicators about it; tombstones keep the ledger verifiable, ledger entries naming it are redacted; "
               "evidence files are never altered");
  add_case_options(cmd, *o, true);
  cmd->add_option("entity", *entity, "Entity id (its whole cluster of merged entities is erased)")->required();
  cmd->add_option("--legal-basis", *basis, "The provision the erasure rests on, recorded in the ledger")->required();
  cmd->callback([o, entity, basis] {
    auto c = open_case(*o);
    require_why(*o, "an erasure");
    justify(*o, *c, store::operation::kErase);
    const auto r = app::erase_entity(*c, *entity, *basis, actor_of(*o, *c), o->why);
    if (o->json) {
      std::cout << nlohmann::ordered_json{{"entities", r.entities},
                                          {"statements", r.statements},
                                          {"statements_naming_it", r.references},
                                          {"indicators", r.indicators},
                                          {"reviews", r.reviews},
                                          {"reasons", r.reasons},
                                          {"reasons_kept", r.reasons_kept},
                                          {"categories", r.categories},
                                          {"kept_apart", r.kept_apart},
                                          {"redacted_entries", r.redacted_entries},
                                          {"entry", r.entry}}
                       .dump(2)
                << "\n";
      return;
    }
    std::printf("erased %zu entities: %zu statements, %zu statements naming them, %zu indicators, %zu reasons "
                "(%zu kept, citing what remains); %zu ledger entries redacted; ledger entry %lld\n",
                r.entities.size(), r.statements, r.references, r.indicators, r.reasons, r.reasons_kept,
                r.redacted_entries, static_cast<long long>(r.entry));
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

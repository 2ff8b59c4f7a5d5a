// corridor restrict CASE [ENTITY --why TEXT [--lift]] [--list] [--json]
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/record_access.hpp"
#include "app/restrict_entity.hpp"
#include "cli/case_options.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/escape.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto entity = std::make_shared<std::string>();
  auto lift = std::make_shared<bool>(false);
  auto* cmd = root.add_subcommand(
      "restrict", "Restrict the processing of an entity's data (LED Art. 16(3)): withheld from every listing and "
                  "export, even with --reveal; without ENTITY, list the restrictions in force (the auditor's review)");
  add_case_options(cmd, *o, true);
  cmd->add_option("entity", *entity, "Entity id to restrict (or, with --lift, to release)");
  cmd->add_flag("--lift", *lift, "Lift the entity's restriction");
  cmd->callback([o, entity, lift] {
    auto c = open_case(*o);
    const std::string actor = actor_of(*o, *c);
    if (!entity->empty()) {
      require_why(*o, *lift ? "lifting a restriction" : "a restriction");
      justify(*o, *c, store::operation::kErase);
      app::restrict_entity(*c, *entity, !*lift, actor, o->why);
    } else {
      if (*lift) throw Error("restrict", "--lift needs the ENTITY whose restriction to lift", 2);
      justify(*o, *c, store::operation::kConsult);
      app::record_access(*c, actor, store::audit_action::kConsultation, "restrictions in force", o->why);
    }
    const auto in_force = app::restrictions_in_force(c->db());
    if (o->json) {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& r : in_force)
        arr.push_back({{"entity", r.entity}, {"by", escape_name(r.actor)}, {"why", escape_name(r.why)}, {"at", r.at}});
      std::cout << nlohmann::ordered_json{{"restricted", arr}}.dump(2) << "\n";
      return;
    }
    std::printf("%zu restricted\n", in_force.size());
    for (const auto& r : in_force)
      std::printf("  %s  by %s at %s: %s\n", r.entity.c_str(), escape_name(r.actor).c_str(), r.at.c_str(),
                  escape_name(r.why).c_str());
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

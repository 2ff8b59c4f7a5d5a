// corridor subject CASE ENTITY [--category C --why TEXT] [--json]
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/record_access.hpp"
#include "app/subject_category.hpp"
#include "cli/case_options.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto entity = std::make_shared<std::string>();
  auto category = std::make_shared<std::string>();
  auto* cmd = root.add_subcommand(
      "subject", "Show or record an entity's data-subject category (LED Art. 6): suspect, smuggled-migrant, victim, "
                 "witness, informant, unknown; a person's assessment, logged");
  add_case_options(cmd, *o, true);
  cmd->add_option("entity", *entity, "Entity id (a person, or an identifier)")->required();
  cmd->add_option("--category", *category, "The category to record (needs --why)")
      ->check(CLI::IsMember({"suspect", "smuggled-migrant", "victim", "witness", "informant", "unknown"}));
  cmd->callback([o, entity, category] {
    auto c = open_case(*o);
    const std::string actor = actor_of(*o, *c);
    if (!category->empty()) {
      require_why(*o, "recording a data-subject category");
      justify(*o, *c, store::operation::kAlter);
      app::categorise_subject(*c, *entity, *category, actor, o->why);
    } else {
      justify(*o, *c, store::operation::kPerson);
      app::record_access(*c, actor, store::audit_action::kConsultation, "subject category; data of " + *entity, o->why);
    }
    store::SubjectCategories categories(c->db());
    const auto history = categories.history(*entity);
    nlohmann::ordered_json j{{"entity", *entity}, {"category", categories.category_of(*entity)}};
    auto& h = j["history"] = nlohmann::ordered_json::array();
    for (const auto& x : history)
      h.push_back({{"entity", x.entity}, {"category", x.category}, {"kind", "assessment"}, {"by", x.actor},
                   {"why", x.why}, {"at", x.at}});
    if (o->json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::printf("%s: %s\n", entity->c_str(), j["category"].get<std::string>().c_str());
    for (const auto& x : history)
      std::printf("  %s  %s (assessment by %s): %s\n", x.at.c_str(), x.category.c_str(), x.actor.c_str(), x.why.c_str());
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

#include "cli/case_options.hpp"

#include "app/actor.hpp"

namespace corridor::cli {

void add_case_options(CLI::App* cmd, CaseOptions& o, bool json) {
  cmd->add_option("case", o.dir, "Case folder")->required();
  cmd->add_option("--actor", o.actor, "Who is acting (default: $CORRIDOR_ACTOR, else the case examiner)");
  cmd->add_option("--why", o.why, "Justification, recorded in the audit ledger");
  if (json) cmd->add_flag("--json", o.json, "Print JSON instead of a table");
}

std::unique_ptr<store::CaseFolder> open_case(const CaseOptions& o) { return store::CaseFolder::open(o.dir); }

std::string actor_of(const CaseOptions& o, store::CaseFolder& c) { return app::resolve_actor(o.actor, c); }

}  // namespace corridor::cli

#include "cli/case_options.hpp"


#include "app/actor.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"

namespace corridor::cli {

namespace {
bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n\v\f") == std::string::npos; }
}  // namespace

void add_case_options(CLI::App* cmd, CaseOptions& o, bool json) {
  cmd->add_option("case", o.dir, "Case folder")->required();
  cmd->add_option("--actor", o.actor, "Who is acting (default: $CORRIDOR_ACTOR, else the case examiner)");
  cmd->add_option("--why", o.why, "Justification, recorded in the audit ledger (the case policy may require it)")
      ->check([](const std::string& v) { return blank(v) ? std::string("a justification cannot be blank") : std::string(); });
  if (json) cmd->add_flag("--json", o.json, "Print JSON instead of a table");
}

std::unique_ptr<store::CaseFolder> open_case(const CaseOptions& o) { return store::CaseFolder::open(o.dir); }

std::string actor_of(const CaseOptions& o, store::CaseFolder& c) { return app::resolve_actor(o.actor, c); }

void justify(const CaseOptions& o, store::CaseFolder& c, std::string_view kind) {
  if (!o.why.empty()) return;
  if (store::PolicyStore(c.db()).read().requires_why(kind))
    throw Error(o.dir, "the case policy requires a justification for " + std::string(kind) +
                           " operations: give --why \"...\" (see 'corridor case policy')",
                kUsage);
}

void require_why(const CaseOptions& o, std::string_view what) {
  if (o.why.empty()) throw Error(o.dir, std::string(what) + " needs --why \"...\"", kUsage);
}

void add_reveal_option(CLI::App* cmd, bool& reveal) {
  cmd->add_flag("--reveal", reveal,
                "Show smuggled migrants and victims by name instead of pseudonyms (needs --why; logged)");
}

app::Pseudonyms pseudonyms_for(const CaseOptions& o, store::CaseFolder& c, bool reveal, std::string_view output) {
  if (!reveal) return app::Pseudonyms::of_case(c);
  require_why(o, "--reveal");
  return app::reveal_logged(c, actor_of(o, c), output, o.why);
}

}  // namespace corridor::cli

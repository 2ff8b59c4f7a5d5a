// corridor review CASE ID (--confirm | --dismiss | --reopen) --reason TEXT
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/review_indicator.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "core/escape.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto id = std::make_shared<std::int64_t>(0);
  auto reason = std::make_shared<std::string>();
  auto confirm = std::make_shared<bool>(false), dismiss = std::make_shared<bool>(false),
       reopen = std::make_shared<bool>(false);
  auto* cmd = root.add_subcommand("review", "Confirm or dismiss an indicator, with the reason; the decision is "
                                            "logged in the audit ledger");
  add_case_options(cmd, *o, true);
  cmd->add_option("id", *id, "Indicator number (corridor indicators CASE)")->required()->check(CLI::PositiveNumber);
  auto* c1 = cmd->add_flag("--confirm", *confirm, "The indicator is borne out by the evidence");
  auto* c2 = cmd->add_flag("--dismiss", *dismiss, "The indicator is not borne out");
  auto* c3 = cmd->add_flag("--reopen", *reopen, "Put a reviewed indicator back to open");
  c1->excludes(c2)->excludes(c3);
  c2->excludes(c3);
  cmd->add_option("--reason", *reason, "Why: the reviewer's words, kept with the decision")->required();
  cmd->callback([o, id, reason, confirm, dismiss, reopen] {
    if (!*confirm && !*dismiss && !*reopen) throw CLI::ValidationError("review", "choose --confirm, --dismiss or --reopen");
    const ReviewState d = *confirm ? ReviewState::Confirmed : *dismiss ? ReviewState::Dismissed : ReviewState::Open;
    auto c = open_case(*o);
    justify(*o, *c, store::operation::kAlter);
    const auto r = app::review_indicator(*c, *id, d, actor_of(*o, *c), *reason);
    if (o->json) {
      std::cout << nlohmann::ordered_json{{"indicator", r.indicator}, {"decision", to_string(r.decision)},
                                          {"actor", escape_name(r.actor)}, {"reason", escape_name(r.reason)},
                                          {"at", r.at}}
                       .dump(2)
                << "\n";
      return;
    }
    std::printf("indicator %lld %s by %s\n", static_cast<long long>(r.indicator), to_string(r.decision),
                escape_name(r.actor).c_str());
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

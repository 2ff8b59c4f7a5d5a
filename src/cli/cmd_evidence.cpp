// corridor evidence CASE [--json] [--custody]
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/evidence_json.hpp"
#include "app/record_access.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "core/escape.hpp"
#include "store/audit_ledger.hpp"
#include "store/evidence_store.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto show_custody = std::make_shared<bool>(false);
  auto* cmd = root.add_subcommand("evidence", "List the evidence items of a case with their acquisition");
  add_case_options(cmd, *o, true);
  cmd->add_flag("--custody", *show_custody, "Also print each item's chain of custody");
  cmd->callback([o, show_custody] {
    auto c = open_case(*o);
    justify(*o, *c, store::operation::kConsult);
    store::EvidenceStore st(c->db());
    const auto items = st.list();
    app::record_access(*c, actor_of(*o, *c), store::audit_action::kConsultation, "evidence list", o->why);
    if (o->json) {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& e : items) arr.push_back(app::evidence_json(e, st.custody(e.sha256), st.withdrawal(e.id)));
      std::cout << arr.dump(2) << "\n";
      return;
    }
    std::printf("%-4s %-64s %12s  %-28s %s\n", "id", "sha256", "size", "media type", "name / acquisition");
    for (const auto& e : items) {
      std::printf("%-4lld %-64s %12llu  %-28s %s\n", static_cast<long long>(e.id), e.sha256.c_str(),
                  static_cast<unsigned long long>(e.size), escape_name(e.media_type).c_str(),
                  escape_name(e.original_name).c_str());
      const auto& a = e.acquisition;
      if (!a.acquired_by.empty() || !a.legal_basis.empty())
        std::printf("%*s acquired by %s; %s; %s\n", 84, "", escape_name(a.acquired_by).c_str(),
                    escape_name(a.method).c_str(), escape_name(a.legal_basis).c_str());
      if (e.parent_sha256) std::printf("%*s extracted from %s\n", 84, "", e.parent_sha256->c_str());
      if (const auto w = st.withdrawal(e.id))
        std::printf("%*s WITHDRAWN on %s by %s; %s\n", 84, "", escape_name(w->at).c_str(), escape_name(w->actor).c_str(),
                    escape_name(w->legal_basis).c_str());
      if (*show_custody)
        for (const auto& ev : st.custody(e.sha256))
          std::printf("%*s %s  %-14s %s (%s)\n", 6, "", escape_name(ev.at).c_str(), to_string(ev.action),
                      escape_name(ev.actor).c_str(), escape_name(ev.tool).c_str());
    }
    std::printf("%zu items\n", items.size());
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

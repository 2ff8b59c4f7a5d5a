// corridor verify CASE : re-hash everything, check the ledger; exit 1 naming what differs.
#include <fstream>
#include <iostream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "app/verify_case.hpp"
#include "cli/case_options.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/escape.hpp"
#include "core/progress.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto* cmd = root.add_subcommand("verify", "Re-hash every evidence item and check the audit ledger (exit 1 if anything differs)");
  add_case_options(cmd, *o, true);
  auto against = std::make_shared<std::string>();
  cmd->add_option("--against", *against,
                  "A checkpoint saved earlier by 'corridor log --checkpoint': fail unless the ledger extends it");
  cmd->callback([o, against] {
    auto c = open_case(*o);
    app::VerifyOptions opt;
    opt.progress = progress_wanted();
    if (!against->empty()) {
      std::ifstream in(*against);
      if (!in) throw Error(*against, "cannot read the saved checkpoint");
      std::stringstream text;
      text << in.rdbuf();
      opt.against = app::checkpoint_from_json(text.str(), *against);
    }
    auto r = app::verify_case(*c, opt);
    // Problems and notes name evidence items: escaped (core/escape.hpp).
    std::vector<std::string> problems, notes;
    for (const auto& p : r.problems) problems.push_back(escape_name(p));
    for (const auto& n : r.notes) notes.push_back(escape_name(n));
    if (o->json) {
      nlohmann::ordered_json j{{"ok", r.ok()},
                               {"items_checked", r.items_checked},
                               {"ledger_entries", r.ledger_entries},
                               {"signed_entries", r.signed_entries},
                               {"redacted_entries", r.redacted},
                               {"problems", problems},
                               {"notes", notes}};
      std::cout << j.dump(2) << "\n";
    } else {
      for (const auto& p : problems) std::cout << "DIFFERS  " << p << "\n";
      for (const auto& n : notes) std::cout << "note     " << n << "\n";
      for (const auto seq : r.redacted) std::cout << "redacted audit entry " << seq << " (content lawfully erased; the chain still verifies)\n";
      std::cout << (r.ok() ? "OK: " : "FAILED: ") << r.items_checked << " evidence items, " << r.ledger_entries
                << " audit entries, every row under the ledger checked; " << r.problems.size() << " problems\n";
    }
    if (!r.ok()) set_exit(kDiffers);
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

// corridor add CASE FILE... : evidence into the vault with custody.
#include <iostream>

#include "app/add_evidence.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "core/escape.hpp"
#include "core/progress.hpp"

namespace corridor::cli {
namespace {

struct AddOptions {
  CaseOptions c;
  std::vector<std::string> files;
  Acquisition acq;
};

void setup(CLI::App& root) {
  auto o = std::make_shared<AddOptions>();
  auto* cmd = root.add_subcommand("add", "Add evidence files to a case: hash, store read-only, record custody");
  add_case_options(cmd, o->c, false);
  cmd->add_option("files", o->files, "Evidence files")->required();
  cmd->add_option("--acquired-by", o->acq.acquired_by, "Who seized or collected the evidence");
  cmd->add_option("--acquired-at", o->acq.acquired_at, "When it was acquired (UTC, ISO 8601)");
  cmd->add_option("--method", o->acq.method, "How: \"logical extraction\", \"OSINT capture\"...");
  cmd->add_option("--legal-basis", o->acq.legal_basis, "Warrant or other legal basis");
  cmd->add_option("--tool", o->acq.tool, "Tool that acquired it");
  cmd->callback([o] {
    auto c = open_case(o->c);
    justify(o->c, *c, store::operation::kCollect);
    app::AddRequest req;
    for (const auto& f : o->files) req.files.emplace_back(f);
    req.acquisition = o->acq;
    req.actor = actor_of(o->c, *c);
    req.why = o->c.why;
    req.progress = progress_wanted();
    for (const auto& a : app::add_evidence(*c, req))
      std::cout << (a.new_in_case ? "added   " : "known   ") << a.evidence.sha256 << "  " << a.evidence.size
                << " bytes  " << escape_name(a.evidence.media_type) << "  " << escape_name(a.source.string()) << "\n";
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

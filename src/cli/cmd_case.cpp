// corridor case init | info
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/case_options.hpp"
#include "cli/command.hpp"
#include "core/escape.hpp"
#include "store/audit_ledger.hpp"
#include "store/schema.hpp"
#include "store/statement_store.hpp"

namespace corridor::cli {
namespace {

void setup(CLI::App& root) {
  auto* cmd = root.add_subcommand("case", "Create or describe a case folder");
  cmd->require_subcommand(1);

  struct Init {
    std::string dir, title, examiner;
  };
  auto init = std::make_shared<Init>();
  auto* ini = cmd->add_subcommand("init", "Create a new case folder (case.db, vault/, signing key)");
  ini->add_option("case", init->dir, "Folder to create (must not exist or be empty)")->required();
  ini->add_option("--title", init->title, "Case title, e.g. \"Operation Sahel\"")->required();
  ini->add_option("--examiner", init->examiner, "Examiner responsible for the case")->required();
  ini->callback([init] {
    auto c = store::CaseFolder::init(init->dir, init->title, init->examiner);
    std::cout << "created case \"" << escape_name(init->title) << "\" in " << escape_name(init->dir) << " (case id "
              << c->meta("case_id") << ")\n";
  });

  auto o = std::make_shared<CaseOptions>();
  auto* info = cmd->add_subcommand("info", "Show a case's title, examiner, key and counts");
  add_case_options(info, *o, true);
  info->callback([o] {
    auto c = open_case(*o);
    store::StatementStore st(c->db());
    store::AuditLedger ledger(c->db());
    nlohmann::ordered_json j{{"title", escape_name(c->meta("title"))}, {"examiner", escape_name(c->meta("examiner"))},
                             {"case_id", c->meta("case_id")},     {"created_at", c->meta("created_at")},
                             {"public_key", c->meta("public_key")}, {"schema_version", store::schema_version()},
                             {"entities", st.count_entities()},   {"statements", st.count_statements()},
                             {"audit_entries", ledger.size()}};
    if (o->json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    for (auto& [k, v] : j.items()) std::cout << k << ": " << (v.is_string() ? v.get<std::string>() : v.dump()) << "\n";
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

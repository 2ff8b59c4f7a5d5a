// corridor case init | info
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/case_policy_change.hpp"
#include "cli/case_options.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/time.hpp"
#include "core/escape.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"
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
  auto* info = cmd->add_subcommand("info", "Show a case's title, examiner, key, policy and counts");
  add_case_options(info, *o, true);
  info->callback([o] {
    auto c = open_case(*o);
    store::StatementStore st(c->db());
    store::AuditLedger ledger(c->db());
    const auto policy = store::PolicyStore(c->db()).read();
    const bool due = app::retention_review_due(policy, utc_now().substr(0, 10));
    nlohmann::ordered_json j{{"title", escape_name(c->meta("title"))}, {"examiner", escape_name(c->meta("examiner"))},
                             {"case_id", c->meta("case_id")},     {"created_at", c->meta("created_at")},
                             {"public_key", c->meta("public_key")}, {"schema_version", store::schema_version()},
                             {"entities", st.count_entities()},   {"statements", st.count_statements()},
                             {"audit_entries", ledger.size()},    {"review_by", policy.review_by},
                             {"retention_review_due", due}};
    if (due)
      std::fprintf(stderr, "corridor: warning: the retention review date of this case (%s) has passed: review "
                           "whether its data may still be kept\n", policy.review_by.c_str());
    if (o->json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    for (auto& [k, v] : j.items()) std::cout << k << ": " << (v.is_string() ? v.get<std::string>() : v.dump()) << "\n";
  });

  struct PolicyArgs {
    std::string require_why, review_by, auto_merge_above;
  };
  auto po = std::make_shared<CaseOptions>();
  auto pa = std::make_shared<PolicyArgs>();
  auto* pol = cmd->add_subcommand("policy", "Show or change the case policy (changes need --why; logged)");
  add_case_options(pol, *po, true);
  pol->add_option("--require-why", pa->require_why,
                  "Kinds of operation that need --why, comma-separated: collect, consult, person, export, combine, "
                  "alter, erase (default: export,person)");
  pol->add_option("--review-by", pa->review_by, "Date (YYYY-MM-DD) by which the case's retention must be reviewed");
  pol->add_option("--auto-merge-above", pa->auto_merge_above,
                  "Let resolve apply merges at or above this probability without a person's review, or 'off' "
                  "(the default: every merge is a proposal)");
  pol->callback([po, pa] {
    auto c = open_case(*po);
    std::vector<app::PolicySetting> settings;
    if (!pa->require_why.empty()) settings.push_back({"require_why", pa->require_why == "none" ? "" : pa->require_why});
    if (!pa->review_by.empty()) settings.push_back({"review_by", pa->review_by});
    if (!pa->auto_merge_above.empty())
      settings.push_back({"auto_merge_above", pa->auto_merge_above == "off" ? "" : pa->auto_merge_above});
    store::CasePolicy p;
    if (settings.empty()) {
      p = store::PolicyStore(c->db()).read();
    } else {
      require_why(*po, "a change of the case policy");
      p = app::change_case_policy(*c, settings, actor_of(*po, *c), po->why);
    }
    std::string kinds;
    for (const auto& k : p.require_why) kinds += (kinds.empty() ? "" : ",") + k;
    std::vector<std::string> stopped(p.stopped_detectors.begin(), p.stopped_detectors.end());
    nlohmann::ordered_json j{{"require_why", kinds},
                             {"review_by", p.review_by},
                             {"auto_merge_above", p.auto_merge_above ? nlohmann::json(*p.auto_merge_above) : nlohmann::json()},
                             {"stopped_detectors", stopped}};
    if (po->json) {
      std::cout << j.dump(2) << "\n";
      return;
    }
    for (auto& [k, v] : j.items()) std::cout << k << ": " << (v.is_string() ? v.get<std::string>() : v.dump()) << "\n";
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

// corridor log CASE [--json] [--proof N]
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/record_access.hpp"
#include "app/verify_case.hpp"
#include "core/error.hpp"
#include "cli/case_options.hpp"
#include "store/case_policy.hpp"
#include "cli/command.hpp"
#include "core/escape.hpp"
#include "store/audit_ledger.hpp"

namespace corridor::cli {
namespace {

// Actors, objects (which name files) and justifications are escaped (core/escape.hpp);
// the hashes are of the entry's original bytes, which unescape_name gives back.
nlohmann::ordered_json entry_json(const AuditEntry& e) {
  return {{"seq", e.seq},
          {"at", escape_name(e.at)},
          {"actor", escape_name(e.actor)},
          {"os_user", escape_name(e.os_user)},
          {"action", escape_name(e.action)},
          {"object", escape_name(e.object)},
          {"why", escape_name(e.justification)},
          {"rows", e.rows},
          {"redacted", escape_name(e.redacted)},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash}};
}

void print_proof(const store::InclusionProof& p, bool json) {
  nlohmann::ordered_json j{{"entry", entry_json(p.entry)},
                           {"canonical", escape_name(p.entry.canonical())},
                           {"leaf_hash", p.leaf_hash},
                           {"tree_size", p.tree_size},
                           {"root", p.root},
                           {"path", p.path}};
  if (p.checkpoint)
    j["checkpoint"] = {{"id", p.checkpoint->id},
                       {"tree_size", p.checkpoint->tree_size},
                       {"root", p.checkpoint->root},
                       {"at", p.checkpoint->at},
                       {"signature", p.checkpoint->signature},
                       {"signed_message", p.checkpoint->message()}};
  if (json) {
    std::cout << j.dump(2) << "\n";
    return;
  }
  std::cout << "entry " << p.entry.seq << ": " << escape_name(p.entry.action) << " " << escape_name(p.entry.object)
            << "\n"
            << "leaf hash  " << p.leaf_hash << "  (SHA-256 of 0x00 || canonical entry)\n"
            << "tree size  " << p.tree_size << "\nroot       " << p.root << "\n";
  for (std::size_t i = 0; i < p.path.size(); ++i) std::cout << "path[" << i << "]    " << p.path[i] << "\n";
  if (p.checkpoint)
    std::cout << "signed checkpoint " << p.checkpoint->id << " at " << p.checkpoint->at << ": "
              << p.checkpoint->signature << "\n";
}

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto proof = std::make_shared<long long>(-1);
  auto checkpoint = std::make_shared<bool>(false);
  auto* cmd = root.add_subcommand("log", "Show the audit ledger, or an RFC 9162 inclusion proof of one entry");
  add_case_options(cmd, *o, true);
  cmd->add_option("--proof", *proof, "Print the inclusion proof of entry N (numbered from 0)");
  cmd->add_flag("--checkpoint", *checkpoint,
                "Print the latest signed checkpoint as JSON (keep it outside the case; 'verify --against' checks "
                "the ledger still extends it)");
  cmd->callback([o, proof, checkpoint] {
    auto c = open_case(*o);
    justify(*o, *c, store::operation::kConsult);
    store::AuditLedger ledger(c->db());
    if (*checkpoint) {
      // Read only: the checkpoint printed is the one that covers the ledger as it is.
      auto cp = ledger.latest_checkpoint();
      if (!cp) throw Error(o->dir, "the case has no signed checkpoint", Error::kCase);
      std::cout << app::checkpoint_json(*cp, c->meta("case_id"), c->public_key_hex()) << "\n";
      return;
    }
    if (*proof >= 0) {
      auto p = ledger.prove(*proof);  // before logging, so the proof is of the ledger as asked
      app::record_access(*c, actor_of(*o, *c), store::audit_action::kConsultation,
                         "audit log proof " + std::to_string(*proof), o->why);
      print_proof(p, o->json);
      return;
    }
    auto entries = ledger.entries();
    auto cps = ledger.checkpoints();
    app::record_access(*c, actor_of(*o, *c), store::audit_action::kConsultation, "audit log", o->why);
    if (o->json) {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& e : entries) arr.push_back(entry_json(e));
      std::cout << arr.dump(2) << "\n";
      return;
    }
    for (const auto& e : entries)
      std::printf("%5lld  %s  %-13s %-20s %s%s%s\n", static_cast<long long>(e.seq), escape_name(e.at).c_str(),
                  escape_name(e.action).c_str(), escape_name(e.actor).c_str(), escape_name(e.object).c_str(),
                  e.justification.empty() ? "" : "  -- ", escape_name(e.justification).c_str());
    if (!cps.empty())
      std::printf("last signed checkpoint: size %lld root %s\n", static_cast<long long>(cps.back().tree_size),
                  cps.back().root.c_str());
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

// corridor withdraw CASE ITEM --legal-basis TEXT --why TEXT [--hand-over DIR] [--json]
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/withdraw_evidence.hpp"
#include "cli/case_options.hpp"
#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/escape.hpp"
#include "store/case_policy.hpp"

namespace corridor::cli {
namespace {

// " and N items extracted from it" (an archive's members, an attachment), nothing for none.
std::string extracted_items(std::size_t n) {
  if (n == 0) return "";
  return " and " + std::to_string(n) + (n == 1 ? " item" : " items") + " extracted from it";
}

void print(const app::WithdrawalReport& r, bool json) {
  if (json) {
    auto items = nlohmann::ordered_json::array();
    for (const auto& e : r.items) items.push_back({{"id", e.id}, {"sha256", e.sha256}, {"name", escape_name(e.original_name)}});
    auto handed = nlohmann::ordered_json::array();
    for (const auto& p : r.handed_over) handed.push_back(escape_name(p.string()));
    std::cout << nlohmann::ordered_json{{"items", items},
                                        {"already_withdrawn", r.already},
                                        {"statements", r.statements},
                                        {"ais_rows", r.ais_rows},
                                        {"entities", r.entities},
                                        {"indicators", r.indicators},
                                        {"reviews", r.reviews},
                                        {"reasons", r.reasons},
                                        {"reasons_kept", r.reasons_kept},
                                        {"handed_over", handed},
                                        {"still_in_vault", r.still_in_vault},
                                        {"entry", r.entry}}
                     .dump(2)
              << "\n";
    return;
  }
  if (r.already)
    std::printf("evidence %lld was withdrawn before; removed the vault copies left behind\n",
                static_cast<long long>(r.items.front().id));
  else
    std::printf("withdrew evidence %lld (%s)%s: %zu statements, %zu AIS rows, %zu entities, %zu indicators (%zu "
                "reviews), %zu reasons (%zu kept, citing what remains); ledger entry %lld\n",
                static_cast<long long>(r.items.front().id), escape_name(r.items.front().original_name).c_str(),
                extracted_items(r.items.size() - 1).c_str(), r.statements, r.ais_rows, r.entities, r.indicators,
                r.reviews, r.reasons, r.reasons_kept, static_cast<long long>(r.entry));
  for (const auto& p : r.handed_over) std::printf("handed over: %s\n", escape_name(p.string()).c_str());
  for (const auto& w : r.still_in_vault)
    std::fprintf(stderr, "corridor: could not remove %s; run withdraw again\n", escape_name(w).c_str());
}

void setup(CLI::App& root) {
  auto o = std::make_shared<CaseOptions>();
  auto req = std::make_shared<app::WithdrawalRequest>();
  auto hand_over = std::make_shared<std::string>();
  auto* cmd = root.add_subcommand(
      "withdraw",
      "Withdraw an exhibit from the case (collected unlawfully, or excluded by a court): what was derived from it and "
      "from the items extracted from it is deleted under tombstones, its custody records the withdrawal, its vault "
      "copy is removed (after --hand-over DIR, a checked copy); its bytes cannot be added again");
  add_case_options(cmd, *o, true);
  cmd->add_option("item", req->item, "Evidence id or SHA-256 (see `corridor evidence`)")->required();
  cmd->add_option("--legal-basis", req->legal_basis, "The order or provision the withdrawal rests on, recorded in custody and the ledger")
      ->required();
  cmd->add_option("--hand-over", *hand_over, "Copy the bytes into this folder (outside the case) before removing them");
  cmd->callback([o, req, hand_over] {
    auto c = open_case(*o);
    require_why(*o, "a withdrawal");
    justify(*o, *c, store::operation::kErase);
    req->why = o->why;
    req->actor = actor_of(*o, *c);
    req->hand_over = *hand_over;
    const auto r = app::withdraw_evidence(*c, *req);
    print(r, o->json);
    if (!r.still_in_vault.empty()) throw Error("vault", "the withdrawal is recorded, but copies are left", Error::kCase);
  });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

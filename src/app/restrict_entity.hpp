#pragma once
// Restriction of processing (LED Art. 16(3)): a restricted entity's data (its name, its
// identifiers, every value of its statements) is withheld from every listing and export,
// even one made with --reveal; only the auditor's review (`corridor restrict CASE --list`,
// the ledger) names it. A person restricts and lifts, with a reason; each is a row under
// the ledger, the latest of the entity's cluster in force.
#include <string>
#include <vector>

#include "store/case_folder.hpp"

namespace corridor::app {

struct Restriction {
  std::string entity, actor, why, at;
};

// `restricted` false lifts a restriction. Throws (exit 2) without a reason, (exit 3) for an
// entity the case does not have.
void restrict_entity(store::CaseFolder& c, const std::string& entity, bool restricted, const std::string& actor,
                     const std::string& why);
// The restrictions in force, by cluster: the latest row of each cluster restricts it.
std::vector<Restriction> restrictions_in_force(store::Db& db);
// The canonical ids of the restricted clusters.
std::vector<std::string> restricted_clusters(store::Db& db);

}  // namespace corridor::app

#pragma once
// Person resolution on a case (issue 6): load the persons from the statements, match them
// (Fellegi–Sunter with blocking and hub identifiers kept out), and write each merge as an
// assessment: the members' canonical id set to the cluster's smallest entity id, a
// "sameAs" assessment statement per merged entity, and a "resolve.same_person" indicator
// per accepted match whose reasons cite the statements compared. A person can undo any
// of it (unmerge_entity), and later runs honour that decision.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "resolve/hubs.hpp"
#include "resolve/linker.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

inline constexpr const char* kResolveExtractor = "resolve@1";
inline constexpr const char* kSamePersonDetector = "resolve.same_person";

struct ResolveSettings {
  double threshold = 0.9;  // match probability to merge
  bool dry_run = false;    // compute and report, write nothing
  // A merge needs a field beside the names to speak for it: birth date, document, phone
  // or account. Display names repeat across thousands of accounts ("Khadija Tahiri"
  // nine times in the demo's posts) and the model cannot tell those people apart.
  bool corroboration = true;
  resolve::HubPolicy hubs;
};

// One accepted match between two persons, or one a person's decision refused.
struct PersonLink {
  std::string a, b;  // entity ids, a < b
  double probability = 0;
  double weight = 0;  // log2 odds
  std::vector<resolve::FieldReason> reasons;
  std::string explain;  // "match weight 12.3 (p=1.000): given name exact +6.2; ..."
};

struct PersonCluster {
  std::string canonical;  // the smallest member id
  std::vector<std::string> members, names;  // by id; names[i] is members[i]'s
  std::vector<PersonLink> links;             // the accepted matches inside it
};

struct ResolveReport {
  std::size_t persons = 0, candidate_pairs = 0;
  std::vector<resolve::Hub> hubs;  // values shown as stated ("+218910000000")
  std::vector<std::string> skipped_blocks;
  std::vector<PersonCluster> clusters;  // two members or more, by canonical id
  std::vector<PersonLink> kept_apart;   // matches refused: a person kept the pair apart
  std::size_t names_only = 0;          // matches above the threshold left out: names alone
  std::size_t proposed = 0;    // merges waiting for a person's review (indicators)
  std::optional<double> auto_merge_above;  // the case policy's, when merges apply unreviewed
  std::size_t merged = 0;      // entities whose canonical id changed to another entity's
  std::size_t restored = 0;    // entities an earlier run merged that no match joins now
  std::size_t statements = 0;  // sameAs assessments written
  std::size_t indicators = 0;  // same_person indicators written (new)
  bool written = false;
};

// Whether a match rests on more than names: a birth date, document number, phone or
// account that agrees (exactly or nearly) with a positive weight. Without it a match is
// not merged when `ResolveSettings::corroboration` is on.
bool corroborated(const resolve::Match& m);

// Runs resolution; unless `dry_run`, writes canonical ids, assessments, indicators and
// one audit entry (combination) with a checkpoint, in one transaction. Every accepted match
// is a proposal (a resolve.same_person indicator); it merges the two persons only once a
// person confirmed it (`corridor review CASE N --confirm`) or when the case policy allows
// merges at or above a probability (`corridor case policy --auto-merge-above P`).
ResolveReport resolve_case(store::CaseFolder& c, const ResolveSettings& settings, const std::string& actor,
                           const std::string& justification);

struct UnmergeResult {
  std::string former_canonical;
  std::vector<std::string> restored;  // canonical id = own id again
  std::vector<std::string> remaining;  // still merged with each other
  std::string remaining_canonical;     // their canonical id now (the smallest of them)
  std::size_t kept_apart = 0;          // pairs recorded as different
  std::size_t dismissed = 0;           // open same_person indicators dismissed
};

// Undoes a merge: `entity` (or, with `whole_cluster`, every member of its cluster) gets its
// own id back as canonical id; every pair this separates is recorded as kept apart with
// the reason, the open same_person indicators between them are dismissed, and an audit
// entry (alteration) is written, in one transaction. Throws corridor::Error when the
// entity is unknown, is not merged, or `reason` is empty.
UnmergeResult unmerge_entity(store::CaseFolder& c, const std::string& entity, bool whole_cluster,
                             const std::string& actor, const std::string& reason);

}  // namespace corridor::app

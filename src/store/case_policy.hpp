#pragma once
// The case policy: which kinds of operation need a justification, when the case's
// retention must be reviewed, whether merges may apply without a person's review, which
// detectors are stopped. Each setting is a row of `policy` (under the ledger); the latest
// row of a name is in force.
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "store/sqlite.hpp"

namespace corridor::store {

// Kinds of operation a policy can require a justification (--why) for.
namespace operation {
inline constexpr std::string_view kCollect = "collect";  // add, ingest
inline constexpr std::string_view kConsult = "consult";  // any listing of the case
inline constexpr std::string_view kPerson = "person";    // reading one person's data (path, indicators --subject)
inline constexpr std::string_view kExport = "export";    // a disclosure
inline constexpr std::string_view kCombine = "combine";  // detect, resolve
inline constexpr std::string_view kAlter = "alter";      // review, unmerge, subject, policy, stop a detector
inline constexpr std::string_view kErase = "erase";      // restrict, erase, withdraw
}  // namespace operation
bool is_operation_kind(std::string_view kind);
const std::set<std::string>& default_require_why();

struct CasePolicy {
  std::set<std::string> require_why;
  std::string review_by;                      // YYYY-MM-DD, empty when not set
  std::optional<double> auto_merge_above;     // none: every merge waits for a person
  std::set<std::string> stopped_detectors;
  bool requires_why(std::string_view kind) const { return require_why.count(std::string(kind)) > 0; }
};

class PolicyStore {
 public:
  explicit PolicyStore(Db& db) : db_(db) {}
  CasePolicy read();
  // Inside the caller's transaction and ledger batch.
  void set(std::string_view name, std::string_view value, const std::string& actor, const std::string& at);

 private:
  Db& db_;
};

}  // namespace corridor::store

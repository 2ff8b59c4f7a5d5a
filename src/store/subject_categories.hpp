#pragma once
// Data-subject categories (LED Art. 6): suspect, smuggled migrant, victim, witness,
// informant, unknown. Each is an assessment a named person made, with the reason; the
// latest categorisation of any member of an entity's cluster (merged persons) is in force,
// so a merge carries categories along.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite.hpp"

namespace corridor::store {

bool is_subject_category(std::string_view category);
// Migrants and victims are protected: pseudonymised in outputs by default.
bool is_protected_category(std::string_view category);

struct SubjectCategorisation {
  std::int64_t id = 0;
  std::string entity, category, actor, why, at;
};

class SubjectCategories {
 public:
  explicit SubjectCategories(Db& db) : db_(db) {}
  // Inside the caller's transaction and ledger batch; the entity must exist.
  SubjectCategorisation add(const std::string& entity, const std::string& category, const std::string& actor,
                            const std::string& why, const std::string& at);
  // Every categorisation of the entity's cluster, oldest first.
  std::vector<SubjectCategorisation> history(const std::string& entity);
  // The category in force for the entity ("unknown" when none).
  std::string category_of(const std::string& entity);

 private:
  Db& db_;
};

}  // namespace corridor::store

#include "store/subject_categories.hpp"

#include "core/error.hpp"

namespace corridor::store {

namespace {
constexpr std::string_view kCategories[] = {"suspect", "smuggled-migrant", "victim", "witness", "informant", "unknown"};
}  // namespace

bool is_subject_category(std::string_view category) {
  for (auto c : kCategories)
    if (c == category) return true;
  return false;
}

bool is_protected_category(std::string_view category) { return category == "smuggled-migrant" || category == "victim"; }

SubjectCategorisation SubjectCategories::add(const std::string& entity, const std::string& category,
                                             const std::string& actor, const std::string& why, const std::string& at) {
  if (!is_subject_category(category))
    throw Error("--category", "'" + category + "' is not a category (suspect, smuggled-migrant, victim, witness, "
                              "informant, unknown)", 2);
  if (why.empty()) throw Error("subject " + entity, "a categorisation needs --why");
  {
    Stmt exists(db_, "SELECT 1 FROM entities WHERE id = ?");
    exists.bind(1, entity);
    if (!exists.step()) throw Error("entity " + entity, "no such entity in the case");
  }
  Stmt q(db_, "INSERT INTO subject_categories(entity, category, actor, why, at) VALUES(?,?,?,?,?)");
  q.bind(1, entity).bind(2, category).bind(3, actor).bind(4, why).bind(5, at).run();
  return {db_.last_insert_rowid(), entity, category, actor, why, at};
}

std::vector<SubjectCategorisation> SubjectCategories::history(const std::string& entity) {
  Stmt q(db_,
         "SELECT c.id, c.entity, c.category, c.actor, c.why, c.at FROM subject_categories c "
         "JOIN entities m ON m.id = c.entity "
         "WHERE m.canonical_id = (SELECT canonical_id FROM entities WHERE id = ?1) ORDER BY c.id");
  q.bind(1, entity);
  std::vector<SubjectCategorisation> out;
  while (q.step()) out.push_back({q.int64(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5)});
  return out;
}

std::string SubjectCategories::category_of(const std::string& entity) {
  const auto h = history(entity);
  return h.empty() ? "unknown" : h.back().category;
}

}  // namespace corridor::store

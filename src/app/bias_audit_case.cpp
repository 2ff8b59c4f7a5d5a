#include "app/bias_audit_case.hpp"

#include <algorithm>
#include <unordered_map>

#include "app/case_detectors.hpp"
#include "app/data_dir.hpp"
#include "app/mention_statements.hpp"
#include "core/error.hpp"
#include "store/indicator_store.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

namespace {

constexpr const char* kAny = "any";
constexpr int kMaxHops = 3;  // Message -sender-> UserAccount -owner-> Person is two

std::string family_of(const std::string& detector) { return detector.substr(0, detector.find('.')); }

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// The group a recorded value falls in, for the attribute it feeds; empty when none.
std::string group_of(const std::string& attribute, const std::string& value, const std::string& reference_date) {
  if (attribute == "nationality") return detect::normalise_nationality(value);
  if (attribute == "sex") return detect::normalise_sex(value);
  if (attribute == "age_band") return reference_date.empty() ? "" : detect::age_band(trimmed(value), reference_date);
  return trimmed(value);
}

using Values = std::map<std::string, std::set<std::string>>;  // attribute -> groups

// Who is behind an entity: the entity itself when it is a Person; else the persons its
// "sender", "author", "owner" or "holder" statements lead to, over at most kMaxHops.
class PersonResolver {
 public:
  explicit PersonResolver(store::Db& db)
      : entity_(db, "SELECT schema, canonical_id FROM entities WHERE id = ?1"),
        links_(db,
               "SELECT s.value FROM statements s JOIN entities n ON n.rid = s.entity "
               "WHERE n.id = ?1 AND s.property IN ('sender', 'author', 'owner', 'holder')") {}

  // The subject's schema ("" when unknown) and the persons (canonical ids) behind it.
  std::pair<std::string, std::set<std::string>> resolve(const std::string& id) {
    if (auto it = memo_.find(id); it != memo_.end()) return it->second;
    std::set<std::string> persons;
    const std::string schema = walk(id, 0, persons);
    return memo_[id] = {schema, persons};
  }

 private:
  std::string walk(const std::string& id, int hops, std::set<std::string>& persons) {
    entity_.reset();
    entity_.bind(1, id);
    if (!entity_.step()) return "";
    const std::string schema = entity_.text(0), canonical = entity_.text(1);
    if (schema == "Person") {
      persons.insert(canonical);
      return schema;
    }
    if (hops == kMaxHops) return schema;
    std::vector<std::string> next;
    for (const std::string& e : canonical == id ? std::vector<std::string>{id} : std::vector<std::string>{id, canonical}) {
      links_.reset();
      links_.bind(1, e);
      while (links_.step()) next.push_back(links_.text(0));
    }
    for (const auto& n : next) walk(n, hops + 1, persons);
    return schema;
  }

  store::Stmt entity_, links_;
  std::unordered_map<std::string, std::pair<std::string, std::set<std::string>>> memo_;
};

// The reference date for age bands: the option, else the date of the latest statement.
void reference_date(store::Db& db, const BiasAuditSettings& s, BiasAuditReport& r) {
  if (!s.reference_date.empty()) {
    if (!valid_reference_date(s.reference_date))
      throw Error("--reference-date '" + s.reference_date + "'", "expected a date YYYY-MM-DD", Error::kInput);
    r.reference_date = s.reference_date;
    r.reference_source = "--reference-date";
    return;
  }
  store::Stmt q(db, "SELECT MAX(observed_at) FROM statements WHERE observed_at != ''");
  if (q.step() && !q.is_null(0)) {
    const std::string latest = q.text(0).substr(0, 10);
    if (valid_reference_date(latest)) {
      r.reference_date = latest;
      r.reference_source = "latest statement";
      return;
    }
  }
  r.reference_source = "none: no dated statement in the case; give --reference-date for age bands";
}

// Every Person entity of the case (by canonical id) with the groups its statements, and
// the Passports and Identifications it holds, record.
std::map<std::string, Values> load_persons(store::Db& db, const std::string& ref) {
  std::map<std::string, Values> persons;
  std::unordered_map<std::string, std::string> canonical;  // Person entity id -> canonical id
  {
    store::Stmt q(db, "SELECT id, canonical_id FROM entities WHERE schema = 'Person'");
    while (q.step()) {
      canonical.emplace(q.text(0), q.text(1));
      persons[q.text(1)];
    }
  }
  struct Document {
    Values values;
    std::vector<std::string> holders;
  };
  std::map<std::string, Document> documents;
  store::Stmt q(db,
                "SELECT n.id, n.schema, s.property, s.value FROM statements s JOIN entities n ON n.rid = s.entity "
                "WHERE n.schema IN ('Person', 'Passport', 'Identification') AND s.property IN ('nationality', "
                "'citizenship', 'gender', 'sex', 'birthDate', 'ethnicity', 'religion', 'holder', 'validation') "
                "ORDER BY s.id");
  while (q.step()) {
    const std::string id = q.text(0), schema = q.text(1), property = q.text(2), value = q.text(3);
    Values* values = nullptr;
    if (schema == "Person") {
      const auto c = canonical.find(id);
      if (c == canonical.end()) continue;
      values = &persons[c->second];
    } else {
      Document& d = documents[id];
      if (property == "holder") {
        d.holders.push_back(value);
        continue;
      }
      values = &d.values;
    }
    auto add = [&](const std::string& attribute, const std::string& v) {
      if (auto g = group_of(attribute, v, ref); !g.empty()) (*values)[attribute].insert(g);
    };
    if (property == "validation") {
      // The MRZ's fields (extract/mrz.cpp): nationality=SYR;birth=1990-01-02;sex=M
      add("nationality", detail_field(value, "nationality"));
      add("sex", detail_field(value, "sex"));
      add("age_band", detail_field(value, "birth"));
    } else if (const std::string attribute = detect::audited_attribute(property); !attribute.empty()) {
      add(attribute, value);
    }
  }
  for (const auto& [id, d] : documents)
    for (const auto& h : d.holders) {
      const auto c = canonical.find(h);
      if (c == canonical.end()) continue;
      for (const auto& [attribute, groups] : d.values) persons[c->second][attribute].insert(groups.begin(), groups.end());
    }
  return persons;
}

std::vector<FamilySelection> select(store::Db& db, const BiasAuditSettings& s) {
  std::map<std::string, FamilySelection> families;
  FamilySelection any;
  any.family = kAny;
  std::set<std::string> any_subjects;
  PersonResolver resolver(db);
  std::map<std::string, std::set<std::string>> subjects;  // family -> distinct subjects
  for (const Indicator& ind : store::IndicatorStore(db).list()) {
    const std::string family = family_of(ind.detector);
    FamilySelection& f = families[family];
    f.family = family;
    if (ind.review == ReviewState::Dismissed) {
      ++f.dismissed;
      ++any.dismissed;
      continue;
    }
    if (ind.score < s.min_score) {
      ++f.below_score;
      ++any.below_score;
      continue;
    }
    ++f.indicators;
    ++any.indicators;
    for (const auto& subject : ind.subjects) {
      const bool first_in_family = subjects[family].insert(subject).second;
      const bool first_overall = any_subjects.insert(subject).second;
      const auto [schema, persons] = resolver.resolve(subject);
      f.persons.insert(persons.begin(), persons.end());
      any.persons.insert(persons.begin(), persons.end());
      for (auto* sel : {first_in_family ? &f : nullptr, first_overall ? &any : nullptr}) {
        if (!sel) continue;
        ++sel->subjects;
        if (!persons.empty())
          ++sel->subjects_on_persons;
        else
          ++sel->other_subjects[schema.empty() ? "unknown entity" : schema];
      }
    }
  }
  std::vector<FamilySelection> out;
  for (auto& [name, f] : families) out.push_back(std::move(f));
  if (!out.empty()) out.push_back(std::move(any));
  return out;
}

std::vector<FamilyInputs> inputs(store::Db& db, const std::vector<FamilySelection>& selections,
                                  const BiasAuditSettings& s) {
  std::map<std::string, std::set<std::string>> cited;
  for (const auto& d : case_detectors()) cited[d.name];
  for (const auto& f : selections)
    if (f.family != kAny) cited[f.family];
  store::Stmt q(db,
                "SELECT DISTINCT i.detector, n.schema, s.property FROM indicators i "
                "JOIN indicator_reasons r ON r.indicator = i.id JOIN reason_statements rs ON rs.reason = r.id "
                "JOIN statements s ON s.id = rs.statement JOIN entities n ON n.rid = s.entity");
  while (q.step()) cited[family_of(q.text(0))].insert(q.text(1) + "." + q.text(2));

  std::vector<FamilyInputs> out;
  for (const auto& [family, props] : cited) {
    FamilyInputs in;
    in.family = family;
    for (const auto& p : props) {
      in.cited.push_back(p);
      const auto dot = p.find('.');
      const std::string schema = p.substr(0, dot), property = p.substr(dot + 1);
      if (detect::is_protected_property(property)) in.protected_cited.push_back(p);
      if (detect::carries_protected_fields(schema, property)) in.carrying.push_back(p);
    }
    if (family == "offers") {  // the one detector with a trained model and lexicons
      try {
        in.features = detect::check_offer_features(s.data_dir.empty() ? find_data_dir() : s.data_dir);
      } catch (const Error& e) {
        in.feature_error = e.what();
      }
    }
    out.push_back(std::move(in));
  }
  return out;
}

}  // namespace

bool valid_reference_date(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (const char c : d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2))
    if (c < '0' || c > '9') return false;
  const int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  if (m < 1 || m > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return day <= kDays[m - 1] + (m == 2 && leap);
}

BiasAuditReport audit_bias_in_case(store::CaseFolder& c, const BiasAuditSettings& settings) {
  BiasAuditReport r;
  r.min_score = settings.min_score;
  r.min_group = settings.min_group;
  reference_date(c.db(), settings, r);

  const auto persons = load_persons(c.db(), r.reference_date);
  r.persons = persons.size();
  detect::BiasAuditInput in;
  in.min_group = settings.min_group;
  in.attributes = {{"nationality", true, {}},
                   {"sex", false, {"female", "male", "other"}},
                   {"age_band", false, {std::begin(detect::kAgeBands), std::end(detect::kAgeBands)}}};
  for (const auto& [id, values] : persons) {
    in.population.push_back({id, values});
    for (const auto& [attribute, groups] : values)
      if (!groups.empty()) ++r.recorded[attribute];
  }
  for (const char* optional : {"ethnicity", "religion"})  // only where recorded
    if (r.recorded.count(optional)) in.attributes.push_back({optional, true, {}});
  for (const auto& a : in.attributes) r.recorded[a.name] += 0;

  r.selections = select(c.db(), settings);
  for (const auto& f : r.selections) in.selected[f.family] = f.persons;
  auto audits = detect::audit_bias(in);
  for (const auto& f : r.selections)
    for (auto& a : audits)
      if (a.family == f.family) r.audits.push_back(std::move(a));
  r.inputs = inputs(c.db(), r.selections, settings);
  return r;
}

std::size_t four_fifths_flags(const BiasAuditReport& r) {
  std::size_t flags = 0;
  for (const auto& a : r.audits)
    for (const auto& at : a.attributes) flags += at.four_fifths_flag;
  return flags;
}

}  // namespace corridor::app

#include "app/case_persons.hpp"

#include <map>
#include <set>
#include <unordered_map>

#include "resolve/name_keys.hpp"

namespace corridor::app {

namespace {

// A person with 300 ads printing one phone needs only a few of them cited.
constexpr std::size_t kSourcesPerValue = 3;

class PersonsBuilder {
 public:
  explicit PersonsBuilder(store::Db& db) : db_(db) {}

  std::vector<CasePerson> build() {
    load_persons();
    load_own_statements();
    load_owned_entities();
    load_post_phones();
    finish();
    return std::move(persons_);
  }

 private:
  void add(std::size_t person, const std::string& field, const std::string& value, std::int64_t statement,
           const std::string& sha) {
    if (value.empty()) return;
    const std::string key = compared_value(value);
    if (key.empty()) return;
    CasePerson& p = persons_[person];
    auto& n = counts_[{person, field + '\x1f' + key}];
    if (n == 0) {
      auto& r = p.record;
      if (field == "document number") r.documents.push_back(value);
      if (field == "phone") r.phones.push_back(value);
      if (field == "account") r.accounts.push_back(value);
    }
    if (n++ < kSourcesPerValue) p.sources.push_back({field, value, statement, sha});
  }

  void load_persons() {
    store::Stmt q(db_, "SELECT rid, id, canonical_id, caption FROM entities WHERE schema = 'Person' ORDER BY id");
    while (q.step()) {
      CasePerson p;
      p.record.id = q.text(1);
      p.canonical_id = q.text(2);
      p.name = q.text(3);
      by_rid_.emplace(q.int64(0), persons_.size());
      by_id_.emplace(p.record.id, persons_.size());
      persons_.push_back(std::move(p));
    }
  }

  void load_own_statements() {
    store::Stmt q(db_,
                  "SELECT s.entity, s.id, s.property, s.value, v.sha256 FROM statements s "
                  "JOIN entities e ON e.rid = s.entity JOIN evidence v ON v.id = s.evidence "
                  "WHERE e.schema = 'Person' AND s.property IN ('name', 'firstName', 'lastName', 'birthDate', "
                  "'nationality', 'passportNumber', 'idNumber', 'phone', 'email') ORDER BY s.id");
    while (q.step()) {
      const std::size_t i = by_rid_.at(q.int64(0));
      const std::string property = q.text(2), value = q.text(3), sha = q.text(4);
      const std::int64_t id = q.int64(1);
      auto& r = persons_[i].record;
      // The first statement of each single-valued property is the one compared.
      auto first = [&](std::string& slot, const char* field) {
        if (!slot.empty() || value.empty()) return;
        slot = value;
        persons_[i].sources.push_back({field, value, id, sha});
      };
      if (property == "name") first(r.full_name, "name");
      if (property == "firstName") first(r.given_name, "name");
      if (property == "lastName") first(r.family_name, "name");
      if (property == "birthDate") first(r.birth_date, "birth date");
      if (property == "nationality") first(r.nationality, "nationality");
      if (property == "passportNumber" || property == "idNumber") add(i, "document number", value, id, sha);
      if (property == "phone") add(i, "phone", value, id, sha);
      if (property == "email") add(i, "account", "email " + value, id, sha);
    }
  }

  void load_owned_entities() {
    store::Stmt owners(db_,
                       "SELECT s.id, s.value, o.rid, o.id, o.schema, v.sha256 FROM statements s "
                       "JOIN entities o ON o.rid = s.entity JOIN evidence v ON v.id = s.evidence "
                       "WHERE s.property IN ('owner', 'holder') ORDER BY s.id");
    store::Stmt ids(db_,
                    "SELECT s.id, s.property, s.value, v.sha256 FROM statements s JOIN evidence v ON v.id = s.evidence "
                    "WHERE s.entity = ? AND s.property IN ('userId', 'username', 'number', 'passportNumber', "
                    "'idNumber', 'email') ORDER BY s.id");
    std::set<std::pair<std::size_t, std::int64_t>> done;
    while (owners.step()) {
      const auto person = by_id_.find(owners.text(1));
      if (person == by_id_.end()) continue;
      const std::size_t i = person->second;
      const std::int64_t rid = owners.int64(2);
      if (!done.emplace(i, rid).second) continue;
      const std::string owned = owners.text(3), schema = owners.text(4);
      // The entity itself is an account; a phone, passport or e-mail is compared by its value.
      if (schema != "Phone" && schema != "Passport" && schema != "Email")
        add(i, "account", owned, owners.int64(0), owners.text(5));
      if (schema == "UserAccount") owned_accounts_.emplace(owned, i);
      ids.bind(1, rid);
      while (ids.step()) owned_identifier(i, schema, ids.text(1), ids.text(2), ids.int64(0), ids.text(3));
      ids.reset();
    }
  }

  void owned_identifier(std::size_t i, const std::string& schema, const std::string& property,
                        const std::string& value, std::int64_t id, const std::string& sha) {
    if (schema == "UserAccount" && property == "username") {
      const std::string handle = value.starts_with('@') ? value.substr(1) : value;
      add(i, "account", "handle " + handle, id, sha);
    }
    if (schema == "UserAccount" && property == "userId" && value.starts_with('+')) add(i, "phone", value, id, sha);
    if (schema == "Email" && property == "email") add(i, "account", "email " + value, id, sha);
    if (schema == "Phone" && property == "number") add(i, "phone", value, id, sha);
    if (schema == "Passport" && (property == "passportNumber" || property == "idNumber"))
      add(i, "document number", value, id, sha);
  }

  void load_post_phones() {
    if (owned_accounts_.empty()) return;
    store::Stmt authors(db_,
                        "SELECT s.entity, s.value FROM statements s JOIN entities p ON p.rid = s.entity "
                        "WHERE s.property = 'author' AND p.schema = 'Post' ORDER BY s.id");
    store::Stmt mentions(db_,
                         "SELECT s.id, s.value, v.sha256 FROM statements s JOIN evidence v ON v.id = s.evidence "
                         "JOIN entities t ON t.id = s.value AND t.schema = 'Phone' "
                         "WHERE s.entity = ? AND s.property = 'mentions' ORDER BY s.id");
    while (authors.step()) {
      const auto [first, last] = owned_accounts_.equal_range(authors.text(1));
      if (first == last) continue;
      mentions.bind(1, authors.int64(0));
      while (mentions.step()) {
        const std::string number = phone_number(mentions.text(1));
        for (auto it = first; it != last; ++it) add(it->second, "phone", number, mentions.int64(0), mentions.text(2));
      }
      mentions.reset();
    }
  }

  std::string phone_number(const std::string& phone_entity) {
    if (auto it = numbers_.find(phone_entity); it != numbers_.end()) return it->second;
    store::Stmt q(db_,
                  "SELECT s.value FROM statements s JOIN entities e ON e.rid = s.entity "
                  "WHERE e.id = ? AND s.property = 'number' LIMIT 1");
    q.bind(1, phone_entity);
    std::string number = q.step() ? q.text(0) : std::string();
    return numbers_[phone_entity] = number;
  }

  void finish() {
    for (auto& p : persons_) {
      const auto& r = p.record;
      if (!r.full_name.empty())
        p.name = r.full_name;
      else if (!r.given_name.empty() || !r.family_name.empty())
        p.name = r.given_name + (r.given_name.empty() || r.family_name.empty() ? "" : " ") + r.family_name;
    }
  }

  store::Db& db_;
  std::vector<CasePerson> persons_;
  std::unordered_map<std::int64_t, std::size_t> by_rid_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::unordered_multimap<std::string, std::size_t> owned_accounts_;  // UserAccount id -> person
  std::unordered_map<std::string, std::string> numbers_;              // Phone entity id -> number
  std::map<std::pair<std::size_t, std::string>, std::size_t> counts_;  // (person, field+value) -> sources
};

}  // namespace

std::string compared_value(const std::string& value) {
  std::string out;
  for (char c : resolve::latin_fold(value))
    if (c != ' ') out.push_back(c);
  return out;
}

std::vector<CasePerson> load_case_persons(store::Db& db) { return PersonsBuilder(db).build(); }

}  // namespace corridor::app

#include "exchange/ftm_case.hpp"

#include <map>
#include <set>

#include "model/entity_keys.hpp"

namespace corridor::exchange {

namespace {
// The property that carries what an entity of each schema stands for.
bool is_identifier_of(std::string_view schema, std::string_view property) {
  return (schema == "Phone" && property == "number") || (schema == "Email" && property == "email") ||
         (schema == "BankAccount" && property == "iban") || (schema == "UserAccount" && property == "userId") ||
         (schema == "Passport" && property == "passportNumber");
}
}  // namespace

std::string detail_value(std::string_view detail, std::string_view key) {
  std::size_t pos = 0;
  while (pos < detail.size()) {
    std::size_t end = detail.find(';', pos);
    if (end == std::string_view::npos) end = detail.size();
    const auto item = detail.substr(pos, end - pos);
    if (item.size() > key.size() && item.substr(0, key.size()) == key && item[key.size()] == '=')
      return std::string(item.substr(key.size() + 1));
    pos = end + 1;
  }
  return {};
}

FtmCase::FtmCase(store::Db& db) {
  {
    store::Stmt q(db, "SELECT rid, id, schema, caption FROM entities ORDER BY rid");
    while (q.step()) {
      const auto rid = static_cast<std::size_t>(q.int64(0));
      if (rid >= entities_.size()) entities_.resize(rid + 1);
      entities_[rid] = {q.text(1), q.text(2), q.text(3)};
      row_of_.emplace(entities_[rid].id, rid);
    }
  }
  {
    store::Stmt q(db, "SELECT id, sha256, original_name, acquired_at, added_at, parent_id FROM evidence");
    while (q.step()) {
      EvidenceItem e;
      e.sha256 = q.text(1);
      e.document = keys::record("Document", e.sha256, "file");
      e.name = q.text(2);
      e.retrieved_at = q.text(3).empty() ? q.text(4) : q.text(3);
      e.parent = q.int64(5);
      evidence_.emplace(q.int64(0), std::move(e));
    }
    for (const auto& [row, e] : evidence_)
      if (const auto parent = evidence_.find(e.parent); parent != evidence_.end())
        packages_.insert(parent->second.document);
  }
  {
    std::map<std::int64_t, std::set<std::string>> by_item;
    store::Stmt q(db, "SELECT DISTINCT evidence, extractor FROM statements WHERE kind = 0");
    while (q.step()) by_item[q.int64(0)].insert(q.text(1));
    for (const auto& [row, makers] : by_item) {
      const auto item = evidence_.find(row);
      if (item == evidence_.end()) continue;
      std::string text;
      for (const auto& m : makers) text += (text.empty() ? "" : " ") + m;
      makers_.emplace(item->second.document, std::move(text));
    }
  }
  {
    store::Stmt q(db,
                  "SELECT entity, property, value FROM statements WHERE property IN ('number', 'email', 'iban', "
                  "'userId', 'passportNumber', 'validation', 'owner', 'holder') ORDER BY id");
    while (q.step()) {
      const auto rid = static_cast<std::size_t>(q.int64(0));
      if (rid >= entities_.size() || entities_[rid].id.empty()) continue;
      const CaseEntity& e = entities_[rid];
      const std::string property = q.text(1), value = q.text(2);
      if (is_identifier_of(e.schema, property)) identifiers_.emplace(e.id, value);
      // A passport read from a zone: its number is a field of the zone's detail.
      if (e.schema == "Passport" && property == "validation" && !detail_value(value, "number").empty())
        identifiers_[e.id] = detail_value(value, "number");
      if ((property == "owner" || property == "holder") && find(value)) owners_.emplace(e.id, value);
    }
  }
  {
    store::Stmt q(db,
                  "SELECT DISTINCT value FROM statements WHERE property IN "
                  "('payer', 'beneficiary', 'sender', 'recipients', 'author')");
    while (q.step()) parties_.insert(q.text(0));
  }
}

const CaseEntity* FtmCase::find(std::string_view id) const {
  const auto it = row_of_.find(std::string(id));
  return it == row_of_.end() ? nullptr : &entities_[it->second];
}

const EvidenceItem* FtmCase::evidence(std::int64_t row) const {
  const auto it = evidence_.find(row);
  return it == evidence_.end() ? nullptr : &it->second;
}

const std::string& FtmCase::lookup(const std::unordered_map<std::string, std::string>& m, std::string_view id) {
  static const std::string none;
  const auto it = m.find(std::string(id));
  return it == m.end() ? none : it->second;
}

}  // namespace corridor::exchange

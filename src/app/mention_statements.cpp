#include "app/mention_statements.hpp"

#include "extract/scanner.hpp"
#include "model/entity_keys.hpp"

namespace corridor::app {

namespace {

struct Target {
  std::string schema;    // entity schema, empty when the mention is a property of `about`
  std::string id;
  std::string property;  // property carrying the normalised value
};

// Identifier mentions and the entity each one names.
Target target_of(const Mention& m) {
  const std::string& v = m.value;
  if (m.type == "phone" || m.type == "whatsapp" || m.type == "viber" || m.type == "signal")
    return {"Phone", keys::phone(v), "number"};
  if (m.type == "email") return {"Email", keys::email(v), "email"};
  if (m.type == "telegram") return {"UserAccount", keys::account("telegram", v), "username"};
  if (m.type == "handle") return {"UserAccount", keys::account("handle", v), "username"};
  if (m.type == "iban") return {"BankAccount", keys::bank_account(v), "iban"};
  if (m.type == "card") return {"BankAccount", keys::bank_account("card:" + v), "cardNumber"};
  if (m.type == "btc" || m.type == "eth" || m.type == "tron")
    return {"CryptoWallet", keys::wallet(m.type, v), "publicKey"};
  if (m.type == "mrz") {
    const std::string number = detail_field(m.detail, "number"), state = detail_field(m.detail, "issuer");
    if (!number.empty()) return {"Passport", keys::passport(state, number), "passportNumber"};
  }
  if (m.type == "imo") return {"Vessel", keys::vessel("imo:" + v), "imoNumber"};
  if (m.type == "mmsi") return {"Vessel", keys::vessel(v), "mmsi"};
  // Descriptive values: a property of the message or document itself.
  static const std::pair<const char*, const char*> kProperties[] = {
      {"money", "amountMentioned"}, {"date", "dateMentioned"}, {"coord", "coordinatesMentioned"},
      {"url", "urlMentioned"},      {"domain", "domainMentioned"}, {"ipv4", "ipMentioned"},
      {"ipv6", "ipMentioned"},      {"bic", "bic"},                {"mrz", "mrzMentioned"},
      // Not a document of anyone until a person checks it: the documents detector reads it.
      {"mrz_invalid", "mrz_invalidMentioned"}};
  for (const auto& [type, prop] : kProperties)
    if (m.type == type) return {"", "", prop};
  return {"", "", m.type + "Mentioned"};
}

// The person a valid zone names, as the document's holder: an assessment (a forged
// passport names someone who may not exist), with the name only. Nationality, sex and
// birth date stay in the Passport's "validation" statement, where the bias audit reads
// them through this link; they are not copied onto the person.
void holder_statements(const Mention& m, const Statement& passport, std::vector<Statement>& out) {
  const std::string surname = detail_field(m.detail, "surname"), given = detail_field(m.detail, "given");
  const std::string name = given.empty() ? surname : surname.empty() ? given : given + " " + surname;
  if (name.empty()) return;
  const std::string person = keys::document_holder(passport.entity_id, name);
  Statement named = passport;
  named.entity_id = person;
  named.schema = "Person";
  named.property = "name";
  named.value = name;
  named.original_value.clear();
  named.kind = StatementKind::Assessment;
  out.push_back(named);
  Statement holder = passport;
  holder.property = "holder";
  holder.value = person;
  holder.original_value.clear();
  holder.kind = StatementKind::Assessment;
  out.push_back(std::move(holder));
}

}  // namespace

std::string detail_field(const std::string& detail, const std::string& key) {
  std::size_t pos = 0;
  while (pos < detail.size()) {
    std::size_t end = detail.find(';', pos);
    if (end == std::string::npos) end = detail.size();
    const std::string_view item(detail.data() + pos, end - pos);
    if (item.size() > key.size() && item.substr(0, key.size()) == key && item[key.size()] == '=')
      return std::string(item.substr(key.size() + 1));
    pos = end + 1;
  }
  return "";
}

void mention_statements(const Mention& m, const Unit& unit, const std::string& about_entity,
                        const std::string& about_schema, std::vector<Statement>& out) {
  const Target t = target_of(m);
  Provenance prov{unit.evidence_sha256, Locator{}, m.type + "@" + std::to_string(extract::kExtractorVersion), ""};
  prov.locator.record = unit.locator.record;
  // A unit with a byte offset in the evidence (a plain file) gives absolute offsets;
  // a record (message, row) gives offsets inside the record's text.
  prov.locator.offset = unit.locator.offset.value_or(0) + m.offset;
  prov.locator.length = m.length;
  Statement s;
  s.prov = prov;
  s.confidence = m.confidence;
  s.original_value = m.raw;
  if (t.schema.empty()) {
    s.entity_id = about_entity;
    s.schema = about_schema;
    s.property = t.property;
    s.value = m.value;
    out.push_back(std::move(s));
    return;
  }
  s.entity_id = t.id;
  s.schema = t.schema;
  s.property = t.property;
  s.value = m.value;
  out.push_back(s);
  if (!m.detail.empty()) {
    Statement d = s;
    d.property = "validation";
    d.value = m.detail;
    d.original_value.clear();
    out.push_back(std::move(d));
  }
  if (m.type == "mrz" && t.schema == "Passport") holder_statements(m, s, out);
  // The edge: this message or document mentions that identifier.
  Statement link = s;
  link.entity_id = about_entity;
  link.schema = about_schema;
  link.property = "mentions";
  link.value = t.id;
  out.push_back(std::move(link));
}

}  // namespace corridor::app

#include "exchange/ftm_map.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/ids.hpp"
#include "graph/statement_edges.hpp"
#include "model/entity_keys.hpp"

namespace corridor::exchange {

namespace {

struct Rename {
  const char* from;
  const char* to;
};

struct SchemaMap {
  const char* corridor;
  const char* ftm;
  std::vector<Rename> renames;  // Corridor property -> FtM property (one may feed two)
};

// The one table of the mapping; docs/ftm.md shows it to the reader.
const std::vector<SchemaMap>& schema_maps() {
  static const std::vector<SchemaMap> maps = {
      {"Document", "Document", {{"fileName", "fileName"}, {"mimeType", "mimeType"}}},
      {"Photo", "Image", {{"date", "date"}, {"software", "generator"}}},
      {"Message",
       "Message",
       {{"bodyText", "bodyText"},
        {"subject", "subject"},
        {"messageId", "messageId"},
        {"date", "date"},
        {"chat", "threadTopic"},
        {"platform", "publisher"}}},
      // A published post is a message to its audience: FtM's Post is a position held.
      {"Post",
       "Message",
       {{"bodyText", "bodyText"},
        {"date", "date"},
        {"date", "publishedAt"},
        {"url", "sourceUrl"},
        {"group", "threadTopic"},
        {"platform", "publisher"}}},
      {"UserAccount", "UserAccount", {{"username", "username"}, {"platform", "service"}, {"displayName", "name"}}},
      // An e-mail address is an account at a mail service.
      {"Email", "UserAccount", {{"email", "email"}, {"email", "username"}}},
      // FtM has no phone entity: a number is the phone of whoever uses it.
      {"Phone", "LegalEntity", {{"number", "phone"}, {"number", "name"}}},
      {"Person", "Person", {{"name", "name"}}},
      {"BankAccount",
       "BankAccount",
       {{"iban", "iban"}, {"accountNumber", "accountNumber"}, {"cardNumber", "accountNumber"}, {"bankId", "bankName"}}},
      {"CryptoWallet", "CryptoWallet", {{"publicKey", "publicKey"}}},
      {"Passport", "Passport", {}},
      {"Vessel",
       "Vessel",
       {{"name", "name"}, {"callSign", "callSign"}, {"imoNumber", "imoNumber"}, {"mmsi", "mmsi"}, {"type", "type"}}},
      {"Payment",
       "Payment",
       {{"amount", "amount"}, {"currency", "currency"}, {"date", "date"}, {"controlNumber", "transactionNumber"}}},
      {"Organization", "Organization", {{"name", "name"}}},
      {"Event", "Event", {{"name", "name"}, {"date", "date"}}},
      {"Address", "Address", {{"full", "full"}}},
  };
  return maps;
}

const SchemaMap& schema_map(std::string_view corridor) {
  // Anything else is kept as a note about itself, its statements in the description.
  static const SchemaMap note{"", "Note", {}};
  for (const auto& m : schema_maps())
    if (corridor == m.corridor) return m;
  return note;
}

// FtM schemata that descend from Interval (not things: no `proof` but `recordId`, and no
// end of an UnknownLink) and from Analyzable (the `...Mentioned` properties).
bool is_interval(std::string_view ftm) { return ftm == "Payment" || ftm == "UnknownLink" || ftm == "Passport"; }
bool is_analyzable(std::string_view ftm) {
  return ftm == "Document" || ftm == "Package" || ftm == "Message" || ftm == "Image" || ftm == "Note" ||
         ftm == "Event";
}
bool is_date_property(std::string_view p) {
  return p == "date" || p == "publishedAt" || p == "startDate" || p == "endDate" || p == "birthDate" ||
         p == "retrievedAt";
}

bool is_e164(std::string_view v) {
  return v.size() >= 8 && v.size() <= 16 && v[0] == '+' &&
         std::all_of(v.begin() + 1, v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

std::string ftm_schema(std::string_view corridor_schema) { return schema_map(corridor_schema).ftm; }

struct FtmMapper::Mapped {
  const CaseEntity& entity;
  std::span<const CaseStatement> statements;
  FtmEntity out;
  std::vector<std::string> proof;   // the Document entities of its evidence
  std::string user_id;              // a UserAccount's platform id, for its username
  std::string latitude, longitude;  // a photo's position
};

void FtmMapper::map(const CaseEntity& e, std::span<const CaseStatement> statements) {
  std::string schema = ftm_schema(e.schema);
  if (schema == "Document" && case_.is_package(e.id)) schema = "Package";
  Mapped m{e, statements, FtmEntity(e.id, schema), proof_of(e.id, statements), {}, {}, {}};
  written_.clear();
  provenance(m.out, statements, !is_interval(schema));
  for (const auto& s : statements) map_property(m, s);
  complete(m);
  emit_(m.out);
}

void FtmMapper::map_property(Mapped& m, const CaseStatement& s) {
  if (s.property == "mentions") return mention(m, s);
  if (s.property == "attachment") return attachment(m, s);
  if (const auto type = graph::direct_link_type(s.property)) {
    // The graph's links of the other types are written from the graph (ftm.cpp).
    if (*type != graph::EdgeType::Paid && *type != graph::EdgeType::SentMessageTo) return;
    if (!fresh(link_id(m.entity.id, s.value, graph::to_string(*type)))) return;
    FtmEntity details;
    provenance(details, {&s, 1}, false);
    return link(m.entity.id, s.value, graph::to_string(*type), std::move(details));
  }
  if (map_reference(m, s) || map_detail(m, s)) return;
  bool renamed = false;
  for (const auto& r : schema_map(m.entity.schema).renames)
    if (s.property == r.from) {
      m.out.add(r.to, is_date_property(r.to) ? ftm_date(s.value) : s.value);
      renamed = true;
    }
  if (renamed) return;
  if (s.property == "ipMentioned" && is_analyzable(m.out.schema)) return m.out.add("ipMentioned", s.value);
  m.out.add("description", s.property + ": " + s.value);
}

// Properties whose value is another entity of the case.
bool FtmMapper::map_reference(Mapped& m, const CaseStatement& s) {
  const std::string& p = s.property;
  const CaseEntity* target = case_.find(s.value);
  if (p == "sameAs") {
    if (!target) return false;
    FtmEntity similar(make_entity_id("Similar", m.entity.id + "|" + s.value), "Similar");
    if (!fresh(similar.id)) return true;
    similar.add("candidate", m.entity.id);
    similar.add("match", s.value);
    similar.add("confidenceScore", number_text(s.confidence));
    similar.add("criteria", s.original);
    similar.add("matcher", s.extractor);
    emit_(similar);
    return true;
  }
  const bool account_side = p == "sender" || p == "recipients" || p == "author" || p == "payer" || p == "beneficiary";
  if (account_side && target) {
    const std::string party = party_of(*target, m.proof);
    const std::string schema = ftm_schema(target->schema);
    if (p == "payer" || p == "beneficiary") {
      m.out.add(p, party);
      if (schema == "BankAccount") m.out.add(p + "Account", target->id);
    } else {
      const bool sender = p != "recipients";
      m.out.add(sender ? "sender" : "recipients", party);
      if (schema == "UserAccount") m.out.add(sender ? "senderAccount" : "recipientAccount", target->id);
    }
    return true;
  }
  // FtM names the owner of an account "owner", of a document or a wallet "holder".
  if ((p == "owner" || p == "holder") && target && is_legal_entity(target->id)) {
    if (m.out.schema == "UserAccount") m.out.add("owner", target->id);
    else if (m.out.schema == "Passport" || m.out.schema == "CryptoWallet") m.out.add("holder", target->id);
    else return false;
    return true;
  }
  if (p == "inReplyTo" && target && ftm_schema(target->schema) == "Message") {
    m.out.add("inReplyToMessage", target->id);
    return true;
  }
  return false;
}

// Values that FtM splits into properties of their own.
bool FtmMapper::map_detail(Mapped& m, const CaseStatement& s) {
  const std::string& p = s.property;
  if (m.entity.schema == "UserAccount" && p == "userId") {
    m.user_id = s.value;
    if (is_e164(s.value)) m.out.add("number", s.value);
    return is_e164(s.value);
  }
  if (m.entity.schema == "Photo" && (p == "latitude" || p == "longitude")) {
    (p == "latitude" ? m.latitude : m.longitude) = s.value;
    return true;
  }
  if (m.entity.schema == "BankAccount" && p == "cardNumber") m.out.add("accountType", "payment card");
  if (m.entity.schema == "Passport" && p == "passportNumber") {
    // Read from a machine-readable zone, the value is the whole zone; its number comes
    // with the zone's other fields (validation).
    const bool zone = s.value.find('<') != std::string::npos;
    if (zone) m.out.add("description", "machine-readable zone: " + s.value);
    for (const char* to : {"number", "passportNumber"}) m.out.add(to, zone ? "" : s.value);
    return true;
  }
  if (m.entity.schema == "Passport" && p == "validation") {
    // The fields the machine-readable zone gave; the whole line stays in the description.
    for (const char* to : {"number", "passportNumber"}) m.out.add(to, detail_value(s.value, "number"));
    m.out.add("surname", detail_value(s.value, "surname"));
    m.out.add("givenName", detail_value(s.value, "given"));
    m.out.add("type", detail_value(s.value, "doc_type"));
    m.out.add("authority", detail_value(s.value, "issuer"));
    m.out.add("birthDate", ftm_date(detail_value(s.value, "birth")));
    m.out.add("endDate", ftm_date(detail_value(s.value, "expiry")));
    const std::string sex = detail_value(s.value, "sex");
    m.out.add("gender", sex == "M" ? "male" : sex == "F" ? "female" : "");
  }
  return false;
}

void FtmMapper::mention(Mapped& m, const CaseStatement& s) {
  const CaseEntity* target = case_.find(s.value);
  if (!target) return m.out.add("description", "mentions: " + s.value);
  if (is_interval(ftm_schema(target->schema))) {  // a passport: no link can end at it
    const std::string& number = case_.identifier(target->id);
    return m.out.add("description", "mentions: " + target->schema + " " + (number.empty() ? target->id : number));
  }
  if (is_analyzable(m.out.schema)) {
    const std::string& value = case_.identifier(target->id);
    if (target->schema == "Phone") m.out.add("phoneMentioned", value);
    if (target->schema == "Email") m.out.add("emailMentioned", value);
    if (target->schema == "BankAccount") m.out.add("ibanMentioned", value);
  }
  if (!fresh(link_id(m.entity.id, target->id, "mentions"))) return;
  FtmEntity details;
  provenance(details, {&s, 1}, false);
  link(m.entity.id, target->id, "mentions", std::move(details));
}

// A file attached to a message: a document inside it (FtM's Message is a Folder).
void FtmMapper::attachment(Mapped& m, const CaseStatement& s) {
  if (m.out.schema != "Message") return m.out.add("description", "attachment: " + s.value);
  FtmEntity file(make_entity_id("Document", m.entity.id + "|attachment|" + s.value), "Document");
  if (!fresh(file.id)) return;
  file.add("fileName", s.value);
  file.add("parent", m.entity.id);
  provenance(file, {&s, 1}, true);
  emit_(file);
}

std::string FtmMapper::link_id(const std::string& subject, const std::string& object, std::string_view role) {
  return make_entity_id("UnknownLink", subject + "|" + object + "|" + std::string(role));
}

void FtmMapper::link(const std::string& subject, const std::string& object, std::string_view role,
                     FtmEntity details) {
  // Both ends must be things: a payment is itself a link.
  for (const auto& end : {subject, object})
    if (const std::string s = ftm_schema_of(end); s.empty() || is_interval(s)) return;
  if (subject == object) return;
  details.id = link_id(subject, object, role);
  details.schema = "UnknownLink";
  details.add("subject", subject);
  details.add("object", object);
  details.add("role", role);
  emit_(details);
}

// What FtM requires and the statements did not give.
void FtmMapper::complete(Mapped& m) {
  FtmEntity& o = m.out;
  const CaseEntity& e = m.entity;
  const std::string& named = e.caption.empty() ? e.id : e.caption;
  for (const char* schema : {"Person", "LegalEntity", "Organization", "Vessel", "Event", "Note"})
    if (o.schema == schema && !o.has("name")) o.add("name", named);
  if (e.schema == "Phone") o.add("summary", "user of phone number " + o.first("name"));
  if (o.schema == "UserAccount") complete_account(m);
  if (o.schema == "Passport") {
    if (!o.has("number")) o.add("number", named);
    if (!o.has("holder")) o.add("holder", party_of(e, m.proof));
  }
  if (o.schema == "Document" || o.schema == "Package" || o.schema == "Image") complete_file(m);
  if (o.schema == "Message") {
    if (!o.has("sender")) o.add("sender", stand_in(e, "sender", m.proof));
    if (!o.has("bodyText")) o.add("bodyText", untold_text(m));
  }
  if (o.schema == "Payment") {
    if (!o.has("payer")) o.add("payer", stand_in(e, "payer", m.proof));
    if (!o.has("beneficiary")) o.add("beneficiary", stand_in(e, "beneficiary", m.proof));
  }
  if (!m.latitude.empty() && !m.longitude.empty()) o.add("addressEntity", position(m));
}

void FtmMapper::complete_account(Mapped& m) {
  FtmEntity& o = m.out;
  const CaseEntity& e = m.entity;
  // The handle, else the platform's id, else the name the export shows.
  o.add("username", !m.user_id.empty() ? m.user_id : e.caption.empty() ? e.id : e.caption);
  if (!m.user_id.empty() && !is_e164(m.user_id) && o.first("username") != m.user_id)
    o.add("description", "userId: " + m.user_id);
  if (e.schema == "Email") {  // the mail service is the address's domain
    const std::string& address = o.first("username");
    o.add("service", address.substr(address.find('@') + 1));
  }
  if (!o.has("owner") && case_.is_party(e.id)) o.add("owner", party_of(e, m.proof));
}

void FtmMapper::complete_file(Mapped& m) {
  FtmEntity& o = m.out;
  if (!o.has("fileName")) o.add("fileName", m.entity.caption.empty() ? m.entity.id : m.entity.caption);
  o.add("processingAgent", case_.facts_made_by(m.entity.id));
  // A file that came out of an archive sits in the archive's Package.
  if (m.statements.empty()) return;
  if (const EvidenceItem* item = case_.evidence(m.statements.front().evidence))
    if (const EvidenceItem* archive = case_.evidence(item->parent); archive && case_.find(archive->document))
      o.add("parent", archive->document);
}

// A photo's position as an FtM Address (FtM has no coordinates on files).
std::string FtmMapper::position(const Mapped& m) {
  FtmEntity place(make_entity_id("Address", m.entity.id + "|position"), "Address");
  place.add("latitude", m.latitude);
  place.add("longitude", m.longitude);
  place.add("summary", m.latitude + ", " + m.longitude);
  for (const auto& p : m.proof) place.add("proof", p);
  emit_(place);
  return place.id;
}

// FtM requires a message's text; one sent without (a photo alone) is shown by what it
// carried: its attachments' names, else its subject, else its caption.
std::string FtmMapper::untold_text(const Mapped& m) {
  std::string text;
  for (const auto& s : m.statements)
    if (s.property == "attachment") text += (text.empty() ? "" : "\n") + s.value;
  if (text.empty()) text = m.out.first("subject");
  if (text.empty()) text = m.entity.caption.empty() ? m.entity.id : m.entity.caption;
  return text;
}

void FtmMapper::provenance(FtmEntity& out, std::span<const CaseStatement> statements, bool thing) const {
  std::string retrieved;
  for (const auto& s : statements) {
    const EvidenceItem* item = case_.evidence(s.evidence);
    if (!item) continue;
    if (thing) {
      for (const auto& doc : proof_of(out.id, {&s, 1})) out.add("proof", doc);
    } else {
      out.add("recordId", s.record);
      out.add("description", "evidence: " + item->name + " (SHA-256 " + item->sha256 + ")");
    }
    const std::string at = ftm_date(item->retrieved_at);
    if (!at.empty() && (retrieved.empty() || at < retrieved)) retrieved = at;
  }
  out.add("retrievedAt", retrieved);
}

std::vector<std::string> FtmMapper::proof_of(std::string_view id, std::span<const CaseStatement> statements) const {
  std::vector<std::string> docs;
  for (const auto& s : statements)
    if (const EvidenceItem* item = case_.evidence(s.evidence))
      if (item->document != id && case_.find(item->document) &&
          std::find(docs.begin(), docs.end(), item->document) == docs.end())
        docs.push_back(item->document);
  return docs;
}

std::string FtmMapper::party_of(const CaseEntity& account, const std::vector<std::string>& proof) {
  if (is_legal_entity(account.id)) return account.id;
  if (const std::string& owner = case_.owner(account.id); !owner.empty() && is_legal_entity(owner)) return owner;
  if (const std::string& number = case_.identifier(account.id); account.schema == "UserAccount" && is_e164(number))
    if (const CaseEntity* phone = case_.find(keys::phone(number)); phone && phone->schema == "Phone") return phone->id;
  return stand_in(account, "holder", proof);
}

std::string FtmMapper::stand_in(const CaseEntity& of, std::string_view role, const std::vector<std::string>& proof) {
  const std::string id = make_entity_id("LegalEntity", std::string(role) + "|" + of.id);
  auto [it, fresh] = stand_ins_.try_emplace(id, id, "LegalEntity");
  FtmEntity& party = it->second;
  if (fresh) {
    const std::string& identifier = case_.identifier(of.id);
    const std::string name = !of.caption.empty() ? of.caption : !identifier.empty() ? identifier : of.id;
    party.add("name", name);
    party.add("summary", std::string(role) + " of " + of.schema + " " + name + ", not named in the evidence");
    if (of.schema == "Email") party.add("email", identifier);
  }
  for (const auto& p : proof) party.add("proof", p);
  return id;
}

std::string FtmMapper::ftm_schema_of(std::string_view id) const {
  const CaseEntity* e = case_.find(id);
  return e ? ftm_schema(e->schema) : std::string();
}

bool FtmMapper::is_legal_entity(std::string_view id) const {
  const std::string s = ftm_schema_of(id);
  return s == "Person" || s == "LegalEntity" || s == "Organization";
}

void FtmMapper::finish() {
  for (const auto& [id, holder] : stand_ins_) emit_(holder);
  stand_ins_.clear();
}

}  // namespace corridor::exchange

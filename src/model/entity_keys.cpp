#include "model/entity_keys.hpp"

#include <cctype>

#include "core/ids.hpp"

namespace corridor::keys {

namespace {
std::string lower(std::string_view s) {
  std::string o(s);
  for (char& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return o;
}
std::string joined(std::string_view a, std::string_view b) {
  std::string o(a);
  o += ':';
  o += b;
  return o;
}
}  // namespace

std::string phone(std::string_view e164) { return make_entity_id("Phone", e164); }
std::string email(std::string_view address) { return make_entity_id("Email", lower(address)); }
std::string account(std::string_view platform, std::string_view user_id) {
  return make_entity_id("UserAccount", joined(lower(platform), user_id));
}
std::string wallet(std::string_view chain, std::string_view address) {
  return make_entity_id("CryptoWallet", joined(lower(chain), address));
}
std::string bank_account(std::string_view id) { return make_entity_id("BankAccount", id); }
std::string vessel(std::string_view mmsi) { return make_entity_id("Vessel", mmsi); }
std::string passport(std::string_view issuing_state, std::string_view number) {
  return make_entity_id("Passport", joined(issuing_state, number));
}
std::string document_holder(std::string_view document_id, std::string_view name) {
  return make_entity_id("Person", joined("holder", joined(document_id, name)));
}

std::string record(std::string_view schema, std::string_view evidence_sha256, std::string_view record_id) {
  return make_entity_id(schema, joined(evidence_sha256, record_id));
}

std::string schema_of_id(std::string_view id) {
  static constexpr std::string_view kSchemas[] = {
      "Message", "Post",   "Document",     "Payment", "Photo",    "Email",  "UserAccount", "Phone",
      "Person",  "Vessel", "CryptoWallet", "BankAccount", "Passport", "Event", "Organization", "Address"};
  const std::string prefix = lower(id.substr(0, id.find('-')));
  for (auto s : kSchemas)
    if (lower(s) == prefix) return std::string(s);
  return "Document";
}

}  // namespace corridor::keys

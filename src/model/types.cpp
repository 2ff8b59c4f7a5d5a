#include "model/types.hpp"

#include "core/sha256.hpp"

namespace corridor {

std::string Locator::to_string() const {
  std::string out = record;
  if (offset) {
    if (!out.empty()) out += ' ';
    out += "bytes " + std::to_string(*offset) + "+" + std::to_string(length.value_or(0));
  }
  return out;
}

bool is_identifier_property(std::string_view p) {
  static constexpr std::string_view kIdentifiers[] = {
      "number",     "email",        "iban",      "accountNumber", "publicKey", "address",  "imoNumber",
      "mmsi",       "passportNumber", "idNumber", "username",      "userId",    "handle",   "url",
      "domain",     "bic",          "cardNumber", "callSign",     "registrationNumber", "controlNumber"};
  for (auto k : kIdentifiers)
    if (k == p) return true;
  return false;
}

const char* to_string(CustodyAction a) {
  switch (a) {
    case CustodyAction::Acquired: return "acquired";
    case CustodyAction::Added: return "added";
    case CustodyAction::ExtractedFrom: return "extracted-from";
    case CustodyAction::Exported: return "exported";
    case CustodyAction::Verified: return "verified";
    case CustodyAction::Withdrawn: return "withdrawn";
  }
  return "?";
}

std::optional<CustodyAction> custody_action_from(const std::string& s) {
  for (auto a : {CustodyAction::Acquired, CustodyAction::Added, CustodyAction::ExtractedFrom,
                 CustodyAction::Exported, CustodyAction::Verified, CustodyAction::Withdrawn})
    if (s == to_string(a)) return a;
  return std::nullopt;
}

const char* to_string(ReviewState r) {
  switch (r) {
    case ReviewState::Open: return "open";
    case ReviewState::Confirmed: return "confirmed";
    case ReviewState::Dismissed: return "dismissed";
  }
  return "open";
}

std::optional<ReviewState> review_state_from(std::string_view s) {
  for (auto r : {ReviewState::Open, ReviewState::Confirmed, ReviewState::Dismissed})
    if (s == to_string(r)) return r;
  return std::nullopt;
}

namespace {
// Newlines inside fields are escaped so the field boundaries stay unambiguous.
std::string escape_field(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '\\') o += "\\\\";
    else if (c == '\n') o += "\\n";
    else o += c;
  }
  return o;
}
}  // namespace

std::string AuditEntry::computed_content_digest() const {
  const std::string bytes = "corridor-audit-content-v1\n" + salt + "\n" + escape_field(actor) + "\n" +
                            escape_field(os_user) + "\n" + escape_field(object) + "\n" + escape_field(justification) +
                            "\n";
  return to_hex(sha256(bytes));
}

std::string AuditEntry::canonical() const {
  if (version == 1)
    return "corridor-audit-v1\n" + std::to_string(seq) + "\n" + escape_field(at) + "\n" + escape_field(actor) + "\n" +
           escape_field(action) + "\n" + escape_field(object) + "\n" + escape_field(justification) + "\n" + prev_hash +
           "\n";
  return "corridor-audit-v2\n" + std::to_string(seq) + "\n" + escape_field(at) + "\n" + escape_field(action) +
         "\ncontent " + content_digest + "\nrows " + escape_field(rows) + "\n" + prev_hash + "\n";
}

}  // namespace corridor

#pragma once
// The deterministic ids of entities, in one place, so that every reader, the resolver and
// the exports derive the same id from the same identifier.
#include <string>
#include <string_view>

namespace corridor::keys {

std::string phone(std::string_view e164);
std::string email(std::string_view address);  // lower-cased
std::string account(std::string_view platform, std::string_view user_id);  // UserAccount
std::string wallet(std::string_view chain, std::string_view address);       // CryptoWallet
std::string bank_account(std::string_view iban_or_bank_and_number);         // BankAccount
std::string vessel(std::string_view mmsi);
std::string passport(std::string_view issuing_state, std::string_view number);
// The Person a travel document names, by the name it gives: one per document and name,
// whichever file it was read from (one number under two names is two people).
std::string document_holder(std::string_view document_id, std::string_view name);
// Records that exist only inside one evidence item: a message, a post, a payment row.
std::string record(std::string_view schema, std::string_view evidence_sha256, std::string_view record_id);

// The schema an id was made for: ids are "<schema in lower case>-<hash>", so the prefix
// names it. "Document" for prefixes Corridor does not know.
std::string schema_of_id(std::string_view id);

}  // namespace corridor::keys

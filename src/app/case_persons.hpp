#pragma once
// Persons as the case statements describe them, ready for matching: a PersonRecord per
// Person entity, with the phones, documents and accounts reached through the statements,
// and for every value the statement it came from (the reasons of a merge cite them).
#include <cstdint>
#include <string>
#include <vector>

#include "resolve/person_record.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

// Where a compared value came from. `field` names the comparison it feeds: "name",
// "birth date", "nationality", "document number", "phone", "account".
struct FieldSource {
  std::string field;
  std::string value;  // as stated
  std::int64_t statement = 0;
  std::string evidence_sha256;
};

struct CasePerson {
  resolve::PersonRecord record;  // record.id is the entity id
  std::string canonical_id;      // as stored now
  std::string name;              // the name compared, for people to read
  std::vector<FieldSource> sources;
};

// Every Person entity, by id. Reached values:
//  - the person's own name, firstName, lastName, birthDate, nationality, passportNumber,
//    idNumber, phone and email statements;
//  - entities whose "owner" or "holder" is the person: a UserAccount's own id and its
//    username (a handle) as accounts, its userId as a phone when it is E.164; a Phone's
//    number; a Passport's number; a BankAccount, Email or other entity's id as an account;
//  - the phones mentioned in Posts an owned account wrote: the contact an advertiser
//    prints. Messages are left out: in a chat people pass on other people's numbers.
std::vector<CasePerson> load_case_persons(store::Db& db);

// The value as matching compares it: folded to ASCII, spaces dropped ("+218 91" -> "21891").
std::string compared_value(const std::string& value);

}  // namespace corridor::app

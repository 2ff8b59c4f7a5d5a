#pragma once
// A person (or an account holder) as the sources describe them, and the folded form that
// matching compares. Any field may be empty: sources rarely say everything.
#include <string>
#include <vector>

namespace corridor::resolve {

struct PersonRecord {
  std::string id;   // the entity id of the record
  int source = 0;   // which list it came from; linkage compares only across sources
  std::string given_name, family_name;  // any script
  std::string full_name;                // when the source does not split the name
  std::string birth_date;               // "YYYYMMDD" or "YYYY-MM-DD"
  std::string nationality;              // ISO 3166 alpha-2
  std::vector<std::string> documents;   // passport, national id, social security numbers
  std::vector<std::string> phones;      // E.164
  // Accounts the person holds: account entity ids, handles, IBANs. Sharing one is
  // evidence of identity unless the account is a hub (an agent's, an office's).
  std::vector<std::string> accounts;
  std::string street_number, street, locality, postcode, region;
};

// The record with every field folded once, so comparisons never transliterate twice.
struct PreparedRecord {
  std::string given, family;  // latin_fold
  std::string given_skeleton, family_skeleton, given_soundex, family_soundex;
  std::string birth_date;  // digits only
  std::string nationality;
  std::vector<std::string> documents, phones, accounts;
  std::string street_number, street, locality, postcode, region;
};

PreparedRecord prepare(const PersonRecord& r);

}  // namespace corridor::resolve

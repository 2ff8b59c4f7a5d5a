#include "resolve/person_record.hpp"

#include "resolve/name_keys.hpp"

namespace corridor::resolve {

namespace {
std::string digits_and_letters(const std::string& s) {
  std::string out;
  for (char c : latin_fold(s))
    if (c != ' ') out.push_back(c);
  return out;
}
}  // namespace

PreparedRecord prepare(const PersonRecord& r) {
  PreparedRecord p;
  p.given = latin_fold(r.given_name);
  p.family = latin_fold(r.family_name);
  if (p.given.empty() && p.family.empty() && !r.full_name.empty()) {
    // Without a split, the last word is the best guess at the family name in the
    // scripts Corridor meets; a wrong guess still scores through the swap level.
    const std::string full = latin_fold(r.full_name);
    const auto cut = full.rfind(' ');
    if (cut == std::string::npos) {
      p.family = full;
    } else {
      p.given = full.substr(0, cut);
      p.family = full.substr(cut + 1);
    }
  }
  p.given_skeleton = consonant_skeleton(p.given);
  p.family_skeleton = consonant_skeleton(p.family);
  p.given_soundex = soundex(p.given);
  p.family_soundex = soundex(p.family);
  for (char c : latin_fold(r.birth_date))
    if (c >= '0' && c <= '9') p.birth_date.push_back(c);
  p.nationality = latin_fold(r.nationality);
  for (const auto& d : r.documents)
    if (auto v = digits_and_letters(d); !v.empty()) p.documents.push_back(std::move(v));
  for (const auto& ph : r.phones)
    if (auto v = digits_and_letters(ph); !v.empty()) p.phones.push_back(std::move(v));
  for (const auto& a : r.accounts)
    if (auto v = digits_and_letters(a); !v.empty()) p.accounts.push_back(std::move(v));
  p.street_number = digits_and_letters(r.street_number);
  p.street = latin_fold(r.street);
  p.locality = latin_fold(r.locality);
  p.postcode = digits_and_letters(r.postcode);
  p.region = latin_fold(r.region);
  return p;
}

}  // namespace corridor::resolve

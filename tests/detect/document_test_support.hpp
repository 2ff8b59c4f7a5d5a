#pragma once
// Shared by the document-check tests: MRZs built field by field with their check digits
// computed (or deliberately broken), and sightings of them as the case adapter makes them.
#include <string>
#include <vector>

#include "detect/document_checks.hpp"
#include "extract/checks.hpp"

namespace corridor::test {

inline char check_digit(const std::string& field) { return static_cast<char>('0' + extract::mrz_check(field)); }

inline std::string pad(std::string s, std::size_t n) {
  if (s.size() > n) s.resize(n);
  s.append(n - s.size(), '<');
  return s;
}

struct Td3 {
  std::string issuer = "ITA", surname = "ROSSI", given = "MARCO", number = "YA1234567", nationality = "";
  std::string birth = "900101", sex = "M", expiry = "300101";
  int break_number = 0;     // added to the number's check digit (mod 10)
  int break_composite = 0;  // added to the composite check digit

  std::string line1() const {
    std::string name = surname + "<<" + given;
    for (char& c : name)
      if (c == ' ') c = '<';
    return pad("P<" + pad(issuer, 3) + name, 44);
  }
  std::string line2() const {
    const std::string n = pad(number, 9);
    char nc = check_digit(n);
    nc = static_cast<char>('0' + (nc - '0' + break_number) % 10);
    std::string l = n + nc + pad(nationality.empty() ? issuer : nationality, 3) + birth + check_digit(birth) + sex +
                    expiry + check_digit(expiry) + pad("", 14) + '0';
    char cc = check_digit(l.substr(0, 10) + l.substr(13, 7) + l.substr(21, 22));
    cc = static_cast<char>('0' + (cc - '0' + break_composite) % 10);
    return l + cc;
  }
  std::string text() const { return line1() + "\n" + line2(); }
  std::string joined() const { return line1() + line2(); }
};

// A sighting of `mrz` in statement `statement`, seen on `date` (empty: no known date).
inline detect::DocumentSighting sighting(const Td3& mrz, std::int64_t statement, const std::string& date = "2025-08-20",
                                         const std::string& entity = "") {
  detect::DocumentSighting s;
  s.doc = *detect::read_mrz(mrz.joined());
  s.statement = statement;
  s.document_entity = entity.empty() ? "passport-" + mrz.issuer + "-" + mrz.number : entity;
  s.found_in = "document-file";
  s.reference_date = date;
  if (!date.empty()) s.reference_basis = "the acquisition date of phone.zip";
  return s;
}

inline std::vector<Indicator> of_detector(const std::vector<Indicator>& all, const std::string& detector) {
  std::vector<Indicator> out;
  for (const auto& i : all)
    if (i.detector == detector) out.push_back(i);
  return out;
}

}  // namespace corridor::test

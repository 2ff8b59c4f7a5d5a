#pragma once
// Comparisons turn a pair of records into agreement levels, one per field, as in Splink:
// level 0 is the strongest agreement, the last level is "different", and -1 means one
// side does not say (no evidence either way, weight 0).
#include <functional>
#include <string>
#include <vector>

#include "resolve/person_record.hpp"

namespace corridor::resolve {

struct Comparison {
  std::string name;
  std::vector<std::string> levels;  // labels, in the order `level` returns them
  std::function<int(const PreparedRecord&, const PreparedRecord&)> level;
  // Term-frequency adjustment: an exact agreement on a rare value ("Zarghami") weighs
  // more than on a common one ("Mohammed"). Null when the field has none.
  std::function<const std::string*(const PreparedRecord&)> tf_value;
  int tf_level = 0;
};

using StringField = std::string PreparedRecord::*;
using ListField = std::vector<std::string> PreparedRecord::*;

// Names: exact, Jaro-Winkler >= 0.92, same consonant skeleton or Soundex (the level that
// joins scripts), Jaro-Winkler >= 0.8, equal to the other's swapped name, different.
Comparison name_comparison(std::string name, StringField field, StringField skeleton, StringField soundex_key,
                           StringField swapped);
// Dates as digits: exact, one typo or two digits swapped, day and month swapped, same
// year and month, two typos, different.
Comparison date_comparison(std::string name, StringField field);
// Numbers and codes: exact, one edit, two edits, different (best pair for lists).
Comparison code_comparison(std::string name, StringField field);
Comparison code_list_comparison(std::string name, ListField field);
// Free text such as street names: exact, Jaro-Winkler >= 0.9, >= 0.75, different.
Comparison text_comparison(std::string name, StringField field, bool term_frequency);
Comparison exact_comparison(std::string name, StringField field);

// The comparisons for persons: names, birth date, documents, phones, nationality, address.
std::vector<Comparison> person_comparisons();

}  // namespace corridor::resolve

#include "resolve/comparisons.hpp"

#include <algorithm>

#include "resolve/similarity.hpp"

namespace corridor::resolve {

namespace {

std::function<const std::string*(const PreparedRecord&)> tf_of(StringField f) {
  return [f](const PreparedRecord& r) { return &(r.*f); };
}

int code_level(const std::string& a, const std::string& b) {
  if (a == b) return 0;
  const int d = edit_distance(a, b);
  return d <= 1 ? 1 : d <= 2 ? 2 : 3;
}

}  // namespace

Comparison name_comparison(std::string name, StringField field, StringField skeleton, StringField soundex_key,
                           StringField swapped) {
  Comparison c;
  c.name = std::move(name);
  c.levels = {"exact", "Jaro-Winkler >= 0.92", "same skeleton or Soundex", "Jaro-Winkler >= 0.8",
              "swapped with the other name", "different"};
  c.level = [=](const PreparedRecord& a, const PreparedRecord& b) {
    const std::string& x = a.*field;
    const std::string& y = b.*field;
    if (x.empty() || y.empty()) return -1;
    if (x == y) return 0;
    const double jw = jaro_winkler(x, y);
    if (jw >= 0.92) return 1;
    if (!(a.*skeleton).empty() && a.*skeleton == b.*skeleton) return 2;
    if (!(a.*soundex_key).empty() && a.*soundex_key == b.*soundex_key) return 2;
    if (jw >= 0.8) return 3;
    if (x == b.*swapped || a.*swapped == y) return 4;
    return 5;
  };
  c.tf_value = tf_of(field);
  return c;
}

Comparison date_comparison(std::string name, StringField field) {
  Comparison c;
  c.name = std::move(name);
  c.levels = {"exact", "one typo", "day and month swapped", "same year and month", "two typos", "different"};
  c.level = [=](const PreparedRecord& a, const PreparedRecord& b) {
    const std::string& x = a.*field;
    const std::string& y = b.*field;
    if (x.empty() || y.empty()) return -1;
    if (x == y) return 0;
    const int d = edit_distance(x, y);
    if (d <= 1) return 1;
    if (x.size() == 8 && y.size() == 8) {
      if (x.substr(0, 4) == y.substr(0, 4) && x.substr(4, 2) == y.substr(6, 2) && x.substr(6, 2) == y.substr(4, 2))
        return 2;
      if (x.substr(0, 6) == y.substr(0, 6)) return 3;
    }
    return d <= 2 ? 4 : 5;
  };
  return c;
}

Comparison code_comparison(std::string name, StringField field) {
  Comparison c;
  c.name = std::move(name);
  c.levels = {"exact", "one edit", "two edits", "different"};
  c.level = [=](const PreparedRecord& a, const PreparedRecord& b) {
    if ((a.*field).empty() || (b.*field).empty()) return -1;
    return code_level(a.*field, b.*field);
  };
  return c;
}

Comparison code_list_comparison(std::string name, ListField field) {
  Comparison c;
  c.name = std::move(name);
  c.levels = {"exact", "one edit", "two edits", "different"};
  c.level = [=](const PreparedRecord& a, const PreparedRecord& b) {
    if ((a.*field).empty() || (b.*field).empty()) return -1;
    int best = 3;
    for (const auto& x : a.*field)
      for (const auto& y : b.*field) best = std::min(best, code_level(x, y));
    return best;
  };
  return c;
}

Comparison text_comparison(std::string name, StringField field, bool term_frequency) {
  Comparison c;
  c.name = std::move(name);
  c.levels = {"exact", "Jaro-Winkler >= 0.9", "Jaro-Winkler >= 0.75", "different"};
  c.level = [=](const PreparedRecord& a, const PreparedRecord& b) {
    const std::string& x = a.*field;
    const std::string& y = b.*field;
    if (x.empty() || y.empty()) return -1;
    if (x == y) return 0;
    const double jw = jaro_winkler(x, y);
    return jw >= 0.9 ? 1 : jw >= 0.75 ? 2 : 3;
  };
  if (term_frequency) c.tf_value = tf_of(field);
  return c;
}

Comparison exact_comparison(std::string name, StringField field) {
  Comparison c;
  c.name = std::move(name);
  c.levels = {"exact", "different"};
  c.level = [=](const PreparedRecord& a, const PreparedRecord& b) {
    if ((a.*field).empty() || (b.*field).empty()) return -1;
    return a.*field == b.*field ? 0 : 1;
  };
  return c;
}

std::vector<Comparison> person_comparisons() {
  using P = PreparedRecord;
  return {
      name_comparison("given name", &P::given, &P::given_skeleton, &P::given_soundex, &P::family),
      name_comparison("family name", &P::family, &P::family_skeleton, &P::family_soundex, &P::given),
      date_comparison("birth date", &P::birth_date),
      code_list_comparison("document number", &P::documents),
      code_list_comparison("phone", &P::phones),
      exact_comparison("nationality", &P::nationality),
      code_comparison("street number", &P::street_number),
      text_comparison("street", &P::street, false),
      text_comparison("locality", &P::locality, true),
      code_comparison("postcode", &P::postcode),
      exact_comparison("region", &P::region),
  };
}

}  // namespace corridor::resolve

// documents.stolen: a document on a lost-and-stolen list, such as an extract of
// INTERPOL's SLTD database or a national list, given as CSV (`corridor detect
// --stolen-documents FILE`). The header row names the columns, in any order:
//   document_number  required; compared without spaces, dashes, dots, slashes or fillers
//   issuing_state    ICAO code (ITA, D, GBR...); empty: the entry matches any issuer, weaker
//   document_type    P, I, V... or passport / identity card / visa; empty: any type
//   reported         YYYY-MM-DD, when the loss or theft was reported; may be empty
// Other columns are ignored. An entry for another issuing state or another document type
// is another document and does not match. A malformed row stops the check with an error
// naming <file>:<line>, before anything is written.
#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "detect/document_checks.hpp"

namespace corridor::detect {

namespace {

constexpr double kListed = 0.9;           // number and issuing state on the list
constexpr double kListedAnyState = 0.6;   // the list gives no issuing state
constexpr double kSeenAfterReport = 0.3;  // and it was seen after the report

std::string upper_trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  s = s.substr(b, s.find_last_not_of(" \t") - b + 1);
  std::string out;
  for (char c : s) out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  return out;
}

// One CSV record (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks).
// Returns false at the end of the text; `line` is advanced past the record's lines.
bool next_record(std::string_view text, std::size_t& pos, std::size_t& line, std::vector<std::string>& fields,
                 const std::string& name) {
  fields.clear();
  if (pos >= text.size()) return false;
  const std::size_t first_line = line;
  std::string field;
  bool quoted = false, was_quoted = false;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c == '"' && pos < text.size() && text[pos] == '"') {
        field.push_back('"');
        ++pos;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n') {
      ++line;
      break;
    } else if (c != '\r') {
      field.push_back(c);
    }
  }
  if (quoted) throw Error(name + ":" + std::to_string(first_line), "a quoted field is not closed");
  fields.push_back(std::move(field));
  return true;
}

bool blank(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(),
                     [](const std::string& f) { return f.find_first_not_of(" \t") == std::string::npos; });
}

bool valid_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= (m == 2 && leap ? 29 : kDays[m - 1]);
}

std::string document_type(const std::string& raw, const std::string& where) {
  if (raw.empty()) return "";
  if (raw == "PASSPORT") return "P";
  if (raw == "IDENTITY CARD" || raw == "ID CARD" || raw == "NATIONAL ID" || raw == "ID") return "I";
  if (raw == "VISA") return "V";
  if (raw.size() <= 2 &&
      std::all_of(raw.begin(), raw.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '<'; }) && raw[0] != '<')
    return raw;
  throw Error(where,
              "document type '" + raw + "' is not an ICAO document code (P, I, V...) or passport, identity card, visa");
}

}  // namespace

StolenList StolenList::parse(std::string_view text, const std::string& name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  StolenList list;
  std::size_t pos = 0, line = 1;
  std::vector<std::string> fields;
  // The header: the first record that is not blank.
  std::size_t header_line = line;
  bool have_header = false;
  while (!have_header) {
    header_line = line;
    if (!next_record(text, pos, line, fields, name)) break;
    have_header = !blank(fields);
  }
  const std::string expected = "expected a header row naming document_number,issuing_state,document_type,reported";
  if (!have_header) throw Error(name + ":1", "no rows; " + expected);
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::string h = upper_trim(fields[i]);
    std::transform(h.begin(), h.end(), h.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    if (h.empty()) continue;
    if (!column.emplace(h, i).second)
      throw Error(name + ":" + std::to_string(header_line), "column '" + h + "' appears twice in the header");
  }
  if (!column.count("document_number"))
    throw Error(name + ":" + std::to_string(header_line), "no document_number column; " + expected);
  const std::size_t width = fields.size();
  auto get = [&](const char* col) -> std::string {
    const auto it = column.find(col);
    return it == column.end() ? "" : upper_trim(fields[it->second]);
  };

  for (;;) {
    const std::size_t row_line = line;
    if (!next_record(text, pos, line, fields, name)) break;
    if (blank(fields)) continue;
    const std::string where = name + ":" + std::to_string(row_line);
    if (fields.size() != width)
      throw Error(where, std::to_string(fields.size()) + " fields where the header has " + std::to_string(width));
    StolenDocument d;
    d.where = where;
    const std::string raw_number = get("document_number");
    d.number = normalise_document_number(raw_number);
    if (d.number.empty()) throw Error(where, "no document number");
    if (!std::all_of(d.number.begin(), d.number.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }))
      throw Error(where, "document number '" + raw_number + "' has characters other than letters and digits");
    d.state = get("issuing_state");
    while (!d.state.empty() && d.state.back() == '<') d.state.pop_back();  // "D<<"
    if (!d.state.empty() && (d.state.size() > 3 ||
                             !std::all_of(d.state.begin(), d.state.end(), [](char c) { return c >= 'A' && c <= 'Z'; })))
      throw Error(where, "issuing state '" + get("issuing_state") + "' is not an ICAO code (ITA, D, GBR...)");
    d.doc_type = document_type(get("document_type"), where);
    d.reported = get("reported");
    if (!d.reported.empty() && !valid_date(d.reported))
      throw Error(where, "reported date '" + d.reported + "' is not a date written YYYY-MM-DD");
    list.rows.push_back(std::move(d));
  }
  return list;
}

StolenList StolenList::load(const std::string& path) { return parse(read_data_file(path), path); }

std::vector<Indicator> stolen_indicators(const std::vector<DocumentSighting>& seen, const StolenList& list) {
  std::multimap<std::string, const StolenDocument*> by_number;
  for (const auto& r : list.rows) by_number.emplace(r.number, &r);

  std::vector<Indicator> out;
  for (const auto& group : group_by_mrz(seen)) {
    const TravelDocument& d = group.front()->doc;
    const std::string number = normalise_document_number(d.number);
    if (number.empty()) continue;
    const StolenDocument* best = nullptr;
    const auto [first, last] = by_number.equal_range(number);
    for (auto it = first; it != last; ++it) {
      const StolenDocument* r = it->second;
      if (!r->state.empty() && r->state != d.issuer) continue;  // another state's document
      if (!r->doc_type.empty() && (d.doc_type.empty() || r->doc_type[0] != d.doc_type[0])) continue;
      if (!best || (best->state.empty() && !r->state.empty())) best = r;
    }
    if (!best) continue;
    const auto statements = cited(group);
    Indicator ind;
    ind.detector = "documents.stolen";
    ind.subjects = document_subjects(group);
    std::string entry = number + (best->state.empty() ? ", no issuing state given" : ", issued by " + best->state);
    if (!best->doc_type.empty()) entry += ", document type " + best->doc_type;
    if (!best->reported.empty()) entry += ", reported " + best->reported;
    ind.reasons.push_back(Reason{"on the lost-and-stolen list (" + best->where + "): " + entry,
                                 best->state.empty() ? kListedAnyState : kListed, statements});
    if (!best->reported.empty()) {
      std::vector<const DocumentSighting*> after;
      std::string when;
      for (const auto* s : group)
        if (!s->reference_is_upper_bound && s->reference_date.size() == 10 && s->reference_date >= best->reported) {
          after.push_back(s);
          if (when.empty() || s->reference_date < when) when = s->reference_date;
        }
      if (!after.empty())
        ind.reasons.push_back(Reason{"seen on " + when + ", after it was reported lost or stolen on " + best->reported,
                                     kSeenAfterReport, cited(after)});
    }
    ind.score = combine_weights(ind.reasons);
    ind.title = describe(d) + ", " + d.name() + ", is on the lost-and-stolen list (" + best->where + ")";
    out.push_back(std::move(ind));
  }
  return out;
}

}  // namespace corridor::detect

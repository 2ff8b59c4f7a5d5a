// documents.specimen: a document carrying the data of a published specimen — its number,
// its holder's name, a word such as SPECIMEN in the name, or the fictitious state of the
// ICAO examples (data/documents/specimens.tsv, each row with its public source). Forgers
// copy specimens because they are easy to find; no genuine document carries their data.
// Matches are exact (after removing fillers): a number one character away from a
// specimen's is another number.
#include <regex>

#include "core/error.hpp"
#include "detect/document_checks.hpp"

namespace corridor::detect {

namespace {

constexpr double kNumber = 0.8;          // a specimen's number
constexpr double kNumberAndState = 0.9;  // ... on a document of the specimen's state
constexpr double kNumberPattern = 0.7;   // a specimen numbering scheme
constexpr double kName = 0.6;            // a specimen holder's name
constexpr double kNameWord = 0.6;        // SPECIMEN in the name
constexpr double kState = 0.85;          // Utopia

bool has_word(const std::string& name, const std::string& word) {
  std::size_t pos = 0;
  while ((pos = name.find(word, pos)) != std::string::npos) {
    const bool start = pos == 0 || name[pos - 1] == ' ';
    const bool end = pos + word.size() == name.size() || name[pos + word.size()] == ' ';
    if (start && end) return true;
    ++pos;
  }
  return false;
}

}  // namespace

Specimens Specimens::parse(std::string_view text, const std::string& name) {
  Specimens s;
  for (const auto& [number, line] : data_lines(text)) {
    const std::string where = name + ":" + std::to_string(number);
    auto cols = split_tabs(line);
    if (cols.size() != 4) throw Error(where, "expected 4 tab-separated columns, found " + std::to_string(cols.size()));
    Specimen row{cols[0], cols[1], cols[2], cols[3]};
    if (row.value.empty()) throw Error(where, "no value");
    if (row.source.empty()) throw Error(where, "no source given");
    if (row.kind == "number") {
      row.value = normalise_document_number(row.value);
    } else if (row.kind == "number_pattern") {
      try {
        std::regex check(row.value);
      } catch (const std::regex_error& e) {
        throw Error(where, "pattern '" + row.value + "' is not a regular expression: " + e.what());
      }
    } else if (row.kind == "name") {
      if (row.value.find('|') == std::string::npos) throw Error(where, "a name is written SURNAME|GIVEN NAMES");
    } else if (row.kind != "name_word" && row.kind != "state") {
      throw Error(where, "kind '" + row.kind + "' is not number, number_pattern, name, name_word or state");
    }
    s.rows.push_back(std::move(row));
  }
  return s;
}

Specimens Specimens::load(const std::string& path) { return parse(read_data_file(path), path); }

std::vector<Indicator> specimen_indicators(const std::vector<DocumentSighting>& seen, const Specimens& specimens) {
  std::vector<std::regex> patterns(specimens.rows.size());
  for (std::size_t i = 0; i < specimens.rows.size(); ++i)
    if (specimens.rows[i].kind == "number_pattern") patterns[i] = std::regex(specimens.rows[i].value);

  std::vector<Indicator> out;
  for (const auto& group : group_by_mrz(seen)) {
    const TravelDocument& d = group.front()->doc;
    const std::string number = normalise_document_number(d.number);
    const std::string name = d.surname + "|" + d.given;
    const auto statements = cited(group);
    Indicator ind;
    ind.detector = "documents.specimen";
    bool number_matched = false;  // a specimen's own number makes its numbering scheme redundant
    for (const auto& sp : specimens.rows)
      number_matched = number_matched || (sp.kind == "number" && number == sp.value);
    std::string what;
    auto add = [&](const std::string& text, double weight, const std::string& short_text) {
      ind.reasons.push_back(Reason{text, weight, statements});
      what += (what.empty() ? "" : ", ") + short_text;
    };
    for (std::size_t i = 0; i < specimens.rows.size(); ++i) {
      const Specimen& sp = specimens.rows[i];
      if (sp.kind == "number" && !number.empty() && number == sp.value) {
        const bool state = !sp.state.empty() && sp.state == d.issuer;
        add("document number " + number + " is the number of a published specimen: " + sp.source +
                (sp.state.empty() || state ? "" : "; here on a document of " + d.issuer + ", not " + sp.state),
            state ? kNumberAndState : kNumber, "specimen number " + number);
      } else if (sp.kind == "number_pattern" && !number_matched && !number.empty() &&
                 std::regex_match(number, patterns[i])) {
        add("document number " + number + " follows a specimen numbering: " + sp.source, kNumberPattern,
            "specimen-style number " + number);
      } else if (sp.kind == "name" && name == sp.value) {
        add("the holder's name " + d.name() + " is a specimen holder's: " + sp.source, kName,
            "specimen holder " + d.name());
      } else if (sp.kind == "name_word" && has_word(d.name(), sp.value)) {
        add("the name " + d.name() + " contains the word " + sp.value + ": " + sp.source, kNameWord,
            "'" + sp.value + "' in the name");
      } else if (sp.kind == "state" && (d.issuer == sp.value || d.nationality == sp.value)) {
        add("state code " + sp.value + (d.issuer == sp.value ? " as issuer" : " as nationality") + ": " + sp.source,
            kState, "state " + sp.value);
      }
    }
    if (ind.reasons.empty()) continue;
    std::stable_sort(ind.reasons.begin(), ind.reasons.end(),
                     [](const Reason& a, const Reason& b) { return a.weight > b.weight; });
    ind.subjects = document_subjects(group);
    ind.score = combine_weights(ind.reasons);
    ind.title = describe(d) + ", " + d.name() + ", carries specimen data: " + what;
    out.push_back(std::move(ind));
  }
  return out;
}

}  // namespace corridor::detect

// documents.number_format: a document number that does not follow the format its issuing
// state uses (data/documents/number_formats.tsv: pattern, how well it is documented, the
// source), and fillers inside a number, which ICAO 9303 only allows as padding at its end.
// States whose numbering is not publicly documented are not checked: a guessed format
// would accuse genuine documents.
#include <regex>

#include "core/error.hpp"
#include "detect/document_checks.hpp"

namespace corridor::detect {

namespace {

constexpr double kDocumented = 0.6;  // a published format does not match
constexpr double kReported = 0.35;   // only third parties describe the format
constexpr double kInnerFiller = 0.5;

bool code_ok(const std::string& s, std::size_t min, std::size_t max) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s)
    if ((c < 'A' || c > 'Z') && c != '<') return false;
  return true;
}

}  // namespace

NumberFormats NumberFormats::parse(std::string_view text, const std::string& name) {
  NumberFormats f;
  for (const auto& [number, line] : data_lines(text)) {
    const std::string where = name + ":" + std::to_string(number);
    auto cols = split_tabs(line);
    if (cols.size() != 6) throw Error(where, "expected 6 tab-separated columns, found " + std::to_string(cols.size()));
    NumberFormat row{cols[0], cols[1], cols[3], cols[2], cols[4], cols[5]};
    if (!code_ok(row.state, 1, 3)) throw Error(where, "issuing state '" + row.state + "' is not an ICAO code");
    if (!code_ok(row.doc_type, 1, 1)) throw Error(where, "document type '" + row.doc_type + "' is not one letter");
    if (row.status == "undocumented") {
      if (!row.pattern.empty()) throw Error(where, "an undocumented format carries no pattern");
    } else if (row.status == "documented" || row.status == "reported") {
      if (row.pattern.empty()) throw Error(where, "a " + row.status + " format needs a pattern");
      try {
        std::regex check(row.pattern);
      } catch (const std::regex_error& e) {
        throw Error(where, "pattern '" + row.pattern + "' is not a regular expression: " + e.what());
      }
    } else {
      throw Error(where, "status '" + row.status + "' is not documented, reported or undocumented");
    }
    if (row.source.empty()) throw Error(where, "no source given");
    if (f.find(row.state, row.doc_type)) throw Error(where, row.state + " " + row.doc_type + " is listed twice");
    f.rows.push_back(std::move(row));
  }
  return f;
}

NumberFormats NumberFormats::load(const std::string& path) { return parse(read_data_file(path), path); }

const NumberFormat* NumberFormats::find(const std::string& state, const std::string& doc_type) const {
  for (const auto& r : rows)
    if (r.state == state && r.doc_type == doc_type) return &r;
  return nullptr;
}

std::vector<Indicator> number_format_indicators(const std::vector<DocumentSighting>& seen,
                                                const NumberFormats& formats) {
  std::vector<std::regex> compiled;
  compiled.reserve(formats.rows.size());
  for (const auto& r : formats.rows) compiled.emplace_back(r.pattern.empty() ? std::string(".*") : r.pattern);

  std::vector<Indicator> out;
  for (const auto& group : group_by_mrz(seen)) {
    const TravelDocument& d = group.front()->doc;
    if (d.number.empty()) continue;
    const auto statements = cited(group);
    Indicator ind;
    ind.detector = "documents.number_format";
    std::string why;
    // Fillers pad a number at its end; one inside it is no issuer's work.
    if (d.number.find('<') != std::string::npos) {
      ind.reasons.push_back(Reason{"the document number field '" + d.number_field +
                                       "' has fillers inside the number, which ICAO 9303 only allows at its end",
                                   kInnerFiller, statements});
      why = "fillers inside the number";
    }
    const NumberFormat* f = formats.find(d.issuer, d.doc_type.substr(0, 1));
    if (f && f->status != "undocumented") {
      const std::size_t i = static_cast<std::size_t>(f - formats.rows.data());
      if (!std::regex_match(d.number, compiled[i])) {
        const bool documented = f->status == "documented";
        ind.reasons.push_back(Reason{"the number " + d.number + " does not follow the " + d.issuer + " " + d.kind() +
                                         " format (" + f->description + "), " +
                                         (documented ? "as documented by " : "as reported by ") + f->source,
                                     documented ? kDocumented : kReported, statements});
        why = why.empty() ? "not the " + d.issuer + " format" : why + ", not the " + d.issuer + " format";
      }
    }
    if (ind.reasons.empty()) continue;
    ind.subjects = document_subjects(group);
    ind.score = combine_weights(ind.reasons);
    ind.title = "document number of " + describe(d) + ", " + d.name() + ": " + why;
    out.push_back(std::move(ind));
  }
  return out;
}

}  // namespace corridor::detect

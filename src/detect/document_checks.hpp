#pragma once
// Document checks (issue 7): the travel documents seen in a case, read from their
// machine-readable zones (ICAO 9303), and one detector per file that turns them into
// indicators — check digits (document_mrz_checks.cpp), expiry (document_expiry.cpp),
// number format versus issuing state (document_number_format.cpp), one number under two
// identities (document_shared_number.cpp), published specimens (document_specimen.cpp),
// a lost-and-stolen list (document_stolen.cpp). Each indicator is an assessment for a
// person to review, never a finding about the holder.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/types.hpp"

namespace corridor::detect {

// One check digit of an MRZ: which field it guards and whether it holds.
struct MrzCheck {
  std::string field;  // "document number", "birth date", "expiry date", "optional data", "composite"
  bool ok = false;
};

// A machine-readable zone as read, whatever its check digits say.
struct TravelDocument {
  std::string format;    // "td1", "td2", "td3", "mrv-a", "mrv-b"
  std::string doc_type;  // "P", "PD", "I", "ID", "AC", "V"... (fillers removed)
  std::string issuer;    // issuing state or organisation, ICAO code ("D" for Germany)
  std::string nationality;
  std::string surname, given;  // fillers as spaces, trimmed
  std::string number;          // document number, trailing fillers removed (inner ones kept)
  std::string number_field;    // the 9 characters as printed, fillers included
  std::string birth, expiry;   // ISO dates; "" when the MRZ has no valid date there
  std::string sex;             // "M", "F", "<" or "X"
  std::string mrz;             // the lines joined, as stored in the case
  std::vector<MrzCheck> checks;

  bool checks_hold() const;
  std::string name() const;  // "SURNAME GIVEN"
  // "passport", "identity card", "visa", "travel document"
  std::string kind() const;
};

// Reads an MRZ given as its lines, joined with or without line breaks (88 characters for
// TD3 and MRV-A, 72 for TD2 and MRV-B, 90 for TD1). nullopt when the text does not have the shape of an MRZ.
// Check digits are recomputed and reported, never required.
std::optional<TravelDocument> read_mrz(std::string_view text);

// The document number as lists and forms write it, compared: upper case, without spaces,
// dashes, dots, slashes or MRZ fillers.
std::string normalise_document_number(std::string_view number);

// A travel document where the case saw it: one MRZ in one statement.
struct DocumentSighting {
  TravelDocument doc;
  std::int64_t statement = 0;             // the statement holding the MRZ text
  std::string document_entity;            // the Passport/Identification entity, "" when the case has none
  std::string found_in;                   // the message, post or file entity the MRZ was read from
  std::vector<std::string> holders;       // Person entities the case says hold it
  std::string reference_date;             // YYYY-MM-DD: when the document was seen; "" unknown
  std::string reference_basis;            // how that date was chosen, for the reason text
  bool reference_is_upper_bound = false;  // the date is only when the evidence reached the case
};

// Subjects of an indicator about sightings: their document entities (else the entities
// they were found in) and holders, without repeats, in first-seen order.
std::vector<std::string> document_subjects(const std::vector<const DocumentSighting*>& seen);

// Sightings of the same MRZ text, in first-seen order (one document, many sightings).
std::vector<std::vector<const DocumentSighting*>> group_by_mrz(const std::vector<DocumentSighting>& all);

// 1 − Π(1 − w): reasons taken as independent evidence.
double combine_weights(const std::vector<Reason>& reasons);

// The statements of the sightings, at most `limit` of them (a reason needs a few, not all).
std::vector<std::int64_t> cited(const std::vector<const DocumentSighting*>& seen, std::size_t limit = 20);

// "passport L898902C3 (UTO)"
std::string describe(const TravelDocument& d);

// The data files: the whole file (throws corridor::Error naming it when unreadable), and
// its lines, each with its 1-based number, without '\r', blank and '#' lines left out.
std::string read_data_file(const std::string& path);
std::vector<std::pair<std::size_t, std::string>> data_lines(std::string_view text);
std::vector<std::string> split_tabs(std::string_view line);

// ---- the detectors ----------------------------------------------------------------

// documents.check_digit: MRZs whose check digits do not hold.
std::vector<Indicator> check_digit_indicators(const std::vector<DocumentSighting>& seen);

// documents.expired: documents that had expired on the date they were seen.
std::vector<Indicator> expired_indicators(const std::vector<DocumentSighting>& seen);

// documents.number_format: numbers that do not follow the issuing state's format.
struct NumberFormat {
  std::string state;     // ICAO code
  std::string doc_type;  // first letter of the document code it applies to: "P", "I"...
  std::string pattern;   // ECMAScript regular expression over the whole number
  std::string status;    // "documented" or "reported" ("undocumented" rows carry no pattern)
  std::string description, source;
};
struct NumberFormats {
  std::vector<NumberFormat> rows;
  // Throws corridor::Error naming "<path>:<line>" for a malformed row.
  static NumberFormats load(const std::string& path);
  static NumberFormats parse(std::string_view text, const std::string& name);
  const NumberFormat* find(const std::string& state, const std::string& doc_type) const;
};
std::vector<Indicator> number_format_indicators(const std::vector<DocumentSighting>& seen,
                                                const NumberFormats& formats);

// documents.shared_number: one document number under two different holders.
std::vector<Indicator> shared_number_indicators(const std::vector<DocumentSighting>& seen);

// documents.specimen: numbers, names and states of published specimen documents.
struct Specimen {
  std::string kind;   // "number", "number_prefix", "name", "name_word", "state"
  std::string value;  // as compared: a normalised number, "SURNAME|GIVEN", a word, a code
  std::string state;  // the specimen's issuing state, "" any
  std::string source;
};
struct Specimens {
  std::vector<Specimen> rows;
  static Specimens load(const std::string& path);
  static Specimens parse(std::string_view text, const std::string& name);
};
std::vector<Indicator> specimen_indicators(const std::vector<DocumentSighting>& seen, const Specimens& specimens);

// documents.stolen: matches against a lost-and-stolen list (CSV with a header row naming
// document_number, issuing_state, document_type, reported; other columns are ignored).
struct StolenDocument {
  std::string number;    // normalised
  std::string state;     // ICAO code; "" when the list does not say
  std::string doc_type;  // "P", "I", "V"...; "" when the list does not say
  std::string reported;  // YYYY-MM-DD; "" when the list does not say
  std::string where;     // "<file>:<line>"
};
struct StolenList {
  std::vector<StolenDocument> rows;
  // Throws corridor::Error naming "<file>:<line>" for a malformed row.
  static StolenList load(const std::string& path);
  static StolenList parse(std::string_view text, const std::string& name);
};
std::vector<Indicator> stolen_indicators(const std::vector<DocumentSighting>& seen, const StolenList& list);

}  // namespace corridor::detect

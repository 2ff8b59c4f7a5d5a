#pragma once
// Protected attributes of persons (docs/bias_audit.md): which properties hold them, how
// their recorded values become the groups of the bias audit, and the words that name
// them, so that no detector uses them as features.
//
// Two rules, checked in tests and shown by `corridor audit-bias`:
//  1. No detector reads a protected property (is_protected_property) as an input.
//  2. No feature of a trained model and no lexicon term names a protected group
//     (check_feature_names, check_lexicon_file): nationality or ethnicity, religion, sex.
// Words that name a group in one language and mean something else in another ("کرد",
// Persian "did" and "Kurd") are listed with a note; they are reported for review, not
// refused. Proxies cannot all be caught by word lists (a dialect is a proxy for a
// nationality): the outcome audit (bias_audit.hpp) is what measures them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corridor::detect {

// --- Properties --------------------------------------------------------------------------

// FollowTheMoney property names holding protected attributes of a person (nationality,
// citizenship, ethnicity, religion, gender, sex, birthDate, birthPlace, political, age).
const std::vector<std::string>& protected_properties();
bool is_protected_property(std::string_view property);

// Properties whose value carries protected fields inside it: a Passport's "validation"
// (the MRZ's nationality, sex and birth date). Detectors may read them for document
// checks; the audit names them.
bool carries_protected_fields(std::string_view schema, std::string_view property);

// The audited attribute each protected property feeds ("nationality" for nationality and
// citizenship, "sex" for gender and sex, "age_band" for birthDate, "ethnicity",
// "religion"); empty for the others (birthPlace, political).
std::string audited_attribute(std::string_view property);

// --- Values into groups ------------------------------------------------------------------

// ISO 3166-1 alpha-2 upper case from alpha-2, alpha-3 or an ICAO 9303 nationality code
// ("sy", "SYR" -> "SY"; "D" -> "DE"; "GBD" -> "GB"; "XXA" stateless, "XXB" refugee, "XXC"
// refugee (other), "XXX" unspecified -> kept as they are). Empty for an empty value or
// the MRZ filler; any other value is upper-cased and kept as written.
std::string normalise_nationality(std::string_view value);

// "female", "male" or "other" from FtM gender words and MRZ sex codes (F, M, X); empty
// when unrecorded ("<", "", "unknown").
std::string normalise_sex(std::string_view value);

// A birth date "YYYY-MM-DD", "YYYY-MM" or "YYYY" at a reference date "YYYY-MM-DD":
// "<18", "18-25", "26-35", "36-50", ">50", in full years. For a partial date the band is
// given when every day the date may stand for falls in the same band; else empty. Empty
// for unparseable dates and for births after the reference date.
std::string age_band(std::string_view birth_date, std::string_view reference_date);
inline constexpr const char* kAgeBands[] = {"<18", "18-25", "26-35", "36-50", ">50"};

// --- Terms that must not be features -----------------------------------------------------

enum class ProtectedCategory { Nationality, Ethnicity, Religion, Sex };
const char* to_string(ProtectedCategory c);

struct ProtectedTerm {
  std::string lang;  // ISO 639 as in kOfferLanguages
  ProtectedCategory category = ProtectedCategory::Nationality;
  std::string term;    // as written
  std::string folded;  // fold_term(term): what a feature or lexicon token is compared with
  // Empty: the term names a protected group and must never be a feature. Otherwise why a
  // match may be innocent (another language's word, a currency): reported for review.
  std::string note;
};

// Every term, in 10 languages (data: protected_attributes.cpp).
const std::vector<ProtectedTerm>& protected_terms();

struct ProtectedHit {
  std::string where;  // "model feature w:kurd", "data/lexicons/ar.tsv:54 عربية"
  std::string token;  // the folded token that matched
  ProtectedTerm term;
  bool refused() const { return term.note.empty(); }  // a violation, not a homograph
};

// Checks one folded token (a word feature, a lexicon term's token). Arabic-script tokens
// are also checked without one Arabic proclitic (و ف ب ل ال وال بال لل فال) against the
// Arabic terms, as the offer lexicons match them. When several terms fold alike, the one of
// language `lang` is reported, if any.
std::vector<ProtectedHit> check_token(std::string_view folded_token, const std::string& where,
                                      const std::string& lang = "");

// Feature names of a model ("w:<word>", "cat:<category>", "f:<a+b>"): the part after the
// first ':' is folded, tokenised, and each token (and each part of it between '_') checked.
std::vector<ProtectedHit> check_feature_names(const std::vector<std::string>& names,
                                              const std::string& where_prefix = "model feature ");

// A lexicon file (term<TAB>category or term<TAB>languages): every token of every term,
// a trailing '*' prefix against the terms it could match, and the category. Throws
// corridor::Error when the file cannot be read.
std::vector<ProtectedHit> check_lexicon_file(const std::string& path);

struct FeatureCheck {
  std::string model;  // the checked model file
  std::size_t features = 0;
  std::vector<std::string> lexicons;  // the checked lexicon files
  std::size_t lexicon_terms = 0;
  std::vector<ProtectedHit> refused;    // must be empty
  std::vector<ProtectedHit> to_review;  // homographs, with their notes
};

// The offer detector's model (data_dir/models/offer_model.tsv) and lexicons
// (data_dir/lexicons/*.tsv). Throws corridor::Error when they cannot be read.
FeatureCheck check_offer_features(const std::string& data_dir);

}  // namespace corridor::detect

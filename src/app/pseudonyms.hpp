#pragma once
// Smuggled migrants and victims are the people a case protects (LED Art. 6, 25 of the
// data-protection rules: docs/safeguards.md). Every listing, network view and export shows
// them and the identifiers they hold under a keyed pseudonym instead of their name, phone,
// handle or document number, unless the output is made with --reveal and a logged reason.
//
// A pseudonym is "ps-" and 10 base-32 letters of HMAC-SHA-256 under the case's pseudonym
// secret (derived from its signing key): the same person or value gets the same pseudonym
// everywhere in the case, and no one without the key can compute it from a name or number.
// Without the key (a copy of the case received for verification) nothing identifying is
// shown either: every protected value reads "[protected]". A restricted entity's values read
// "[restricted]" in every output, with or without --reveal.
#include <array>
#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/graph.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

class Pseudonyms {
 public:
  // What the case protects now: the clusters whose category in force is smuggled-migrant
  // or victim, every identifying value they state (names, identifiers), and the
  // identifier entities (phones, accounts, documents) carrying one of those values.
  // `reveal` lifts it for one output: the caller has logged why.
  static Pseudonyms of_case(store::CaseFolder& c, bool reveal = false);
  // With a known secret and nothing loaded: for tests of the format.
  explicit Pseudonyms(std::optional<std::array<std::uint8_t, 32>> secret = std::nullopt);

  bool revealed() const { return revealed_; }
  bool hides_anything() const;
  std::size_t protected_entities() const { return entities_.size(); }
  bool protects(std::string_view entity_id) const;
  // Every protected entity id, revealed or not (for the ledger entry of a reveal).
  std::vector<std::string> protected_ids() const;
  // The pseudonym of an entity (by its cluster's canonical id) or of one value; every
  // spelling of a phone number gets the number's pseudonym.
  std::string of_entity(std::string_view entity_id) const;
  std::string of_value(std::string_view value) const;
  // What an output shows for an entity: its pseudonym when protected, else `label` with
  // any protected value in it replaced.
  std::string label(std::string_view entity_id, std::string_view label) const;
  // A statement's value as shown: the value's pseudonym when it is protected or belongs to a
  // protected entity's identifying statement, else the text with protected values replaced.
  std::string value(std::string_view entity_id, std::string_view property, std::string_view value) const;
  // Free text (an indicator's reason, a message) with every protected value replaced.
  std::string scrub(std::string_view text) const;
  // An exported entity's properties (FtM): every value as value() shows it; references to
  // other entities (their ids) and digests stay.
  void rewrite(std::string_view entity_id, std::map<std::string, std::vector<std::string>>& properties) const;
  // Gives every protected node of `g` its pseudonym as caption and scrubs the others'.
  void relabel(graph::Graph& g) const;

  void protect(std::string entity_id, std::string cluster);
  void protect_value(std::string value);
  // A restricted entity (app/restrict_entity.hpp): everything it states is withheld, and
  // --reveal does not lift it.
  void restrict(std::string entity_id);
  void restrict_value(std::string value);
  bool restricts(std::string_view entity_id) const { return restricted_.contains(std::string(entity_id)); }

 private:
  std::string pseudonym(std::string_view kind, std::string_view text) const;
  std::optional<std::array<std::uint8_t, 32>> secret_;
  bool revealed_ = false;
  std::unordered_map<std::string, std::string> entities_;  // entity id -> cluster (canonical id)
  std::unordered_set<std::string> values_;
  std::vector<std::string> by_length_;  // values_, longest first, for scrub()
  std::unordered_set<std::string> restricted_, withheld_;
  std::vector<std::string> withheld_by_length_;
  // Number keys (core/number_spellings.hpp) of protected and withheld values: a number
  // quoted in text with other spacing is replaced too.
  std::vector<std::string> numbers_, withheld_numbers_;
  void replace_numbers(std::string& text) const;
};

// The pseudonyms lifted for one output (`output`: "network", "export to Prosecutor 3"),
// after logging who revealed whom and why: the caller has checked that a reason was given.
Pseudonyms reveal_logged(store::CaseFolder& c, const std::string& actor, std::string_view output,
                         const std::string& justification);

// Properties whose value identifies a person (names, identifiers are ident = 1 besides).
bool is_identifying_property(std::string_view property);

}  // namespace corridor::app

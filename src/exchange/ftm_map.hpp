#pragma once
// Corridor entities as FollowTheMoney entities (docs/ftm.md has the table): each
// Corridor schema becomes the FtM schema Aleph has for it, each property the FtM property
// of the same meaning, and what FtM requires is filled from what the case holds. What FtM
// has no property for is kept as a "property: value" line of the description, so nothing
// stated is lost on the way.
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "exchange/ftm_case.hpp"
#include "exchange/ftm_entity.hpp"

namespace corridor::exchange {

// A statement of the entity being mapped, with what provenance needs.
struct CaseStatement {
  std::string property, value, original;
  std::int64_t evidence = 0;  // evidence row
  std::string record;         // the locator's record: "row:17", "message:1234"
  std::string extractor;      // "telegram@1", "resolve@1"
  double confidence = 1;
};

class FtmMapper {
 public:
  using Emit = std::function<void(const FtmEntity&)>;
  FtmMapper(const FtmCase& c, Emit emit) : case_(c), emit_(std::move(emit)) {}

  // The entity and what comes with it: attachments, a photo's position, the links it
  // states (mentions), its sameness assessments (sameAs), stand-in parties it needs.
  void map(const CaseEntity& e, std::span<const CaseStatement> statements);
  // A link between two entities of the case, as an FtM UnknownLink with `role` (the
  // caller writes each once: the graph's links are unique by ends and type).
  void link(const std::string& subject, const std::string& object, std::string_view role, FtmEntity details);
  // Writes the stand-in parties the mapped entities needed; once, after the last map().
  void finish();

 private:
  struct Mapped;
  void map_property(Mapped& m, const CaseStatement& s);
  bool map_reference(Mapped& m, const CaseStatement& s);
  bool map_detail(Mapped& m, const CaseStatement& s);
  void mention(Mapped& m, const CaseStatement& s);
  void attachment(Mapped& m, const CaseStatement& s);
  void complete(Mapped& m);
  void complete_account(Mapped& m);
  void complete_file(Mapped& m);
  std::string position(const Mapped& m);
  void provenance(FtmEntity& out, std::span<const CaseStatement> statements, bool thing) const;
  // The Document entities of the evidence items the statements came from (`id` excluded:
  // an evidence item's own Document is not its proof).
  std::vector<std::string> proof_of(std::string_view id, std::span<const CaseStatement> statements) const;
  // The legal entity behind an account or passport: its stated owner, else the party
  // using the account's phone number, else a stand-in holder named by the account.
  std::string party_of(const CaseEntity& account, const std::vector<std::string>& proof);
  // A LegalEntity standing for the `role` ("holder", "sender", "payer") of an entity
  // whose evidence does not name it; written by finish().
  std::string stand_in(const CaseEntity& of, std::string_view role, const std::vector<std::string>& proof);
  static std::string untold_text(const Mapped& m);
  // The FtM schema an entity of the case is exported as; empty when none.
  std::string ftm_schema_of(std::string_view id) const;
  bool is_legal_entity(std::string_view id) const;

  static std::string link_id(const std::string& subject, const std::string& object, std::string_view role);
  // The entities one map() adds (links, attachments, sameness): each written once.
  bool fresh(const std::string& id) { return written_.insert(id).second; }

  const FtmCase& case_;
  Emit emit_;
  std::map<std::string, FtmEntity> stand_ins_;  // by id: written in a stable order
  std::unordered_set<std::string> written_;
};

// The FtM schema a Corridor schema is exported as ("Phone" -> "LegalEntity").
std::string ftm_schema(std::string_view corridor_schema);

}  // namespace corridor::exchange

#pragma once
// The data model of DESIGN.md. Names follow FollowTheMoney where it has one.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corridor {

// Where a fact sits inside an evidence item: a byte range, a record id (message id,
// CSV row, AIS sentence number), or both.
struct Locator {
  std::optional<std::uint64_t> offset;
  std::optional<std::uint64_t> length;
  std::string record;  // "message:1234", "row:17", "sentence:88"; empty when bytes say it all

  std::string to_string() const;  // "bytes 120+14", "message:1234", "message:12 bytes 3+9"
};

struct Acquisition {
  std::string acquired_by;
  std::string acquired_at;  // UTC ISO 8601; when the item was seized or collected
  std::string method;       // "logical extraction", "OSINT capture"...
  std::string legal_basis;  // "Warrant 2026/114"
  std::string tool;         // tool that acquired it, when known
};

struct Evidence {
  std::int64_t id = 0;
  std::string sha256;  // hex, lower case
  std::uint64_t size = 0;
  std::string media_type;
  std::string original_name;
  std::string added_at;
  std::optional<std::string> parent_sha256;  // the archive it came out of
  Acquisition acquisition;
};

// Withdrawn: the exhibit was taken out of the case (app/withdraw_evidence.hpp).
enum class CustodyAction { Acquired, Added, ExtractedFrom, Exported, Verified, Withdrawn };
const char* to_string(CustodyAction a);
std::optional<CustodyAction> custody_action_from(const std::string& s);

struct CustodyEvent {
  std::int64_t id = 0;
  std::string evidence_sha256;
  CustodyAction action = CustodyAction::Added;
  std::string actor;
  std::string at;  // UTC ISO 8601
  std::string method;
  std::string tool;  // "corridor 0.1.0"
  std::string legal_basis;
  std::string note;
};

enum class StatementKind { Fact, Assessment };

struct Provenance {
  std::string evidence_sha256;
  Locator locator;
  std::string extractor;  // "telegram@1", "phone@1"
  std::string observed_at;  // when the statement was made (UTC ISO 8601)
};

// Properties whose values identify an entity across sources (FtM "identifier"-typed
// properties and their kin): phone numbers, e-mail, IBAN, wallet, handles, MMSI...
// Only these are indexed for lookup by value.
bool is_identifier_property(std::string_view property);

struct Statement {
  std::string entity_id;
  std::string schema;  // the entity's schema, so a statement can create its entity
  std::string property;
  std::string value;
  std::string original_value;  // as written in the evidence, before normalisation
  Provenance prov;
  StatementKind kind = StatementKind::Fact;
  double confidence = 1.0;
};

struct Entity {
  std::string id;
  std::string schema;
  std::string canonical_id;  // equals id until a reviewed merge points it elsewhere
  std::string caption;
};

// A piece of evidence carrying text, with where it sits.
struct Unit {
  std::string evidence_sha256;
  Locator locator;
  std::string text;
};

// A typed, normalised value found in a unit.
struct Mention {
  std::string type;        // "phone", "iban", "btc"...
  std::string value;       // normalised
  std::string raw;         // the bytes as found
  std::uint64_t offset = 0;  // in the scanned bytes
  std::uint64_t length = 0;
  double confidence = 1.0;
  // Optional "key=value;key=value" facts from the validator: check=eip55, region=guessed,
  // the parsed MRZ fields, encoding=utf-16le. Empty when there is nothing to add.
  std::string detail;
};

// What a person decided about an indicator; every decision is logged with its reason.
enum class ReviewState { Open, Confirmed, Dismissed };
const char* to_string(ReviewState r);
std::optional<ReviewState> review_state_from(std::string_view s);

// One reason of an indicator: what was seen, its share of the score, and the statements
// (row ids in the case store) it was seen in.
struct Reason {
  std::string text;
  double weight = 0;
  std::vector<std::int64_t> statement_ids;
};

// An assessment by a detector, never a fact: the entities it is about, a score 0..1, and
// the reasons a person needs to confirm or dismiss it.
struct Indicator {
  std::int64_t id = 0;
  std::string detector;  // "offers", "money.fan_in", "documents", "hotspots"...
  std::string title;     // one line for lists: "14 payers into one account within 48 h"
  std::vector<std::string> subjects;  // entity ids
  double score = 0;
  std::vector<Reason> reasons;  // by decreasing weight
  ReviewState review = ReviewState::Open;
  std::string created_at;
  std::string model;  // what made it: tool version and the digest of the models and lexicons it read
};

struct AuditEntry {
  std::int64_t seq = 0;  // 0-based leaf index in the Merkle tree
  int version = 2;       // 1: content hashed in the entry itself (cases before row commitments)
  std::string actor;
  std::string os_user;  // the operating-system account that ran the command
  std::string action;   // genesis, collection, alteration, consultation, disclosure, combination, erasure
  std::string object;
  std::string justification;
  std::string at;
  // Version 2: the rows the entry's batch wrote (store/row_commitments.hpp), and the digest
  // of the redactable content (actor, os_user, object, justification) with its salt, so the
  // content can be erased while the entry still verifies.
  std::string rows;
  std::string salt;            // hex, random per entry; cleared with the content on redaction
  std::string content_digest;  // hex
  std::string redacted;        // empty, or when and why the content was redacted
  std::string prev_hash;  // hex of the previous entry's hash, 64 zeros for the first
  std::string hash;       // hex SHA-256 of the canonical bytes

  // The digest of the content fields as they are now (version 2).
  std::string computed_content_digest() const;
  // The exact bytes hashed: one field per line, prev_hash included.
  std::string canonical() const;
};

}  // namespace corridor

#pragma once
// From statements to links: the one place that knows which properties connect entities.
// Takes statements with their store ids (what the case store returns), so wiring the
// graph to a case is reading its statements and calling build_graph.
#include <cstdint>
#include <optional>
#include <string_view>
#include <span>
#include <vector>

#include "graph/graph.hpp"
#include "model/types.hpp"

namespace corridor::graph {

struct SourcedStatement {
  std::int64_t id = 0;  // the statement's row id in the case store
  Statement statement;
};

struct StatementGraphOptions {
  // Identifiers found together in one record (an ad with a phone, a wallet and a handle)
  // are joined pairwise; a record naming more than this many is a list, not a link.
  std::size_t max_appearing_together = 20;
  // A value (device id) shared by more entities than this is a hub, not a link.
  std::size_t max_sharing = 50;
};

// Links found in the statements:
// - a Message/Post with "sender" and "recipients": sender -> each recipient, sent message to;
// - a Payment with "payer" and "beneficiary": paid;
// - direct links, value an entity id: "sentMessageTo", "paid", "appearsWith", "sameDevice",
//   "sharesIdentifier", "mentions";
// - "mentions" from one record to several identifiers: those identifiers appear with
//   each other;
// - the same "device" value on two entities: same device;
// - the same identifier value (phone number, IBAN...) stated on two entities: shares
//   identifier.
// A link's time is its record's "date" (or "sentAt"), else when its statement was made.
std::vector<EdgeInput> edges_from_statements(std::span<const SourcedStatement> statements,
                                             const StatementGraphOptions& options = {});

// The edge type of a property whose value is the id of the entity linked to
// ("sentMessageTo", "paid", "appearsWith", "sameDevice", "sharesIdentifier", "mentions").
std::optional<EdgeType> direct_link_type(std::string_view property);

// Every entity named in the statements becomes a node (schema, caption from "name", else
// from its first identifier value),
// linked by edges_from_statements.
Graph build_graph(std::span<const SourcedStatement> statements, const StatementGraphOptions& options = {});

}  // namespace corridor::graph

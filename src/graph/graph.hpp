#pragma once
// The case network: nodes are entities, edges are typed, weighted, dated links, each
// carrying the ids of the statements it was built from (DESIGN.md principle 1: a link
// that cannot be traced back to bytes does not exist).
//
// Analytics run on an undirected igraph multigraph: who talks to whom matters more to an
// investigator than who wrote first, and community and broker measures are defined on
// the undirected network. Each edge still remembers its direction.
#include <igraph.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/time.hpp"

namespace corridor::graph {

// ProposedSameAs: a same-person merge the resolver proposed and no person has decided yet,
// shown as a link between the two persons, never as one node.
enum class EdgeType : std::uint8_t { SentMessageTo, Mentions, Paid, AppearsWith, SameDevice, SharesIdentifier, ProposedSameAs };
inline constexpr std::size_t kEdgeTypes = 7;
const char* to_string(EdgeType t);  // "sent message to", "mentions", "paid", ...
std::optional<EdgeType> edge_type_from(std::string_view s);

inline constexpr UnixMillis kNoTime = std::numeric_limits<UnixMillis>::min();

struct EdgeInput {
  std::string source, target;  // entity ids
  EdgeType type = EdgeType::AppearsWith;
  double weight = 1;
  UnixMillis at = kNoTime;
  std::vector<std::int64_t> statements;
};

struct Node {
  std::string id;
  std::string schema;
  std::string caption;
};

using NodeIndex = std::uint32_t;

namespace detail {
// Entity id -> node: an open-addressing table of node indexes (the ids stay in the node
// vector), so a million entities cost two flat arrays instead of a million allocations.
class IdIndex {
 public:
  void reserve(std::size_t n);
  std::optional<NodeIndex> find(std::string_view id, std::span<const Node> nodes) const;
  // Inserts node `i` (whose id must not be present yet).
  void insert(std::uint64_t hash, NodeIndex i);
  static std::uint64_t hash(std::string_view id) { return std::hash<std::string_view>{}(id); }
  std::optional<NodeIndex> find(std::uint64_t hash, std::string_view id, std::span<const Node> nodes) const;
  std::size_t size() const { return size_; }
  // Hints for batched lookups (GraphBuilder::add_links): bring the slot of `hash` into
  // the cache; the first node stored under `hash`, if any (not compared: maybe another id).
  void prefetch(std::uint64_t hash) const;
  std::optional<NodeIndex> candidate(std::uint64_t hash) const;

 private:
  // The first node along the probe sequence of `hash` stored under `hash` that `accept`s.
  template <class Accept>
  std::optional<NodeIndex> probe(std::uint64_t hash, Accept accept) const {
    if (slots_.empty()) return std::nullopt;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t j = hash & mask; slots_[j].node != 0; j = (j + 1) & mask)
      if (slots_[j].hash == hash && accept(slots_[j].node - 1)) return slots_[j].node - 1;
    return std::nullopt;
  }
  // Hash and node side by side: a probe costs one cache miss, not two.
  struct Slot {
    std::uint64_t hash = 0;
    NodeIndex node = 0;  // node + 1, 0 when empty
  };
  void grow();
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};
}  // namespace detail

struct Edge {
  NodeIndex source = 0, target = 0;
  EdgeType type = EdgeType::AppearsWith;
  double weight = 0;  // the sum of the weights of the links merged into it
  UnixMillis first = kNoTime, last = kNoTime;
  std::uint32_t links = 0;  // how many links were merged
};

class Graph {
 public:
  Graph();
  ~Graph();
  Graph(Graph&& other) noexcept;
  Graph& operator=(Graph&& other) noexcept;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  std::size_t node_count() const { return nodes_.size(); }
  std::size_t edge_count() const { return edges_.size(); }
  const Node& node(NodeIndex i) const { return nodes_[i]; }
  const Edge& edge(std::size_t e) const { return edges_[e]; }
  std::span<const Node> nodes() const { return nodes_; }
  std::span<const Edge> edges() const { return edges_; }
  std::span<const std::int64_t> statements_of(std::size_t e) const;
  // An entity id, or the id of an entity merged into a node's (canonical_id).
  std::optional<NodeIndex> find(std::string_view id) const;
  std::span<const double> weights() const { return weights_; }
  // What an output shows for the node (a pseudonym instead of a protected person's name).
  void set_caption(NodeIndex i, std::string caption) { nodes_[i].caption = std::move(caption); }

  // For the analytics wrappers; the graph owns it. Built from the edges on first use, so
  // code that needs only the edge list (overview.hpp) can start before igraph's indexes
  // exist. Like every igraph call, from one thread at a time.
  const igraph_t* raw() const;

 private:
  friend class GraphBuilder;
  mutable igraph_t g_;
  mutable bool built_ = false;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<double> weights_;  // edges_[e].weight, contiguous for igraph
  std::vector<std::uint64_t> statement_offsets_;  // edge e: [offsets[e], offsets[e+1])
  std::vector<std::int64_t> statement_ids_;
  detail::IdIndex index_;
  std::unordered_map<std::string, NodeIndex> aliases_;
};

// Collects links and merges those of one type between the same two entities in the same
// direction into one edge: weight summed, first and last time kept, statements joined.
class GraphBuilder {
 public:
  // The node of `id` (or of the entity it was merged into, see add_alias), created if new.
  NodeIndex add_node(std::string_view id, std::string_view schema = "", std::string_view caption = "");
  // Gives `node` the caption `label` when it has none: an identifier entity (phone, bank
  // account, wallet...) is named by its value, which is what an analyst searches for.
  void label_if_unnamed(NodeIndex node, std::string_view label);
  // `id` names an entity merged into `node` (a reviewed resolution): it gets no node of
  // its own, links to or from it land on `node`.
  void add_alias(std::string_view id, NodeIndex node);
  void add_edge(const EdgeInput& e);
  // A link whose target is still an entity id (the bulk of a case's links).
  struct LinkTo {
    NodeIndex source = 0;
    std::string_view target;
    EdgeType type = EdgeType::AppearsWith;
    UnixMillis at = kNoTime;
    std::int64_t statement = 0;
  };
  // As add_node(target) and add_edge(source, target, type, 1, at, {statement}) for each
  // link in order (a link to its own source is dropped), with the memory waits of many
  // lookups overlapped: a million-node index does not fit in the cache, and one lookup
  // after the other spends its time waiting on memory.
  void add_links(std::span<const LinkTo> links);
  void add_edge(NodeIndex source, NodeIndex target, EdgeType type, double weight, UnixMillis at,
                std::span<const std::int64_t> statements);
  // An edge already merged elsewhere (copying part of a graph): weight, times and link
  // count are taken as they are.
  void add_merged(NodeIndex source, NodeIndex target, const Edge& like, std::span<const std::int64_t> statements);
  void reserve(std::size_t nodes, std::size_t edges);
  const Node& node(NodeIndex i) const { return nodes_[i]; }
  Graph build();

 private:
  struct Link {
    std::uint32_t edge;
    std::int64_t statement;
  };
  std::uint32_t edge_slot(std::uint64_t key);  // the edge of (source, target, type), created if new
  NodeIndex add_node(std::uint64_t hash, std::string_view id, std::string_view schema, std::string_view caption);
  std::vector<Node> nodes_;
  detail::IdIndex index_;
  std::unordered_map<std::string, NodeIndex> aliases_;  // rarely any: only reviewed merges
  std::vector<Edge> edges_;
  // source, target, type -> edge: open addressing, no allocation per edge; key and edge
  // side by side so a probe costs one cache miss.
  struct EdgeSlot {
    std::uint64_t key = 0;
    std::uint32_t edge = 0;  // edge + 1, 0 when empty
  };
  std::vector<EdgeSlot> edge_slots_;
  std::vector<Link> links_;
};

// Throws corridor::Error naming the igraph call when it failed.
void check(igraph_error_t code, const char* what);

}  // namespace corridor::graph

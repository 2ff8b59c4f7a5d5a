#include "graph/graph.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace corridor::graph {

namespace {

constexpr const char* kTypeNames[kEdgeTypes] = {"sent message to", "mentions",          "paid",
                                                "appears with",    "same device",       "shares identifier",
                                                "proposed same person"};

// igraph's default handler aborts the process; Corridor reports errors instead.
void quiet_igraph() {
  static const bool once = [] {
    igraph_set_error_handler(igraph_error_handler_printignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    return true;
  }();
  (void)once;
}

std::uint64_t edge_key(NodeIndex s, NodeIndex t, EdgeType type) {
  // 29 bits per node index is half a billion entities, beyond any case on a laptop.
  return (std::uint64_t{s} << 35) | (std::uint64_t{t} << 6) | static_cast<std::uint64_t>(type);
}

}  // namespace

const char* to_string(EdgeType t) { return kTypeNames[static_cast<std::size_t>(t)]; }

std::optional<EdgeType> edge_type_from(std::string_view s) {
  for (std::size_t i = 0; i < kEdgeTypes; ++i)
    if (s == kTypeNames[i]) return static_cast<EdgeType>(i);
  return std::nullopt;
}

void check(igraph_error_t code, const char* what) {
  if (code != IGRAPH_SUCCESS) throw Error("graph", std::string(what) + ": " + igraph_strerror(code));
}

Graph::Graph() { quiet_igraph(); }

const igraph_t* Graph::raw() const {
  if (built_) return &g_;
  igraph_vector_int_t ends;
  check(igraph_vector_int_init(&ends, static_cast<igraph_integer_t>(2 * edges_.size())), "igraph_vector_int_init");
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    VECTOR(ends)[2 * e] = edges_[e].source;
    VECTOR(ends)[2 * e + 1] = edges_[e].target;
  }
  const auto rc = igraph_create(&g_, &ends, static_cast<igraph_integer_t>(nodes_.size()), IGRAPH_UNDIRECTED);
  igraph_vector_int_destroy(&ends);
  check(rc, "igraph_create");
  built_ = true;
  return &g_;
}

Graph::~Graph() {
  if (built_) igraph_destroy(&g_);
}

Graph::Graph(Graph&& o) noexcept
    : g_(o.g_),
      built_(o.built_),
      nodes_(std::move(o.nodes_)),
      edges_(std::move(o.edges_)),
      weights_(std::move(o.weights_)),
      statement_offsets_(std::move(o.statement_offsets_)),
      statement_ids_(std::move(o.statement_ids_)),
      index_(std::move(o.index_)),
      aliases_(std::move(o.aliases_)) {
  // index_ holds node indexes, not pointers: nothing to fix up after the move.
  o.built_ = false;
}

Graph& Graph::operator=(Graph&& o) noexcept {
  if (this == &o) return *this;
  if (built_) igraph_destroy(&g_);
  g_ = o.g_;
  built_ = o.built_;
  o.built_ = false;
  nodes_ = std::move(o.nodes_);
  edges_ = std::move(o.edges_);
  weights_ = std::move(o.weights_);
  statement_offsets_ = std::move(o.statement_offsets_);
  statement_ids_ = std::move(o.statement_ids_);
  index_ = std::move(o.index_);
  aliases_ = std::move(o.aliases_);
  return *this;
}

std::span<const std::int64_t> Graph::statements_of(std::size_t e) const {
  return std::span<const std::int64_t>(statement_ids_).subspan(statement_offsets_[e],
                                                                statement_offsets_[e + 1] - statement_offsets_[e]);
}

std::optional<NodeIndex> Graph::find(std::string_view id) const {
  if (const auto found = index_.find(id, nodes_)) return found;
  if (aliases_.empty()) return std::nullopt;
  const auto a = aliases_.find(std::string(id));
  return a == aliases_.end() ? std::nullopt : std::optional<NodeIndex>(a->second);
}

namespace detail {

void IdIndex::reserve(std::size_t n) {
  std::size_t cap = 16;
  while (cap < 2 * n) cap *= 2;
  if (cap <= slots_.size()) return;
  std::vector<Slot> slots(cap);
  const std::size_t mask = cap - 1;
  for (const Slot& s : slots_) {
    if (s.node == 0) continue;
    std::size_t j = s.hash & mask;
    while (slots[j].node != 0) j = (j + 1) & mask;
    slots[j] = s;
  }
  slots_.swap(slots);
}

void IdIndex::grow() { reserve(slots_.empty() ? 8 : slots_.size()); }

std::optional<NodeIndex> IdIndex::find(std::uint64_t hash, std::string_view id, std::span<const Node> nodes) const {
  return probe(hash, [&](NodeIndex i) { return nodes[i].id == id; });
}

std::optional<NodeIndex> IdIndex::find(std::string_view id, std::span<const Node> nodes) const {
  return find(hash(id), id, nodes);
}

void IdIndex::prefetch(std::uint64_t hash) const {
  if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
}

std::optional<NodeIndex> IdIndex::candidate(std::uint64_t hash) const {
  return probe(hash, [](NodeIndex) { return true; });
}

void IdIndex::insert(std::uint64_t hash, NodeIndex i) {
  if (2 * (size_ + 1) > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t j = hash & mask;
  while (slots_[j].node != 0) j = (j + 1) & mask;
  slots_[j] = {hash, i + 1};
  ++size_;
}

}  // namespace detail

NodeIndex GraphBuilder::add_node(std::string_view id, std::string_view schema, std::string_view caption) {
  return add_node(detail::IdIndex::hash(id), id, schema, caption);
}

NodeIndex GraphBuilder::add_node(std::uint64_t h, std::string_view id, std::string_view schema,
                                 std::string_view caption) {
  if (!aliases_.empty())
    if (const auto a = aliases_.find(std::string(id)); a != aliases_.end()) return a->second;
  if (const auto found = index_.find(h, id, nodes_)) {
    Node& n = nodes_[*found];
    if (n.schema.empty()) n.schema = schema;
    if (n.caption.empty()) n.caption = caption;
    return *found;
  }
  const auto i = static_cast<NodeIndex>(nodes_.size());
  index_.insert(h, i);
  nodes_.push_back({std::string(id), std::string(schema), std::string(caption)});
  return i;
}

void GraphBuilder::label_if_unnamed(NodeIndex node, std::string_view label) {
  if (Node& n = nodes_[node]; n.caption.empty()) n.caption = label;
}

void GraphBuilder::add_alias(std::string_view id, NodeIndex node) { aliases_.insert_or_assign(std::string(id), node); }

void GraphBuilder::reserve(std::size_t nodes, std::size_t edges) {
  nodes_.reserve(nodes);
  index_.reserve(nodes);
  edges_.reserve(edges);
  links_.reserve(edges);
  std::size_t cap = 16;
  while (cap < 2 * edges) cap *= 2;
  // Only before the first edge: rehashing happens in edge_slot.
  if (cap > edge_slots_.size() && edges_.empty()) edge_slots_.assign(cap, {});
}

namespace {
std::size_t slot_of(std::uint64_t key, std::size_t mask) { return (key * 0x9E3779B97F4A7C15ull >> 20) & mask; }
}  // namespace

std::uint32_t GraphBuilder::edge_slot(std::uint64_t key) {
  if (2 * (edges_.size() + 1) > edge_slots_.size()) {
    const std::size_t cap = edge_slots_.empty() ? 16 : 2 * edge_slots_.size();
    std::vector<EdgeSlot> slots(cap);
    for (const EdgeSlot& s : edge_slots_) {
      if (s.edge == 0) continue;
      std::size_t j = slot_of(s.key, cap - 1);
      while (slots[j].edge != 0) j = (j + 1) & (cap - 1);
      slots[j] = s;
    }
    edge_slots_.swap(slots);
  }
  const std::size_t mask = edge_slots_.size() - 1;
  std::size_t j = slot_of(key, mask);
  for (; edge_slots_[j].edge != 0; j = (j + 1) & mask)
    if (edge_slots_[j].key == key) return edge_slots_[j].edge - 1;
  const auto e = static_cast<std::uint32_t>(edges_.size());
  edge_slots_[j] = {key, e + 1};
  const auto s = static_cast<NodeIndex>(key >> 35), t = static_cast<NodeIndex>((key >> 6) & ((1u << 29) - 1));
  edges_.push_back({s, t, static_cast<EdgeType>(key & 63), 0, kNoTime, kNoTime, 0});
  return e;
}

void GraphBuilder::add_edge(const EdgeInput& e) {
  const NodeIndex s = add_node(e.source);
  const NodeIndex t = add_node(e.target);
  add_edge(s, t, e.type, e.weight, e.at, e.statements);
}

void GraphBuilder::add_edge(NodeIndex s, NodeIndex t, EdgeType type, double weight, UnixMillis at,
                            std::span<const std::int64_t> statements) {
  const std::uint32_t e = edge_slot(edge_key(s, t, type));
  Edge& edge = edges_[e];
  edge.weight += weight;
  edge.links += 1;
  if (at != kNoTime) {
    edge.first = edge.first == kNoTime ? at : std::min(edge.first, at);
    edge.last = edge.last == kNoTime ? at : std::max(edge.last, at);
  }
  for (auto id : statements) links_.push_back({e, id});
}

void GraphBuilder::add_links(std::span<const LinkTo> links) {
  // Each stage touches, for the whole batch, the memory the next stage will read: the
  // index slot, the node, the node's id, then the edge slot. The last two stages do the
  // real work in order, so the result is exactly that of one link after the other.
  constexpr std::size_t kBatch = 64;
  std::uint64_t hashes[kBatch];
  std::optional<NodeIndex> known[kBatch];  // the node its hash points at, if any
  NodeIndex targets[kBatch];
  for (std::size_t from = 0; from < links.size(); from += kBatch) {
    const auto batch = links.subspan(from, std::min(kBatch, links.size() - from));
    for (std::size_t i = 0; i < batch.size(); ++i) {
      hashes[i] = detail::IdIndex::hash(batch[i].target);
      index_.prefetch(hashes[i]);
    }
    for (std::size_t i = 0; i < batch.size(); ++i)
      if ((known[i] = index_.candidate(hashes[i]))) __builtin_prefetch(&nodes_[*known[i]]);
    for (std::size_t i = 0; i < batch.size(); ++i)
      if (known[i]) __builtin_prefetch(nodes_[*known[i]].id.data());
    for (std::size_t i = 0; i < batch.size(); ++i) {
      targets[i] = add_node(hashes[i], batch[i].target, "", "");
      if (!edge_slots_.empty())
        __builtin_prefetch(&edge_slots_[slot_of(edge_key(batch[i].source, targets[i], batch[i].type),
                                                edge_slots_.size() - 1)]);
    }
    for (std::size_t i = 0; i < batch.size(); ++i)
      if (batch[i].source != targets[i])
        add_edge(batch[i].source, targets[i], batch[i].type, 1, batch[i].at, std::span(&batch[i].statement, 1));
  }
}

void GraphBuilder::add_merged(NodeIndex s, NodeIndex t, const Edge& like, std::span<const std::int64_t> statements) {
  const std::uint32_t e = edge_slot(edge_key(s, t, like.type));
  Edge& edge = edges_[e];
  edge.weight += like.weight;
  edge.links += like.links;
  if (like.first != kNoTime) edge.first = edge.first == kNoTime ? like.first : std::min(edge.first, like.first);
  if (like.last != kNoTime) edge.last = edge.last == kNoTime ? like.last : std::max(edge.last, like.last);
  for (auto id : statements) links_.push_back({e, id});
}

Graph GraphBuilder::build() {
  Graph g;
  g.nodes_ = std::move(nodes_);
  g.edges_ = std::move(edges_);
  g.index_ = std::move(index_);
  g.aliases_ = std::move(aliases_);
  index_ = {};
  aliases_ = {};
  edge_slots_ = {};
  // Statement ids grouped by edge with a counting sort: one pass, no per-edge vectors.
  g.statement_offsets_.assign(g.edges_.size() + 1, 0);
  for (const auto& l : links_) ++g.statement_offsets_[l.edge + 1];
  for (std::size_t e = 0; e < g.edges_.size(); ++e) g.statement_offsets_[e + 1] += g.statement_offsets_[e];
  g.statement_ids_.resize(links_.size());
  {
    std::vector<std::uint64_t> cursor(g.statement_offsets_.begin(), g.statement_offsets_.end() - 1);
    for (const auto& l : links_) g.statement_ids_[cursor[l.edge]++] = l.statement;
  }
  links_.clear();
  links_.shrink_to_fit();

  g.weights_.resize(g.edges_.size());
  for (std::size_t e = 0; e < g.edges_.size(); ++e) g.weights_[e] = g.edges_[e].weight;
  return g;
}

}  // namespace corridor::graph

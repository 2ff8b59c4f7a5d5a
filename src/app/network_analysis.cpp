#include "app/network_analysis.hpp"

#include <algorithm>
#include <cerrno>
#include <fstream>

#include "core/error.hpp"
#include "exchange/csv_graph.hpp"
#include "exchange/ftm.hpp"
#include "exchange/gexf.hpp"
#include "exchange/graphml.hpp"
#include "exchange/link_sources.hpp"
#include "graph/case_graph.hpp"
#include "graph/paths.hpp"
#include "store/statement_store.hpp"

namespace corridor::app {

std::string entity_label(store::Db& db, const graph::Node& node) {
  if (!node.caption.empty()) return node.caption;
  store::Stmt q(db,
                "SELECT s.value FROM statements s JOIN entities e ON e.rid = s.entity "
                "WHERE e.id = ? AND s.ident = 1 ORDER BY s.id LIMIT 1");
  q.bind(1, node.id);
  return q.step() ? q.text(0) : std::string();
}

namespace {

// Nodes of the subjects of indicators not dismissed, each once (Graph::find puts a merged
// subject on its canonical entity's node).
std::vector<graph::NodeIndex> flagged_nodes(store::Db& db, const graph::Graph& g) {
  store::Stmt q(db,
                "SELECT DISTINCT s.entity FROM indicator_subjects s JOIN indicators i ON i.id = s.indicator "
                "WHERE i.review <> 'dismissed'");
  std::vector<char> seen(g.node_count(), 0);
  std::vector<graph::NodeIndex> out;
  while (q.step())
    if (const auto v = g.find(q.text(0)); v && !seen[*v]) {
      seen[*v] = 1;
      out.push_back(*v);
    }
  return out;
}

// How many evidence items hold statements about each node (a merged entity counts the
// items of all its parts).
std::vector<std::uint32_t> evidence_sources(store::Db& db, const graph::Graph& g) {
  store::Stmt q(db,
                "SELECT n.canonical_id, COUNT(DISTINCT s.evidence) FROM statements s "
                "JOIN entities n ON n.rid = s.entity GROUP BY n.canonical_id");
  std::vector<std::uint32_t> out(g.node_count(), 0);
  while (q.step())
    if (const auto v = g.find(q.text(0))) out[*v] = static_cast<std::uint32_t>(q.int64(1));
  return out;
}

// The flagged nodes and their direct neighbours, by index.
std::vector<graph::NodeIndex> around(const graph::Graph& g, const std::vector<graph::NodeIndex>& seeds) {
  std::vector<char> keep(g.node_count(), 0);
  for (const auto s : seeds)
    for (const auto v : graph::ego_nodes(g, s, 1)) keep[v] = 1;
  std::vector<graph::NodeIndex> out;
  for (graph::NodeIndex v = 0; v < keep.size(); ++v)
    if (keep[v]) out.push_back(v);
  return out;
}

}  // namespace

NetworkSummary network_key_players(store::Db& db, std::size_t top, bool around_indicators) {
  graph::Graph g = graph::load_case_graph(db);
  NetworkSummary out;
  if (around_indicators) {
    const auto seeds = flagged_nodes(db, g);
    out.flagged = seeds.size();
    g = graph::subgraph(g, around(g, seeds));
  }
  out.nodes = g.node_count();
  out.edges = g.edge_count();
  graph::KeyPlayerOptions o;
  o.top = top;
  o.sources = evidence_sources(db, g);
  std::size_t rank = 0;
  for (auto& k : graph::key_players(g, o)) {
    const auto& n = g.node(k.node);
    out.rows.push_back({++rank, n.id, n.schema, entity_label(db, n), std::move(k)});
  }
  return out;
}

std::optional<graph::NodeIndex> find_entity(store::Db& db, const graph::Graph& g, const std::string& id_or_value) {
  if (const auto i = g.find(id_or_value)) return i;
  // Several entities may carry one value (a phone and the account keyed by it): the
  // first, by id, that is in the network.
  for (const auto& e : store::StatementStore(db).entities_by_value(id_or_value))
    if (const auto i = g.find(e.id)) return i;
  return std::nullopt;
}

std::string locator_text(const Locator& l) {
  std::string out = l.record;
  if (l.offset) {
    if (!out.empty()) out += ' ';
    out += '@' + std::to_string(*l.offset);
    if (l.length) out += '+' + std::to_string(*l.length);
  }
  return out;
}

namespace {

constexpr const char* kStatementSourceSql =
    "SELECT n.id, s.property, s.value, e.sha256, s.loc_offset, s.loc_length, s.loc_record, s.kind, s.extractor "
    "FROM statements s JOIN entities n ON n.rid = s.entity JOIN evidence e ON e.id = s.evidence WHERE s.id = ?";

StatementSource statement_source(store::Stmt& q, std::int64_t id) {
  q.reset();
  q.bind(1, id);
  StatementSource s;
  s.id = id;
  if (!q.step()) return s;  // a statement id the store no longer has: shown bare
  s.entity_id = q.text(0);
  s.property = q.text(1);
  s.value = q.text(2);
  s.evidence_sha256 = q.text(3);
  if (!q.is_null(4)) s.locator.offset = static_cast<std::uint64_t>(q.int64(4));
  if (!q.is_null(5)) s.locator.length = static_cast<std::uint64_t>(q.int64(5));
  s.locator.record = q.text(6);
  s.assessment = q.int64(7) != 0;
  s.made_by = q.text(8);
  return s;
}

}  // namespace

std::string provenance_text(const StatementSource& s) {
  return std::string(s.assessment ? "assessment" : "fact") + " by " + (s.made_by.empty() ? "?" : s.made_by);
}

std::vector<StatementSource> statement_sources(store::Db& db, const std::vector<std::int64_t>& ids) {
  store::Stmt q(db, kStatementSourceSql);
  std::vector<StatementSource> out;
  out.reserve(ids.size());
  for (auto id : ids) out.push_back(statement_source(q, id));
  return out;
}

std::optional<PathReport> trace_path(store::Db& db, const graph::Graph& g, graph::NodeIndex from,
                                     graph::NodeIndex to) {
  const auto path = graph::shortest_path(g, from, to);
  if (!path) return std::nullopt;
  store::Stmt q(db, kStatementSourceSql);
  PathReport r;
  r.nodes = path->nodes;
  for (auto v : r.nodes) r.labels.push_back(entity_label(db, g.node(v)));
  for (std::size_t i = 0; i < path->edges.size(); ++i) {
    PathStep step{r.nodes[i], r.nodes[i + 1], path->edges[i], {}};
    // A link joins pairs of statements: each statement once, in the order first met.
    std::vector<std::int64_t> seen;
    for (auto id : g.statements_of(step.edge)) {
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
      seen.push_back(id);
      step.statements.push_back(statement_source(q, id));
    }
    r.steps.push_back(std::move(step));
  }
  return r;
}

std::optional<ExportFormat> export_format_from(const std::string& name) {
  if (name == "graphml") return ExportFormat::GraphMl;
  if (name == "gexf") return ExportFormat::Gexf;
  if (name == "ftm") return ExportFormat::Ftm;
  if (name == "csv") return ExportFormat::Csv;
  return std::nullopt;
}

namespace {

template <class Write>
void write_to(const std::filesystem::path& p, Write&& write) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(p.string(), "cannot write: " + errno_text(errno));
  write(out);
  out.flush();
  if (!out) throw Error(p.string(), "write failed: " + errno_text(errno));
}

}  // namespace

std::vector<std::filesystem::path> export_graph(store::Db& db, const graph::Graph& g, ExportFormat format,
                                                const std::filesystem::path& out, const Pseudonyms* shown) {
  exchange::FtmRewrite rewrite;
  if (shown) rewrite = [shown](exchange::FtmEntity& e) { shown->rewrite(e.id, e.properties); };
  std::vector<exchange::LinkSource> sources;
  if (format != ExportFormat::Ftm) sources = exchange::link_sources(db, g);
  switch (format) {
    case ExportFormat::GraphMl:
      write_to(out, [&](std::ostream& o) { exchange::write_graphml(o, g, {}, &sources); });
      return {out};
    case ExportFormat::Gexf:
      write_to(out, [&](std::ostream& o) { exchange::write_gexf(o, g, {}, &sources); });
      return {out};
    case ExportFormat::Ftm:
      write_to(out, [&](std::ostream& o) { exchange::write_ftm_lines(o, db, g, rewrite); });
      return {out};
    case ExportFormat::Csv: {
      std::error_code ec;
      std::filesystem::create_directories(out, ec);
      if (ec) throw Error(out.string(), "cannot create the folder: " + ec.message());
      write_to(out / "nodes.csv", [&](std::ostream& o) { exchange::write_nodes_csv(o, g); });
      write_to(out / "edges.csv", [&](std::ostream& o) { exchange::write_edges_csv(o, g, &sources); });
      return {out / "nodes.csv", out / "edges.csv"};
    }
  }
  return {};
}

}  // namespace corridor::app

#pragma once
// The case network as the investigator asks about it: who matters (key players), how two
// entities are connected (a path with the statements behind every link), and the network
// handed to another tool (exports). The CLI commands network, path and export are thin
// calls to these.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/pseudonyms.hpp"
#include "graph/graph.hpp"
#include "graph/key_players.hpp"
#include "model/types.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

struct KeyPlayerRow {
  std::size_t rank = 0;  // 1-based
  std::string id, schema;
  std::string label;  // the caption, else the entity's identifier value (phone number...)
  graph::KeyPlayer player;
};

struct NetworkSummary {
  std::size_t nodes = 0, edges = 0;  // of the network ranked
  std::size_t flagged = 0;  // around_indicators: subjects of indicators found in the graph
  std::vector<KeyPlayerRow> rows;
};

// Builds the graph of the case and ranks its key players. With `around_indicators`, only
// the network around what the detectors flagged is ranked: the subjects of indicators not
// dismissed and their direct neighbours. In a case that also holds bulk records (a bank's
// transfers, a phone company's call records) the busiest hubs of the bulk are otherwise
// the most central entities, whatever their part in the smuggling.
NetworkSummary network_key_players(store::Db& db, std::size_t top, bool around_indicators = false);

// The caption of an entity, else its first identifier value, else "".
std::string entity_label(store::Db& db, const graph::Node& node);

// An entity of the graph named by its id or by an identifier value it carries
// (entities_by_value); nullopt when neither names a node.
std::optional<graph::NodeIndex> find_entity(store::Db& db, const graph::Graph& g, const std::string& id_or_value);

struct StatementSource {
  std::int64_t id = 0;
  std::string entity_id, property, value;
  std::string evidence_sha256;
  Locator locator;
  bool assessment = false;  // a fact read from evidence, or an assessment
  std::string made_by;      // the extractor or detector with its version ("telegram@1", "resolve@1")
};
// "fact by telegram@1" or "assessment by resolve@1".
std::string provenance_text(const StatementSource& s);
// "line:3 @120+16": the record and the byte range.
std::string locator_text(const Locator& l);
// The statements with these row ids, in the same order; an id the store does not have
// comes back with only its id set.
std::vector<StatementSource> statement_sources(store::Db& db, const std::vector<std::int64_t>& ids);

struct PathStep {
  graph::NodeIndex from = 0, to = 0;  // in the order of the path
  std::size_t edge = 0;
  std::vector<StatementSource> statements;
};
struct PathReport {
  std::vector<graph::NodeIndex> nodes;
  std::vector<std::string> labels;  // by position in `nodes`
  std::vector<PathStep> steps;
};
// Fewest hops from `from` to `to`, each link with the statements it was built from;
// nullopt when they are not connected.
std::optional<PathReport> trace_path(store::Db& db, const graph::Graph& g, graph::NodeIndex from, graph::NodeIndex to);

enum class ExportFormat { GraphMl, Gexf, Ftm, Csv };
std::optional<ExportFormat> export_format_from(const std::string& name);  // graphml, gexf, ftm, csv
// Writes the network `g` of the case in `db` to `out` (for csv, a folder receiving
// nodes.csv and edges.csv; ftm writes every entity with its properties, read from `db`);
// returns the files written. Throws corridor::Error when a file cannot be written.
// `shown`: the pseudonyms of protected people, applied to the FtM entities (the graph
// formats take the captions of `g`, relabelled by the caller: Pseudonyms::relabel).
std::vector<std::filesystem::path> export_graph(store::Db& db, const graph::Graph& g, ExportFormat format,
                                                const std::filesystem::path& out, const Pseudonyms* shown = nullptr);

}  // namespace corridor::app

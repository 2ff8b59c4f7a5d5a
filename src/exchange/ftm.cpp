#include "exchange/ftm.hpp"

#include <map>
#include <tuple>
#include <vector>

#include "exchange/ftm_map.hpp"
#include "exchange/graphml.hpp"

namespace corridor::exchange {

namespace {

// Links that no statement states: the graph inferred them. The others are entities of
// their own in FtM (a Payment, a Message) or come with the statement that made them.
bool inferred(graph::EdgeType t) {
  return t == graph::EdgeType::AppearsWith || t == graph::EdgeType::SameDevice ||
         t == graph::EdgeType::SharesIdentifier || t == graph::EdgeType::ProposedSameAs;
}

// Inferred links are symmetric (FtM's UnknownLink is undirected): the graph's edges A->B
// and B->A of one type are one link, its times and statements joined.
void write_inferred_links(FtmMapper& mapper, const graph::Graph& g) {
  struct Joined {
    UnixMillis first = graph::kNoTime, last = graph::kNoTime;
    std::uint32_t links = 0;
    std::string statements;
  };
  std::map<std::tuple<graph::NodeIndex, graph::NodeIndex, graph::EdgeType>, Joined> joined;
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    const auto& x = g.edge(i);
    if (!inferred(x.type)) continue;
    const bool forward = g.node(x.source).id < g.node(x.target).id;
    Joined& j = joined[{forward ? x.source : x.target, forward ? x.target : x.source, x.type}];
    if (x.first != graph::kNoTime && (j.first == graph::kNoTime || x.first < j.first)) j.first = x.first;
    if (x.last != graph::kNoTime && (j.last == graph::kNoTime || x.last > j.last)) j.last = x.last;
    j.links += x.links;
    j.statements += (j.statements.empty() ? "" : " ") + statement_list(g, i);
  }
  for (const auto& [ends, j] : joined) {
    const auto& [source, target, type] = ends;
    FtmEntity details;
    if (j.first != graph::kNoTime) {
      details.add("startDate", ftm_date(time_text(j.first)));
      details.add("endDate", ftm_date(time_text(j.last)));
    }
    details.add("summary", std::to_string(j.links) + " links; statements " + j.statements);
    mapper.link(g.node(source).id, g.node(target).id, graph::to_string(type), std::move(details));
  }
}

}  // namespace

void write_ftm_lines(std::ostream& out, store::Db& db, const graph::Graph& g, const FtmRewrite& shown) {
  const FtmCase c(db);
  FtmMapper mapper(c, [&](const FtmEntity& e) {
    if (!shown) {
      out << e.json() << '\n';
      return;
    }
    FtmEntity copy = e;
    shown(copy);
    out << copy.json() << '\n';
  });
  // Statements in entity order, so each entity is mapped from its own and written at once.
  store::Stmt q(db,
                "SELECT entity, property, value, original_value, evidence, loc_record, extractor, confidence "
                "FROM statements ORDER BY entity, id");
  bool more = q.step();
  std::vector<CaseStatement> statements;
  const auto& entities = c.entities();
  for (std::size_t rid = 0; rid < entities.size(); ++rid) {
    statements.clear();
    for (; more && q.int64(0) <= static_cast<std::int64_t>(rid); more = q.step())
      if (q.int64(0) == static_cast<std::int64_t>(rid))
        statements.push_back({q.text(1), q.text(2), q.text(3), q.int64(4), q.text(5), q.text(6), q.real(7)});
    if (!entities[rid].id.empty()) mapper.map(entities[rid], statements);
  }
  write_inferred_links(mapper, g);
  mapper.finish();
}

}  // namespace corridor::exchange

#include "exchange/ftm.hpp"

#include <vector>

#include "exchange/ftm_map.hpp"
#include "exchange/graphml.hpp"

namespace corridor::exchange {

namespace {

// Links that no statement states: the graph inferred them. The others are entities of
// their own in FtM (a Payment, a Message) or come with the statement that made them.
bool inferred(graph::EdgeType t) {
  return t == graph::EdgeType::AppearsWith || t == graph::EdgeType::SameDevice ||
         t == graph::EdgeType::SharesIdentifier;
}

void write_inferred_links(FtmMapper& mapper, const graph::Graph& g) {
  for (std::size_t i = 0; i < g.edge_count(); ++i) {
    const auto& x = g.edge(i);
    if (!inferred(x.type)) continue;
    FtmEntity details;
    if (x.first != graph::kNoTime) {
      details.add("startDate", ftm_date(time_text(x.first)));
      details.add("endDate", ftm_date(time_text(x.last)));
    }
    details.add("summary", std::to_string(x.links) + " links; statements " + statement_list(g, i));
    mapper.link(g.node(x.source).id, g.node(x.target).id, graph::to_string(x.type), std::move(details));
  }
}

}  // namespace

void write_ftm_lines(std::ostream& out, store::Db& db, const graph::Graph& g) {
  const FtmCase c(db);
  FtmMapper mapper(c, [&](const FtmEntity& e) { out << e.json() << '\n'; });
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

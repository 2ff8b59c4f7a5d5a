#include "exchange/link_sources.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace corridor::exchange {

std::vector<LinkSource> link_sources(store::Db& db, const graph::Graph& g) {
  // The statements behind any link, then one pass over them for kind and maker.
  std::unordered_map<std::int64_t, std::pair<bool, std::uint32_t>> of_statement;
  for (std::size_t e = 0; e < g.edge_count(); ++e)
    for (auto id : g.statements_of(e)) of_statement.emplace(id, std::pair<bool, std::uint32_t>{false, 0});
  std::vector<std::string> makers;
  std::map<std::string, std::uint32_t, std::less<>> maker_index;
  if (!of_statement.empty()) {
    store::Stmt q(db, "SELECT id, kind, extractor FROM statements ORDER BY id");
    while (q.step()) {
      const auto it = of_statement.find(q.int64(0));
      if (it == of_statement.end()) continue;
      const std::string maker = q.text(2);
      auto m = maker_index.find(maker);
      if (m == maker_index.end()) {
        m = maker_index.emplace(maker, static_cast<std::uint32_t>(makers.size())).first;
        makers.push_back(maker);
      }
      it->second = {q.int64(1) != 0, m->second};
    }
  }
  std::vector<LinkSource> out(g.edge_count());
  for (std::size_t e = 0; e < g.edge_count(); ++e) {
    std::set<std::string> by;
    // A proposed merge is the resolver's assessment, whatever facts its reasons cite.
    if (g.edge(e).type == graph::EdgeType::ProposedSameAs) {
      out[e].assessment = true;
      by.insert("resolve.same_person");
    }
    for (auto id : g.statements_of(e)) {
      const auto it = of_statement.find(id);
      if (it == of_statement.end()) continue;
      out[e].assessment = out[e].assessment || it->second.first;
      by.insert(makers[it->second.second]);
    }
    for (const auto& m : by) out[e].made_by += (out[e].made_by.empty() ? "" : " ") + m;
  }
  return out;
}

}  // namespace corridor::exchange

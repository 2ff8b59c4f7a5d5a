#include "graph/statement_edges.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

namespace corridor::graph {

std::optional<EdgeType> direct_link_type(std::string_view property) {
  if (property == "sentMessageTo") return EdgeType::SentMessageTo;
  if (property == "paid") return EdgeType::Paid;
  if (property == "appearsWith") return EdgeType::AppearsWith;
  if (property == "sameDevice") return EdgeType::SameDevice;
  if (property == "sharesIdentifier") return EdgeType::SharesIdentifier;
  if (property == "mentions") return EdgeType::Mentions;
  return std::nullopt;
}

namespace {

struct Record {
  std::vector<std::size_t> senders, recipients, payers, beneficiaries, mentions;
  UnixMillis date = kNoTime;
};

UnixMillis time_of(const Statement& s) {
  const auto t = parse_iso8601(s.prov.observed_at);
  return t ? *t : kNoTime;
}

// Pairs of the statements in one group (same device, same identifier value), in order.
void link_pairs(std::span<const SourcedStatement> all, const std::vector<std::size_t>& group, EdgeType type,
                std::size_t max_group, std::vector<EdgeInput>& out) {
  if (group.size() < 2 || group.size() > max_group) return;
  for (std::size_t x = 0; x < group.size(); ++x) {
    for (std::size_t y = x + 1; y < group.size(); ++y) {
      const Statement& a = all[group[x]].statement;
      const Statement& b = all[group[y]].statement;
      if (a.entity_id == b.entity_id) continue;
      const UnixMillis ta = time_of(a), tb = time_of(b);
      out.push_back({a.entity_id, b.entity_id, type, 1, std::max(ta, tb), {all[group[x]].id, all[group[y]].id}});
    }
  }
}

}  // namespace

std::vector<EdgeInput> edges_from_statements(std::span<const SourcedStatement> all, const StatementGraphOptions& o) {
  std::vector<EdgeInput> out;
  // Ordered maps: the same statements give the same edge order, hence the same graph.
  std::map<std::string_view, Record> records;
  std::map<std::string_view, std::vector<std::size_t>> devices, identifiers;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Statement& s = all[i].statement;
    const std::string_view p = s.property;
    if (p == "sender") {
      records[s.entity_id].senders.push_back(i);
    } else if (p == "recipients") {
      records[s.entity_id].recipients.push_back(i);
    } else if (p == "payer") {
      records[s.entity_id].payers.push_back(i);
    } else if (p == "beneficiary") {
      records[s.entity_id].beneficiaries.push_back(i);
    } else if (p == "date" || p == "sentAt") {
      if (const auto t = parse_iso8601(s.value)) records[s.entity_id].date = *t;
    } else if (p == "device") {
      devices[s.value].push_back(i);
    } else if (is_identifier_property(p) && s.kind == StatementKind::Fact) {
      identifiers[s.value].push_back(i);
    }
    if (p == "mentions") records[s.entity_id].mentions.push_back(i);
    if (const auto type = direct_link_type(p)) {
      if (s.value != s.entity_id) out.push_back({s.entity_id, s.value, *type, 1, time_of(s), {all[i].id}});
    }
  }
  auto pair_up = [&](const Record& r, const std::vector<std::size_t>& from, const std::vector<std::size_t>& to,
                     EdgeType type) {
    for (auto f : from) {
      for (auto t : to) {
        const Statement& a = all[f].statement;
        const Statement& b = all[t].statement;
        if (a.value == b.value) continue;  // a note to oneself links nobody
        out.push_back({a.value, b.value, type, 1, r.date != kNoTime ? r.date : time_of(a), {all[f].id, all[t].id}});
      }
    }
  };
  for (const auto& [id, r] : records) {
    pair_up(r, r.senders, r.recipients, EdgeType::SentMessageTo);
    pair_up(r, r.payers, r.beneficiaries, EdgeType::Paid);
    if (r.mentions.size() >= 2 && r.mentions.size() <= o.max_appearing_together) {
      for (std::size_t x = 0; x < r.mentions.size(); ++x) {
        for (std::size_t y = x + 1; y < r.mentions.size(); ++y) {
          const auto& a = all[r.mentions[x]];
          const auto& b = all[r.mentions[y]];
          if (a.statement.value == b.statement.value) continue;
          out.push_back({a.statement.value, b.statement.value, EdgeType::AppearsWith, 1,
                         r.date != kNoTime ? r.date : time_of(a.statement), {a.id, b.id}});
        }
      }
    }
  }
  for (const auto& [value, group] : devices) link_pairs(all, group, EdgeType::SameDevice, o.max_sharing, out);
  for (const auto& [value, group] : identifiers) link_pairs(all, group, EdgeType::SharesIdentifier, o.max_sharing, out);
  return out;
}

Graph build_graph(std::span<const SourcedStatement> statements, const StatementGraphOptions& options) {
  GraphBuilder b;
  for (const auto& s : statements) {
    const Statement& st = s.statement;
    const bool named = st.property == "name" || st.property == "caption";
    b.add_node(st.entity_id, st.schema, named ? std::string_view(st.value) : std::string_view());
  }
  // Unnamed entities are named by their first identifier value (phone number, IBAN...).
  for (const auto& s : statements)
    if (is_identifier_property(s.statement.property) && s.statement.kind == StatementKind::Fact)
      b.label_if_unnamed(b.add_node(s.statement.entity_id), s.statement.value);
  for (const auto& e : edges_from_statements(statements, options)) b.add_edge(e);
  return b.build();
}

}  // namespace corridor::graph

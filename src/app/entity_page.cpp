#include "app/entity_page.hpp"

#include <fstream>

#include "app/network_analysis.hpp"
#include "store/schema.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// A window of bytes moved inward to character boundaries.
std::string whole_characters(std::string s, bool trim_front, bool trim_back) {
  if (trim_front) {
    std::size_t i = 0;
    while (i < s.size() && i < 3 && continuation(s[i])) ++i;
    s.erase(0, i);
  }
  if (trim_back && !s.empty()) {
    // Drop a lead byte whose sequence the window cut.
    std::size_t i = s.size();
    std::size_t back = 0;
    while (i > 0 && back < 3 && continuation(s[i - 1])) --i, ++back;
    if (i > 0) {
      const auto lead = static_cast<unsigned char>(s[i - 1]);
      const std::size_t need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
      if (need > back) s.erase(i - 1);
    }
  }
  return s;
}

nlohmann::ordered_json statement_json(store::CaseFolder& c, const StatementSource& s, const Pseudonyms& shown,
                                      std::size_t context) {
  nlohmann::ordered_json j{{"id", s.id},
                           {"property", s.property},
                           {"value", shown.value(s.entity_id, s.property, s.value)},
                           {"kind", s.assessment ? "assessment" : "fact"},
                           {"made_by", s.made_by},
                           {"evidence_sha256", s.evidence_sha256},
                           {"locator", locator_text(s.locator)},
                           {"context", nullptr}};
  if (s.locator.offset && s.locator.length)
    if (auto ctx = evidence_context(c, s.evidence_sha256, *s.locator.offset, *s.locator.length, context))
      j["context"] = {{"before", shown.scrub(ctx->before)}, {"text", shown.scrub(ctx->text)}, {"after", shown.scrub(ctx->after)}};
  return j;
}

}  // namespace

std::optional<EvidenceContext> evidence_context(store::CaseFolder& c, const std::string& sha256, std::uint64_t offset,
                                                std::uint64_t length, std::size_t context) {
  std::ifstream in(c.vault().path_of(sha256), std::ios::binary);
  if (!in) return std::nullopt;
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::uint64_t>(in.tellg());
  if (offset > size) return std::nullopt;
  length = std::min<std::uint64_t>({length, size - offset, 64 * 1024});
  const std::uint64_t from = offset > context ? offset - context : 0;
  const std::uint64_t to = std::min<std::uint64_t>(size, offset + length + context);
  std::string bytes(static_cast<std::size_t>(to - from), '\0');
  in.seekg(static_cast<std::streamoff>(from));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  const auto at = static_cast<std::size_t>(offset - from), n = static_cast<std::size_t>(length);
  EvidenceContext out;
  out.before = whole_characters(bytes.substr(0, at), true, false);
  out.text = bytes.substr(at, n);
  out.after = whole_characters(bytes.substr(at + n), false, true);
  return out;
}

std::optional<nlohmann::ordered_json> entity_page(store::CaseFolder& c, const std::string& id, const Pseudonyms& shown,
                                                  const EntityPageOptions& opt) {
  auto& db = c.db();
  store::Stmt e(db, "SELECT rid, schema, canonical_id, caption FROM entities WHERE id = ?");
  e.bind(1, id);
  if (!e.step()) return std::nullopt;
  const std::int64_t rid = e.int64(0);
  const std::string schema = e.text(1), canonical = e.text(2), caption = e.text(3);
  nlohmann::ordered_json page{{"id", id},
                              {"schema", schema},
                              {"label", shown.label(id, caption)},
                              {"canonical_id", canonical},
                              {"protected", shown.protects(id)},
                              {"restricted", shown.restricts(id)}};

  store::Stmt total(db, "SELECT count(*) FROM statements WHERE entity = ?");
  total.bind(1, rid);
  total.step();
  std::vector<std::int64_t> ids;
  store::Stmt own(db, "SELECT id FROM statements WHERE entity = ? ORDER BY id LIMIT ? OFFSET ?");
  own.bind(1, rid).bind(2, opt.limit).bind(3, opt.offset);
  while (own.step()) ids.push_back(own.int64(0));
  auto items = nlohmann::ordered_json::array();
  for (const auto& s : statement_sources(db, ids)) items.push_back(statement_json(c, s, shown, opt.context_bytes));
  page["statements"] = {{"total", total.int64(0)}, {"offset", opt.offset}, {"items", items}};

  // Links: its statements whose value is another entity, and statements of others naming it.
  const auto linked = [&](const char* sql) {
    auto out = nlohmann::ordered_json::array();
    store::Stmt q(db, sql);
    if (std::string(sql).find("?2") != std::string::npos) q.bind(1, rid).bind(2, id);
    else q.bind(1, id);
    while (q.step())
      out.push_back({{"entity", q.text(0)}, {"schema", q.text(1)}, {"label", shown.label(q.text(0), q.text(2))},
                     {"property", q.text(3)}, {"statements", q.int64(4)}});
    return out;
  };
  page["links"] = linked(
      "SELECT o.id, o.schema, o.caption, s.property, count(*) FROM statements s JOIN entities o ON o.id = s.value "
      "WHERE s.entity = ?1 AND o.id <> ?2 GROUP BY o.id, s.property ORDER BY count(*) DESC, o.id LIMIT 200");
  page["named_by"] = linked(
      "SELECT o.id, o.schema, o.caption, s.property, count(*) FROM statements s JOIN entities o ON o.rid = s.entity "
      "WHERE s.value = ?1 AND s.value GLOB " CORRIDOR_ENTITY_ID_GLOB
      " GROUP BY o.id, s.property ORDER BY count(*) DESC, o.id LIMIT 200");
  return page;
}

}  // namespace corridor::app

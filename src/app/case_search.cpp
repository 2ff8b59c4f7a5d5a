#include "app/case_search.hpp"

#include <algorithm>
#include <cctype>

#include "app/network_analysis.hpp"
#include "core/unicode.hpp"
#include "store/search_index.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

namespace {

constexpr std::size_t kShownBytes = 300;

struct Found {
  std::int64_t statement = 0;
  std::string entity, schema, caption;
};

// The first place of `text` where a word of the query occurs, ignoring ASCII case.
std::size_t first_word_at(const std::string& text, const std::string& query) {
  const auto lower = [](std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
  };
  const std::string hay = lower(text);
  std::size_t best = std::string::npos, i = 0;
  const std::string q = lower(query);
  while (i < q.size()) {
    const auto start = q.find_first_not_of(" *\t", i);
    if (start == std::string::npos) break;
    const auto end = std::min(q.find_first_of(" *\t", start), q.size());
    best = std::min(best, hay.find(q.substr(start, end - start)));
    i = end;
  }
  return best == std::string::npos ? 0 : best;
}

// About kShownBytes of a long value around where the query's word is, whole characters.
std::string shown_part(const std::string& value, const std::string& query) {
  if (value.size() <= kShownBytes) return value;
  std::size_t from = first_word_at(value, query);
  from = from > kShownBytes / 3 ? from - kShownBytes / 3 : 0;
  while (from > 0 && (static_cast<unsigned char>(value[from]) & 0xC0) == 0x80) --from;
  const std::string_view rest = unicode::utf8_prefix(std::string_view(value).substr(from), kShownBytes);
  return (from > 0 ? "…" : "") + std::string(rest) + (from + rest.size() < value.size() ? "…" : "");
}

}  // namespace

nlohmann::ordered_json search_case(store::CaseFolder& c, const SearchRequest& r, const Pseudonyms& shown) {
  auto& index = c.search_index();
  const auto page = index.search(r.query, r.schema);
  store::Stmt entity_of(c.db(),
                        "SELECT e.id, e.schema, e.caption, s.property, s.value, s.original_value FROM statements s "
                        "JOIN entities e ON e.rid = s.entity WHERE s.id = ?");
  // A hit is shown when its entity is not withheld and the query matches its value as an
  // output shows it (pseudonymised); nullopt otherwise.
  const auto admitted = [&](const store::SearchHit& hit) -> std::optional<Found> {
    entity_of.reset();
    entity_of.bind(1, hit.statement);
    if (!entity_of.step() || shown.restricts(entity_of.text(0))) return std::nullopt;
    const std::string value = entity_of.text(4), written = entity_of.text(5);
    const auto shown_value = shown.value(entity_of.text(0), entity_of.text(3), value);
    const auto shown_written = shown.scrub(written);
    if ((shown_value != value || shown_written != written) && !index.matches(shown_value + "\n" + shown_written, r.query))
      return std::nullopt;
    return Found{hit.statement, entity_of.text(0), entity_of.text(1), entity_of.text(2)};
  };
  const auto offset = std::max<std::int64_t>(r.offset, 0), limit = std::max<std::int64_t>(r.limit, 0);
  std::vector<Found> shown_hits;  // the page
  std::int64_t total = 0;
  if (shown.hides_anything()) {
    // Every hit is checked, so that the total counts none that is hidden.
    for (const auto& hit : page.hits)
      if (auto f = admitted(hit)) {
        if (total >= offset && total < offset + limit) shown_hits.push_back(std::move(*f));
        ++total;
      }
  } else {
    // Nothing is hidden: every hit is shown, only the page is read.
    total = static_cast<std::int64_t>(page.hits.size());
    for (auto i = offset; i < total && static_cast<std::int64_t>(shown_hits.size()) < limit; ++i)
      if (auto f = admitted(page.hits[static_cast<std::size_t>(i)])) shown_hits.push_back(std::move(*f));
  }
  const auto from = std::min(offset, total);
  std::vector<std::int64_t> ids;
  for (const auto& f : shown_hits) ids.push_back(f.statement);
  const auto sources = statement_sources(c.db(), ids);
  auto hits = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const auto& s = sources[i];
    const auto& f = shown_hits[i];
    hits.push_back({{"statement", s.id},
                    {"entity", {{"id", f.entity}, {"schema", f.schema}, {"label", shown.label(f.entity, f.caption)}}},
                    {"property", s.property},
                    {"value", shown_part(shown.value(s.entity_id, s.property, s.value), r.query)},
                    {"kind", s.assessment ? "assessment" : "fact"},
                    {"made_by", s.made_by},
                    {"evidence_sha256", s.evidence_sha256},
                    {"locator", locator_text(s.locator)}});
  }
  return {{"query", r.query}, {"total", total}, {"capped", page.capped}, {"offset", from}, {"hits", hits}};
}

}  // namespace corridor::app

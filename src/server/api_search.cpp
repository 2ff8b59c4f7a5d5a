// GET /cases/{case}/search?q=&schema=&offset=&limit=: statements, posts, messages and
// identifiers found by words or a number in any spelling (app/case_search.hpp). The
// query is recorded in the ledger with the consultation: who searched for what is what an
// auditor asks first.
#include "app/case_search.hpp"
#include "app/record_access.hpp"
#include "server/api.hpp"
#include "store/audit_ledger.hpp"
#include "store/case_policy.hpp"

namespace corridor::server {

namespace {
constexpr std::size_t kMaxQuery = 512;
}

Response search(Ctx& ctx) {
  if (auto refused = unjustified(ctx, store::operation::kConsult)) return *refused;
  app::SearchRequest r;
  r.query = ctx.req.param("q");
  r.schema = ctx.req.param("schema");
  if (blank(r.query))
    return error_response(400, "give ?q= (words, a name, a phone number; a trailing * searches a prefix)");
  if (r.query.size() > kMaxQuery) return error_response(400, "a query is at most 512 bytes");
  if (r.schema.size() > 64) return error_response(400, "no such schema");
  const Page page = page_of(ctx);
  r.offset = page.offset;
  r.limit = page.limit;
  // The query's length first: query and schema are both free text, and two requests must
  // never share a key (the cached answer carries the query its ledger entry records).
  const std::string key = "search\n" + std::to_string(r.query.size()) + '\n' + r.query + r.schema + '\n' +
                          std::to_string(r.limit) + '\n' + std::to_string(r.offset);
  return logged_read(ctx, key, [&]() -> std::optional<AnswerCache::Answer> {
    const auto found = app::search_case(*ctx.c, r, app::Pseudonyms::of_case(*ctx.c));
    return AnswerCache::Answer{json_text(found), "search \"" + r.query + "\"" + (r.schema.empty() ? "" : " in " + r.schema) +
                                                     " (" + std::to_string(found["total"].get<std::int64_t>()) + " found)"};
  }, "");
}

}  // namespace corridor::server

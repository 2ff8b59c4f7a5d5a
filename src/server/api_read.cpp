// logged_read: the cache in front of the case reads that analysts repeat (entity pages,
// searches) and the consultation entry every one of them writes.
#include "app/record_access.hpp"
#include "server/api.hpp"
#include "server/turns.hpp"
#include "store/audit_ledger.hpp"

namespace corridor::server {

Response logged_read(Ctx& ctx, const std::string& key, const std::function<std::optional<AnswerCache::Answer>()>& make,
                     const char* missing) {
  store::CaseFolder& c = *ctx.c;
  AnswerCache* cache = ctx.site.answers;
  const auto log = [&](const AnswerCache::Answer& a) {
    // What is left is waiting for the entry to be written with others' (one transaction
    // for all who wait): the place goes to the next request meanwhile.
    step_out_of_turn();
    app::record_access(c, ctx.actor(), store::audit_action::kConsultation, a.logged, ctx.why());
    return json_response(a.body);
  };
  if (!cache) {
    const auto made = make();
    return made ? log(*made) : error_response(404, missing);
  }
  const std::string scope = c.dir().string() + '\n' + c.keys().public_key_hex();
  store::AuditLedger ledger(c.db());
  const std::string edition = ledger.last_change().hash;
  if (const auto kept = cache->find(scope, edition, key)) return log(*kept);
  auto made = make();
  if (!made) return error_response(404, missing);
  // Kept only when the case did not change while it was made: it is then that edition's.
  if (ledger.last_change().hash != edition) return log(*made);
  Response answer = log(*made);
  cache->keep(scope, edition, key, std::move(*made));
  return answer;
}

}  // namespace corridor::server

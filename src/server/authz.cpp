#include "server/authz.hpp"

namespace corridor::server {

const char* to_string(Need n) {
  switch (n) {
    case Need::Public: return "public";
    case Need::Authenticated: return "authenticated";
    case Need::CaseRead: return "case-read";
    case Need::CaseWrite: return "case-write";
    case Need::CaseReview: return "case-review";
    case Need::CaseAudit: return "case-audit";
    case Need::SiteAdmin: return "site-admin";
  }
  return "?";
}

bool is_case_need(Need n) {
  return n == Need::CaseRead || n == Need::CaseWrite || n == Need::CaseReview || n == Need::CaseAudit;
}

int decide(Need need, const std::optional<store::User>& user, bool member) {
  using store::Role;
  if (need == Need::Public) return 0;
  if (!user || user->disabled) return 401;
  const Role r = user->role;
  switch (need) {
    case Need::Public:
    case Need::Authenticated: return 0;
    case Need::SiteAdmin: return r == Role::Admin ? 0 : 403;
    case Need::CaseRead:
    case Need::CaseWrite:
    case Need::CaseReview:
    case Need::CaseAudit: break;
  }
  if (!member) return 404;
  bool ok = false;
  switch (need) {
    case Need::CaseRead: ok = r == Role::Analyst || r == Role::Supervisor || r == Role::Admin; break;
    case Need::CaseWrite: ok = r == Role::Analyst || r == Role::Supervisor; break;
    case Need::CaseReview: ok = r == Role::Supervisor; break;
    case Need::CaseAudit: ok = r == Role::Auditor || r == Role::Admin; break;
    default: break;
  }
  return ok ? 0 : 403;
}

}  // namespace corridor::server

#pragma once
// Who may do what: the one decision point of the server. Every route names what it needs
// (server/routes.cpp); a case route's object check answers 404 both for a case that does
// not exist and for one the user is not a member of, so existence never leaks.
#include <optional>
#include <string_view>

#include "store/user_directory.hpp"

namespace corridor::server {

enum class Need {
  Public,         // anyone, signed in or not (login, the API description)
  Authenticated,  // any signed-in user (their own session and case list)
  CaseRead,       // case content: a member analyst, supervisor, or admin
  CaseWrite,      // ingest, detect, resolve, propose: a member analyst or supervisor
  CaseReview,     // decisions, reveal, exports: a member supervisor
  CaseAudit,      // the ledger: a member auditor or admin
  SiteAdmin,      // accounts and memberships: an admin (no case content)
};
const char* to_string(Need n);
bool is_case_need(Need n);

// 0 when allowed, else the status to answer: 401 (not signed in), 404 (not a member of the
// case, or no such case), 403 (signed in, but the role does not allow it).
int decide(Need need, const std::optional<store::User>& user, bool member);

}  // namespace corridor::server

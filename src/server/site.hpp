#pragma once
// What a request is handled against: the served folder, its users, the clock (tests move
// it), and per request the signed-in user, the session, the route's captures and the case
// the route opened after the authorisation check.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/http.hpp"
#include "store/case_folder.hpp"
#include "store/user_directory.hpp"

namespace corridor::server {

class AnswerCache;
class JobBoard;
class CasePool;

// The session cookie's name (server/api_session.cpp sets it, routes.cpp reads it).
inline constexpr const char* kSessionCookie = "corridor_session";

struct Site {
  std::filesystem::path dir;  // each case folder is a child holding case.db
  store::UserDirectory& users;
  store::SessionLimits limits;
  std::function<std::int64_t()> now;  // unix seconds
  // Login throttling: this many failures of a name (or from an address) within the window
  // lock it for the rest of the window.
  int max_failures = 5;
  std::int64_t failure_window = 15 * 60;
  bool secure_cookies = true;  // false only for --insecure-http on loopback
  JobBoard* jobs = nullptr;    // background work; routes that start jobs need it
  CasePool* cases = nullptr;   // open case folders kept between requests; none: opened per request
  AnswerCache* answers = nullptr;  // entity pages and searches kept while a case is unchanged; none: made each time
  std::uint64_t max_upload = std::uint64_t{64} << 30;  // bytes of one uploaded evidence file
};

struct Ctx {
  Site& site;
  const Request& req;
  std::optional<store::User> user;
  std::optional<store::Session> session;
  std::vector<std::string> params;  // the route's captures, in order
  std::string case_name;
  std::shared_ptr<store::CaseFolder> c;  // opened for case routes, after the check

  // The justification the client sent (header X-Corridor-Why), trimmed.
  std::string why() const;
  // The actor recorded in the ledger: the signed-in user's name.
  std::string actor() const { return user ? user->name : std::string(); }
};

// Case folders under the site's folder, by name, that exist (hold case.db).
bool case_exists(const Site& site, const std::string& name);
std::vector<std::string> case_folders(const Site& site);

}  // namespace corridor::server

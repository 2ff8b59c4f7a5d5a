#pragma once
// The people of a team server (`corridor serve DIR`) and what they may open: DIR/users.db
// holds the accounts (passwords as Argon2id strings, libsodium crypto_pwhash_str), which
// case folders each may open (membership), the sessions (only a hash of each secret), and
// every login attempt (for throttling and the audit of access to the server itself).
// One connection behind a mutex: the server's threads share it.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite.hpp"

namespace corridor::store {

// analyst: read, ingest, detect, propose; supervisor: also decide reviews, reveal, export;
// auditor: the ledger and the bias audit, no case content; admin: accounts and membership.
enum class Role { Analyst, Supervisor, Auditor, Admin };
const char* to_string(Role r);
std::optional<Role> role_from(std::string_view s);

struct User {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::Analyst;
  bool disabled = false;
  std::string created_at;
};

struct Session {
  std::string id;  // public half of the cookie
  std::int64_t user = 0;
  std::string csrf;
  std::int64_t created = 0, last_seen = 0;  // unix seconds
};

struct SessionLimits {
  std::int64_t idle_seconds = 30 * 60;
  std::int64_t absolute_seconds = 12 * 3600;
};

class UserDirectory {
 public:
  // DIR/users.db, created 0600 when `create`.
  static std::unique_ptr<UserDirectory> open(const std::filesystem::path& dir, bool create);

  // Throws corridor::Error (exit 2): a name outside [A-Za-z0-9._@-]{1,64}, taken, or a
  // password shorter than 12 characters.
  User add(const std::string& name, Role role, const std::string& password);
  std::vector<User> list();
  std::optional<User> find(const std::string& name);
  std::optional<User> by_id(std::int64_t id);
  void set_disabled(const std::string& name, bool disabled);  // closes the user's sessions
  void set_role(const std::string& name, Role role);
  void set_password(const std::string& name, const std::string& password);  // closes sessions
  // The user when the password is right and the account enabled. A missing user costs
  // the same Argon2id work as a wrong password.
  std::optional<User> check_password(const std::string& name, const std::string& password);

  // A second factor (RFC 6238): a new random secret, returned in base 32 for the user's
  // authenticator app; off again with disable_totp. A code is accepted once: its time step
  // must be later than the last one used.
  std::string enable_totp(const std::string& name);
  void disable_totp(const std::string& name);
  bool has_totp(std::int64_t user);
  bool check_totp(std::int64_t user, const std::string& code, std::int64_t now);

  void grant(const std::string& case_name, const std::string& user, const std::string& by);
  void revoke(const std::string& case_name, const std::string& user);
  bool is_member(const std::string& case_name, std::int64_t user);
  std::vector<std::string> cases_of(std::int64_t user);
  std::vector<std::string> members_of(const std::string& case_name);

  // A new session: the cookie value "<id>.<secret>" (the secret is stored hashed) and its CSRF token.
  std::pair<std::string, Session> open_session(std::int64_t user, std::int64_t now);
  // The live session a cookie names (secret compared in constant time), its last_seen
  // moved to `now`; nullopt when unknown, expired (idle or absolute) or the user disabled.
  std::optional<Session> session(std::string_view cookie, std::int64_t now, const SessionLimits& limits = {});
  void close_session(std::string_view cookie);

  // Login attempts: `outcome` is "ok", "bad-password", "locked", "disabled".
  void record_attempt(const std::string& name, const std::string& address, const std::string& outcome, std::int64_t now);
  std::int64_t failures_since(const std::string& name, std::int64_t since);
  std::int64_t failures_from_since(const std::string& address, std::int64_t since);

 private:
  explicit UserDirectory(const std::filesystem::path& file, bool create);
  void require_user(const std::string& name, const char* what);
  std::int64_t count_failures(const char* column, const std::string& value, std::int64_t since);
  std::mutex mu_;
  std::unique_ptr<Db> db_;
};

// A case folder's name as the server and memberships know it: [A-Za-z0-9._-]{1,100}, not
// starting with a dot.
bool is_case_name(std::string_view name);

}  // namespace corridor::store

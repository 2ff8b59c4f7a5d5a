#include "store/user_directory.hpp"

#include <sodium.h>

#include <algorithm>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/time.hpp"
#include "core/totp.hpp"
#include "store/private_files.hpp"

namespace corridor::store {

namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS users(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  password TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS memberships(
  case_name TEXT NOT NULL,
  user INTEGER NOT NULL REFERENCES users(id),
  granted_by TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY(case_name, user)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sessions(
  id TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL,
  user INTEGER NOT NULL REFERENCES users(id),
  csrf TEXT NOT NULL,
  created INTEGER NOT NULL,
  last_seen INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS login_attempts(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  outcome TEXT NOT NULL,
  at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS login_attempts_name ON login_attempts(name, at);
CREATE INDEX IF NOT EXISTS login_attempts_address ON login_attempts(address, at);
)sql";

std::string random_hex(std::size_t bytes) {
  std::vector<std::uint8_t> b(bytes);
  randombytes_buf(b.data(), b.size());
  return to_hex(b);
}

std::string secret_hash(std::string_view secret) { return to_hex(sha256(secret)); }

bool is_user_name(std::string_view n) {
  return !n.empty() && n.size() <= 64 && std::all_of(n.begin(), n.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '@' || c == '-';
  });
}

std::string hash_password(const std::string& password) {
  if (password.size() < 12) throw Error("password", "must be at least 12 characters long", 2);
  if (password.size() > 1024) throw Error("password", "must be at most 1024 characters long", 2);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw Error("password", "cannot hash it (out of memory)", Error::kCase);
  return out;
}

User read_user(Stmt& q) {
  User u;
  u.id = q.int64(0);
  u.name = q.text(1);
  u.role = role_from(q.text(2)).value_or(Role::Analyst);
  u.disabled = q.int64(3) != 0;
  u.created_at = q.text(4);
  return u;
}

constexpr const char* kUserColumns = "SELECT id, name, role, disabled, created_at FROM users ";

}  // namespace

const char* to_string(Role r) {
  switch (r) {
    case Role::Analyst: return "analyst";
    case Role::Supervisor: return "supervisor";
    case Role::Auditor: return "auditor";
    case Role::Admin: return "admin";
  }
  return "?";
}

std::optional<Role> role_from(std::string_view s) {
  for (auto r : {Role::Analyst, Role::Supervisor, Role::Auditor, Role::Admin})
    if (s == to_string(r)) return r;
  return std::nullopt;
}

bool is_case_name(std::string_view n) {
  return !n.empty() && n.size() <= 100 && n.front() != '.' && std::all_of(n.begin(), n.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

UserDirectory::UserDirectory(const std::filesystem::path& file, bool create) {
  if (create) make_private_file(file);
  else if (!std::filesystem::exists(file))
    throw Error(file.string(), "no users yet: add one with `corridor users DIR add NAME --role admin`", Error::kCase);
  if (sodium_init() < 0) throw Error("libsodium", "cannot initialise", Error::kCase);
  db_ = std::make_unique<Db>(file.string(), create);
  db_->exec(kSchema);
  // Columns added after the first users.db: the second factor.
  bool has_totp = false;
  {
    Stmt cols(*db_, "PRAGMA table_info(users)");
    while (cols.step()) has_totp |= cols.text(1) == "totp";
  }
  if (!has_totp)
    db_->exec("ALTER TABLE users ADD COLUMN totp TEXT NOT NULL DEFAULT '';"
              "ALTER TABLE users ADD COLUMN totp_step INTEGER NOT NULL DEFAULT 0;");
}

std::unique_ptr<UserDirectory> UserDirectory::open(const std::filesystem::path& dir, bool create) {
  return std::unique_ptr<UserDirectory>(new UserDirectory(dir / "users.db", create));
}

User UserDirectory::add(const std::string& name, Role role, const std::string& password) {
  if (!is_user_name(name)) throw Error("user " + name, "a name is 1-64 letters, digits and . _ @ -", 2);
  const std::string hash = hash_password(password);
  std::lock_guard lock(mu_);
  {
    Stmt taken(*db_, "SELECT 1 FROM users WHERE name = ?");
    taken.bind(1, name);
    if (taken.step()) throw Error("user " + name, "exists already", 2);
  }
  Stmt put(*db_, "INSERT INTO users(name, role, password, created_at) VALUES(?,?,?,?)");
  put.bind(1, name).bind(2, to_string(role)).bind(3, hash).bind(4, utc_now()).run();
  User u;
  u.id = db_->last_insert_rowid();
  u.name = name;
  u.role = role;
  return u;
}

std::vector<User> UserDirectory::list() {
  std::lock_guard lock(mu_);
  Stmt q(*db_, std::string(kUserColumns) + "ORDER BY name");
  std::vector<User> out;
  while (q.step()) out.push_back(read_user(q));
  return out;
}

std::optional<User> UserDirectory::find(const std::string& name) {
  std::lock_guard lock(mu_);
  Stmt q(*db_, std::string(kUserColumns) + "WHERE name = ?");
  q.bind(1, name);
  if (!q.step()) return std::nullopt;
  return read_user(q);
}

std::optional<User> UserDirectory::by_id(std::int64_t id) {
  std::lock_guard lock(mu_);
  Stmt q(*db_, std::string(kUserColumns) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  return read_user(q);
}

void UserDirectory::require_user(const std::string& name, const char* what) {
  Stmt q(*db_, "SELECT 1 FROM users WHERE name = ?");
  q.bind(1, name);
  if (!q.step()) throw Error("user " + name, std::string("no such user (") + what + ")", 3);
}

void UserDirectory::set_disabled(const std::string& name, bool disabled) {
  std::lock_guard lock(mu_);
  require_user(name, "disable");
  Transaction tx(*db_);
  Stmt s(*db_, "UPDATE users SET disabled = ? WHERE name = ?");
  s.bind(1, std::int64_t{disabled}).bind(2, name).run();
  Stmt end(*db_, "DELETE FROM sessions WHERE user = (SELECT id FROM users WHERE name = ?)");
  end.bind(1, name).run();
  tx.commit();
}

void UserDirectory::set_role(const std::string& name, Role role) {
  std::lock_guard lock(mu_);
  require_user(name, "set-role");
  Stmt s(*db_, "UPDATE users SET role = ? WHERE name = ?");
  s.bind(1, to_string(role)).bind(2, name).run();
}

void UserDirectory::set_password(const std::string& name, const std::string& password) {
  const std::string hash = hash_password(password);
  std::lock_guard lock(mu_);
  require_user(name, "reset-password");
  Transaction tx(*db_);
  Stmt s(*db_, "UPDATE users SET password = ? WHERE name = ?");
  s.bind(1, hash).bind(2, name).run();
  Stmt end(*db_, "DELETE FROM sessions WHERE user = (SELECT id FROM users WHERE name = ?)");
  end.bind(1, name).run();
  tx.commit();
}

std::optional<User> UserDirectory::check_password(const std::string& name, const std::string& password) {
  std::string stored;
  std::optional<User> user;
  {
    std::lock_guard lock(mu_);
    Stmt q(*db_, "SELECT id, name, role, disabled, created_at, password FROM users WHERE name = ?");
    q.bind(1, name);
    if (q.step()) {
      user = read_user(q);
      stored = q.text(5);
    }
  }
  // The same work for a missing user: timing does not tell which names exist.
  static const std::string dummy = hash_password("not a password of anyone");
  const std::string& against = user ? stored : dummy;
  const bool ok = password.size() <= 1024 &&
                  crypto_pwhash_str_verify(against.c_str(), password.data(), password.size()) == 0;
  if (!ok || !user || user->disabled) return std::nullopt;
  return user;
}

std::string UserDirectory::enable_totp(const std::string& name) {
  std::vector<std::uint8_t> secret(20);
  randombytes_buf(secret.data(), secret.size());
  std::lock_guard lock(mu_);
  require_user(name, "totp");
  Stmt s(*db_, "UPDATE users SET totp = ?, totp_step = 0 WHERE name = ?");
  s.bind(1, to_hex(secret)).bind(2, name).run();
  return base32_encode(secret);
}

void UserDirectory::disable_totp(const std::string& name) {
  std::lock_guard lock(mu_);
  require_user(name, "totp");
  Stmt s(*db_, "UPDATE users SET totp = '', totp_step = 0 WHERE name = ?");
  s.bind(1, name).run();
}

bool UserDirectory::has_totp(std::int64_t user) {
  std::lock_guard lock(mu_);
  Stmt q(*db_, "SELECT totp <> '' FROM users WHERE id = ?");
  q.bind(1, user);
  return q.step() && q.int64(0) != 0;
}

bool UserDirectory::check_totp(std::int64_t user, const std::string& code, std::int64_t now) {
  std::lock_guard lock(mu_);
  Stmt q(*db_, "SELECT totp, totp_step FROM users WHERE id = ?");
  q.bind(1, user);
  if (!q.step() || q.text(0).size() != 40) return false;
  std::vector<std::uint8_t> secret(20);
  from_hex(q.text(0), secret);
  const std::int64_t last = q.int64(1);
  q.reset();
  const auto step = totp_step(secret, code, now);
  if (!step || *step <= last) return false;  // wrong, or used already
  Stmt used(*db_, "UPDATE users SET totp_step = ? WHERE id = ?");
  used.bind(1, *step).bind(2, user).run();
  return true;
}

void UserDirectory::grant(const std::string& case_name, const std::string& user, const std::string& by) {
  if (!is_case_name(case_name)) throw Error("case " + case_name, "not a case folder name", 2);
  std::lock_guard lock(mu_);
  require_user(user, "grant");
  Stmt s(*db_, "INSERT OR IGNORE INTO memberships(case_name, user, granted_by, at) "
               "SELECT ?, id, ?, ? FROM users WHERE name = ?");
  s.bind(1, case_name).bind(2, by).bind(3, utc_now()).bind(4, user).run();
}

void UserDirectory::revoke(const std::string& case_name, const std::string& user) {
  std::lock_guard lock(mu_);
  require_user(user, "revoke");
  Stmt s(*db_, "DELETE FROM memberships WHERE case_name = ? AND user = (SELECT id FROM users WHERE name = ?)");
  s.bind(1, case_name).bind(2, user).run();
}

bool UserDirectory::is_member(const std::string& case_name, std::int64_t user) {
  std::lock_guard lock(mu_);
  Stmt q(*db_, "SELECT 1 FROM memberships WHERE case_name = ? AND user = ?");
  q.bind(1, case_name).bind(2, user);
  return q.step();
}

std::vector<std::string> UserDirectory::cases_of(std::int64_t user) {
  std::lock_guard lock(mu_);
  Stmt q(*db_, "SELECT case_name FROM memberships WHERE user = ? ORDER BY case_name");
  q.bind(1, user);
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.text(0));
  return out;
}

std::vector<std::string> UserDirectory::members_of(const std::string& case_name) {
  std::lock_guard lock(mu_);
  Stmt q(*db_, "SELECT u.name FROM memberships m JOIN users u ON u.id = m.user WHERE m.case_name = ? ORDER BY u.name");
  q.bind(1, case_name);
  std::vector<std::string> out;
  while (q.step()) out.push_back(q.text(0));
  return out;
}

std::pair<std::string, Session> UserDirectory::open_session(std::int64_t user, std::int64_t now) {
  Session s;
  s.id = random_hex(16);
  s.user = user;
  s.csrf = random_hex(32);
  s.created = s.last_seen = now;
  const std::string secret = random_hex(32);  // 256 bits
  std::lock_guard lock(mu_);
  Stmt put(*db_, "INSERT INTO sessions(id, secret_hash, user, csrf, created, last_seen) VALUES(?,?,?,?,?,?)");
  put.bind(1, s.id).bind(2, secret_hash(secret)).bind(3, user).bind(4, s.csrf).bind(5, now).bind(6, now).run();
  return {s.id + "." + secret, s};
}

namespace {
constexpr std::int64_t kTouchSeconds = 30;
}

std::optional<Session> UserDirectory::session(std::string_view cookie, std::int64_t now, const SessionLimits& limits) {
  const auto dot = cookie.find('.');
  if (dot == std::string_view::npos || dot > 64 || cookie.size() > 200) return std::nullopt;
  const std::string id(cookie.substr(0, dot)), hash = secret_hash(cookie.substr(dot + 1));
  std::lock_guard lock(mu_);
  Stmt q(*db_, "SELECT s.secret_hash, s.user, s.csrf, s.created, s.last_seen, u.disabled FROM sessions s "
               "JOIN users u ON u.id = s.user WHERE s.id = ?");
  q.bind(1, id);
  if (!q.step()) return std::nullopt;
  const std::string stored = q.text(0);
  if (stored.size() != hash.size() || sodium_memcmp(stored.data(), hash.data(), hash.size()) != 0) return std::nullopt;
  Session s{id, q.int64(1), q.text(2), q.int64(3), q.int64(4)};
  const bool disabled = q.int64(5) != 0;
  q.reset();
  if (disabled || now - s.last_seen > limits.idle_seconds || now - s.created > limits.absolute_seconds) {
    Stmt del(*db_, "DELETE FROM sessions WHERE id = ?");
    del.bind(1, id).run();
    return std::nullopt;
  }
  // Written at most every kTouchSeconds: a write (and a sync) on every request of every user
  // was a server's busiest lock; the idle timeout is kept to within that much.
  if (now - s.last_seen >= kTouchSeconds) {
    Stmt touch(*db_, "UPDATE sessions SET last_seen = ? WHERE id = ?");
    touch.bind(1, now).bind(2, id).run();
    s.last_seen = now;
  }
  return s;
}

void UserDirectory::close_session(std::string_view cookie) {
  const auto dot = cookie.find('.');
  if (dot == std::string_view::npos) return;
  std::lock_guard lock(mu_);
  Stmt del(*db_, "DELETE FROM sessions WHERE id = ?");
  del.bind(1, cookie.substr(0, dot)).run();
}

void UserDirectory::record_attempt(const std::string& name, const std::string& address, const std::string& outcome,
                                   std::int64_t now) {
  std::lock_guard lock(mu_);
  Stmt put(*db_, "INSERT INTO login_attempts(name, address, outcome, at) VALUES(?,?,?,?)");
  put.bind(1, name.substr(0, 64)).bind(2, address).bind(3, outcome).bind(4, now).run();
}

std::int64_t UserDirectory::failures_since(const std::string& name, std::int64_t since) {
  return count_failures("name", name.substr(0, 64), since);
}

std::int64_t UserDirectory::failures_from_since(const std::string& address, std::int64_t since) {
  return count_failures("address", address, since);
}

std::int64_t UserDirectory::count_failures(const char* column, const std::string& value, std::int64_t since) {
  std::lock_guard lock(mu_);
  Stmt q(*db_, std::string("SELECT count(*) FROM login_attempts WHERE ") + column + " = ? AND at >= ? AND outcome <> 'ok'");
  q.bind(1, value).bind(2, since);
  q.step();
  return q.int64(0);
}

}  // namespace corridor::store

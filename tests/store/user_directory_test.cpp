// The accounts of a team server: passwords, roles, memberships, sessions and their timeouts,
// login attempts.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/error.hpp"
#include "store/user_directory.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;
using corridor::test::TempDir;

namespace {
const std::string kPassword = "correct horse battery";
}

TEST(UserDirectory, PasswordsAreCheckedAndNeverStoredInClear) {
  TempDir t;
  auto users = store::UserDirectory::open(t.path(), true);
  users->add("alice", store::Role::Supervisor, kPassword);
  EXPECT_TRUE(users->check_password("alice", kPassword));
  EXPECT_FALSE(users->check_password("alice", kPassword + "!"));
  EXPECT_FALSE(users->check_password("bob", kPassword));
  struct stat st{};
  ASSERT_EQ(::stat((t.path() / "users.db").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(test::read_file(t.path() / "users.db").find(kPassword), std::string::npos);
  users->set_password("alice", "another long passphrase");
  EXPECT_FALSE(users->check_password("alice", kPassword));
  EXPECT_TRUE(users->check_password("alice", "another long passphrase"));
}

TEST(UserDirectory, BadNamesShortPasswordsAndDuplicatesAreRefused) {
  TempDir t;
  auto users = store::UserDirectory::open(t.path(), true);
  const auto refused = [&](const std::string& name, const std::string& pw, const std::string& why) {
    try {
      users->add(name, store::Role::Analyst, pw);
      ADD_FAILURE() << name << " was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.exit_code(), 2);
      EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
    }
  };
  refused("a b", kPassword, "a name is 1-64 letters");
  refused("", kPassword, "a name is 1-64 letters");
  refused("carol", "short", "at least 12 characters");
  users->add("carol", store::Role::Analyst, kPassword);
  refused("carol", kPassword, "exists already");
  EXPECT_THROW(store::UserDirectory::open(t / "elsewhere", false), Error);
}

TEST(UserDirectory, DisablingEndsSessionsAndRefusesLogin) {
  TempDir t;
  auto users = store::UserDirectory::open(t.path(), true);
  const auto u = users->add("alice", store::Role::Analyst, kPassword);
  const auto [cookie, s] = users->open_session(u.id, 1000);
  ASSERT_TRUE(users->session(cookie, 1001));
  users->set_disabled("alice", true);
  EXPECT_FALSE(users->session(cookie, 1002));
  EXPECT_FALSE(users->check_password("alice", kPassword));
  users->set_disabled("alice", false);
  EXPECT_TRUE(users->check_password("alice", kPassword));
}

TEST(UserDirectory, SessionsExpireWhenIdleOrOldAndNeedTheWholeSecret) {
  TempDir t;
  auto users = store::UserDirectory::open(t.path(), true);
  const auto u = users->add("alice", store::Role::Analyst, kPassword);
  store::SessionLimits limits{600, 3600};
  auto [cookie, s] = users->open_session(u.id, 1000);
  EXPECT_EQ(s.csrf.size(), 64u);
  EXPECT_EQ(cookie.size(), 32u + 1 + 64);  // 128-bit id, 256-bit secret
  std::string forged = cookie;
  forged.back() = forged.back() == '0' ? '1' : '0';
  EXPECT_FALSE(users->session(forged, 1001, limits));
  EXPECT_FALSE(users->session(cookie.substr(0, 33), 1001, limits));
  EXPECT_FALSE(users->session("garbage", 1001, limits));
  // Kept alive by use until the absolute limit.
  for (std::int64_t now = 1500; now < 4600; now += 500) EXPECT_TRUE(users->session(cookie, now, limits)) << now;
  EXPECT_FALSE(users->session(cookie, 4601, limits));
  auto [idle, s2] = users->open_session(u.id, 5000);
  EXPECT_FALSE(users->session(idle, 5601, limits));
  // A closed session is gone.
  auto [closed, s3] = users->open_session(u.id, 6000);
  users->close_session(closed);
  EXPECT_FALSE(users->session(closed, 6001, limits));
}

TEST(UserDirectory, MembershipsAndAttempts) {
  TempDir t;
  auto users = store::UserDirectory::open(t.path(), true);
  const auto a = users->add("alice", store::Role::Analyst, kPassword);
  users->grant("op-delta", "alice", "admin");
  users->grant("op-delta", "alice", "admin");  // twice is once
  EXPECT_TRUE(users->is_member("op-delta", a.id));
  EXPECT_FALSE(users->is_member("op-other", a.id));
  EXPECT_EQ(users->cases_of(a.id), std::vector<std::string>{"op-delta"});
  EXPECT_THROW(users->grant("../etc", "alice", "admin"), Error);
  EXPECT_THROW(users->grant("op-delta", "nobody", "admin"), Error);
  users->revoke("op-delta", "alice");
  EXPECT_FALSE(users->is_member("op-delta", a.id));
  for (int i = 0; i < 3; ++i) users->record_attempt("alice", "10.0.0.9", "bad-password", 100 + i);
  users->record_attempt("alice", "10.0.0.9", "ok", 104);
  EXPECT_EQ(users->failures_since("alice", 0), 3);
  EXPECT_EQ(users->failures_since("alice", 102), 1);
  EXPECT_EQ(users->failures_from_since("10.0.0.9", 0), 3);
  EXPECT_EQ(users->failures_from_since("10.0.0.8", 0), 0);
}

// `corridor users DIR ...` and `corridor cases DIR ...` as a team's admin types them: the
// password from standard input only, roles, memberships, and clear refusals.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/temp_dir.hpp"

namespace corridor::test {
namespace {

const std::string kPassword = "correct horse battery\n";

TEST(TeamCli, AnAdminAddsUsersGivesRolesAndMemberships) {
  TempDir t;
  const std::string dir = t.path().string();
  ASSERT_EQ(run_corridor({"case", "init", (t / "op").string(), "--title", "Op", "--examiner", "Examiner 1"}).exit_code, 0);
  auto r = run_corridor_with_input({"users", dir, "add", "sam", "--role", "supervisor"}, kPassword);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "added sam (supervisor)\n");
  r = run_corridor_with_input({"users", dir, "add", "ana", "--role", "analyst"}, kPassword);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_corridor({"users", dir, "set-role", "ana", "--role", "auditor"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "ana is now auditor\n");
  r = run_corridor({"cases", dir, "grant", "op", "sam"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "sam may now open op\n");
  r = run_corridor({"cases", dir, "members", "op"});
  EXPECT_EQ(r.out, "sam\n");
  r = run_corridor({"users", dir, "disable", "ana"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_corridor({"users", dir, "list", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["name"], "ana");
  EXPECT_EQ(j[0]["role"], "auditor");
  EXPECT_EQ(j[0]["disabled"], true);
  EXPECT_EQ(j[1]["name"], "sam");
  EXPECT_EQ(j[1]["cases"], nlohmann::json::array({"op"}));
  r = run_corridor({"cases", dir, "revoke", "op", "sam"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(run_corridor({"cases", dir, "members", "op"}).out, "");
  // The password went in through standard input: it is nowhere in users.db as text.
  EXPECT_EQ(read_file(t / "users.db").find("correct horse battery"), std::string::npos);
}

TEST(TeamCli, BadRolesShortPasswordsAndUnknownUsersAreRefusedClearly) {
  TempDir t;
  const std::string dir = t.path().string();
  auto r = run_corridor_with_input({"users", dir, "add", "sam", "--role", "boss"}, kPassword);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("analyst, supervisor, auditor, admin"), std::string::npos) << r.err;
  r = run_corridor_with_input({"users", dir, "add", "sam", "--role", "analyst"}, "short\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("12"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("short"), std::string::npos) << "the password is never echoed: " << r.err;
  r = run_corridor({"users", dir, "set-role", "nobody", "--role", "analyst"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("nobody"), std::string::npos) << r.err;
  r = run_corridor({"users", dir, "add"});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace corridor::test

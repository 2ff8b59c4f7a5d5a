// corridor users DIR add|list|disable|enable|set-role|reset-password
// corridor cases DIR grant|revoke CASE USER | members CASE
// The accounts of a team server (store/user_directory.hpp). A password is read from
// standard input (one line), never from the command line, where `ps` and shell histories
// would keep it; at a terminal it is asked for twice without echo.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "store/user_directory.hpp"

namespace corridor::cli {
namespace {

std::string read_line(bool echo) {
  termios old{};
  const bool tty = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty && !echo) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty && !echo) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fputc('\n', stderr);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string new_password(const std::string& user) {
  if (!::isatty(STDIN_FILENO)) return read_line(false);
  std::fprintf(stderr, "password for %s (at least 12 characters): ", user.c_str());
  const std::string first = read_line(false);
  std::fprintf(stderr, "again: ");
  if (read_line(false) != first) throw Error("password", "the two entries differ", kUsage);
  return first;
}

store::Role role_of(const std::string& s) {
  auto r = store::role_from(s);
  if (!r) throw Error("--role " + s, "is one of analyst, supervisor, auditor, admin", kUsage);
  return *r;
}

void users(CLI::App& root) {
  auto* cmd = root.add_subcommand("users", "Accounts of a team server (DIR/users.db): add, list, disable, set-role, "
                                           "reset-password; passwords are read from standard input");
  cmd->require_subcommand(1);
  struct Args {
    std::string dir, name, role;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("dir", a->dir, "The folder `corridor serve` serves (holds users.db)")->required();
  const auto with_name = [&](const char* name, const char* help) {
    auto* s = cmd->add_subcommand(name, help);
    s->add_option("name", a->name, "User name: letters, digits and . _ @ -")->required();
    return s;
  };
  auto* add = with_name("add", "Add a user; the password comes from standard input");
  add->add_option("--role", a->role, "analyst | supervisor | auditor | admin")->required();
  add->callback([a] {
    const std::string password = new_password(a->name);
    const auto u = store::UserDirectory::open(a->dir, true)->add(a->name, role_of(a->role), password);
    std::printf("added %s (%s)\n", u.name.c_str(), to_string(u.role));
  });
  auto* role = with_name("set-role", "Change a user's role");
  role->add_option("--role", a->role, "analyst | supervisor | auditor | admin")->required();
  role->callback([a] {
    store::UserDirectory::open(a->dir, false)->set_role(a->name, role_of(a->role));
    std::printf("%s is now %s\n", a->name.c_str(), a->role.c_str());
  });
  with_name("disable", "Disable a user and end their sessions")->callback([a] {
    store::UserDirectory::open(a->dir, false)->set_disabled(a->name, true);
    std::printf("disabled %s\n", a->name.c_str());
  });
  with_name("enable", "Enable a disabled user again")->callback([a] {
    store::UserDirectory::open(a->dir, false)->set_disabled(a->name, false);
    std::printf("enabled %s\n", a->name.c_str());
  });
  auto off = std::make_shared<bool>(false);
  auto* totp = with_name("totp", "Turn on a second factor (RFC 6238): prints the secret for the user's authenticator app");
  totp->add_flag("--off", *off, "Turn it off again");
  totp->callback([a, off] {
    auto dir = store::UserDirectory::open(a->dir, false);
    if (*off) {
      dir->disable_totp(a->name);
      std::printf("second factor of %s turned off\n", a->name.c_str());
      return;
    }
    const std::string secret = dir->enable_totp(a->name);
    std::printf("secret %s\notpauth://totp/Corridor:%s?secret=%s&issuer=Corridor&digits=6&period=30\n", secret.c_str(),
                a->name.c_str(), secret.c_str());
  });
  with_name("reset-password", "Set a new password (from standard input) and end the user's sessions")->callback([a] {
    const std::string password = new_password(a->name);
    store::UserDirectory::open(a->dir, false)->set_password(a->name, password);
    std::printf("password of %s reset\n", a->name.c_str());
  });
  auto* list = cmd->add_subcommand("list", "List the users");
  list->add_flag("--json", a->json, "JSON output");
  list->callback([a] {
    auto dir = store::UserDirectory::open(a->dir, false);
    auto out = nlohmann::ordered_json::array();
    for (const auto& u : dir->list()) {
      if (!a->json) {
        std::printf("%-24s %-10s %s%s\n", u.name.c_str(), to_string(u.role), u.created_at.c_str(),
                    u.disabled ? "  disabled" : "");
        continue;
      }
      out.push_back({{"name", u.name}, {"role", to_string(u.role)}, {"disabled", u.disabled},
                     {"created_at", u.created_at}, {"cases", dir->cases_of(u.id)}});
    }
    if (a->json) std::cout << out.dump(2) << "\n";
  });
}

void cases(CLI::App& root) {
  auto* cmd = root.add_subcommand("cases", "Which users of a team server may open which case folder");
  cmd->require_subcommand(1);
  struct Args {
    std::string dir, case_name, user;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("dir", a->dir, "The folder `corridor serve` serves")->required();
  for (const bool grant : {true, false}) {
    auto* s = cmd->add_subcommand(grant ? "grant" : "revoke", grant ? "Make a user a member of a case" : "End a membership");
    s->add_option("case", a->case_name, "Case folder name under DIR")->required();
    s->add_option("user", a->user, "User name")->required();
    s->callback([a, grant] {
      auto dir = store::UserDirectory::open(a->dir, false);
      if (grant) dir->grant(a->case_name, a->user, "command line");
      else dir->revoke(a->case_name, a->user);
      std::printf("%s %s %s\n", a->user.c_str(), grant ? "may now open" : "may no longer open", a->case_name.c_str());
    });
  }
  auto* m = cmd->add_subcommand("members", "List a case's members");
  m->add_option("case", a->case_name, "Case folder name under DIR")->required();
  m->callback([a] {
    for (const auto& u : store::UserDirectory::open(a->dir, false)->members_of(a->case_name)) std::printf("%s\n", u.c_str());
  });
}

CORRIDOR_COMMAND(users);
CORRIDOR_COMMAND(cases);

}  // namespace
}  // namespace corridor::cli

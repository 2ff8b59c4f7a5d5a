#include <cstdio>
#include <exception>
#include <vector>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "core/escape.hpp"
#include "corridor/version.hpp"

namespace corridor::cli {

namespace {
std::vector<Setup>& registry() {
  static std::vector<Setup> r;
  return r;
}
int g_exit = kOk;
}  // namespace

bool register_command(Setup setup) {
  registry().push_back(std::move(setup));
  return true;
}
void set_exit(int code) { g_exit = code; }
int pending_exit() { return g_exit; }

}  // namespace corridor::cli

int main(int argc, char** argv) {
  using namespace corridor::cli;
  CLI::App app{"Corridor: an offline investigation workbench for migrant-smuggling cases."};
  app.set_version_flag("--version", std::string("corridor ") + corridor::kVersion);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok; 1 a check found differences; 2 bad command line; 3 a file is missing,\n"
      "unreadable or malformed; 4 not a case folder or the case cannot be opened; 5 internal error.");
  for (auto& setup : registry()) setup(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kOk : kUsage;
  } catch (const corridor::Error& e) {
    // Messages name files and archive members, which may hold any byte.
    std::fprintf(stderr, "corridor: error: %s\n", corridor::escape_name(e.what()).c_str());
    return e.exit_code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "corridor: internal error: %s\n", corridor::escape_name(e.what()).c_str());
    return kInternal;
  }
  return pending_exit();
}

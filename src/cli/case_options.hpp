#pragma once
// Options every command on a case shares: the case folder, who acts and why.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <string_view>

#include "app/pseudonyms.hpp"
#include "store/case_folder.hpp"

namespace corridor::cli {

struct CaseOptions {
  std::string dir;
  std::string actor;
  std::string why;
  bool json = false;
};

// Adds CASE (positional), --actor, --why (a blank text is refused) and, with `json`, --json.
void add_case_options(CLI::App* cmd, CaseOptions& o, bool json);
std::unique_ptr<store::CaseFolder> open_case(const CaseOptions& o);
std::string actor_of(const CaseOptions& o, store::CaseFolder& c);
// Refuses (exit 2) when the case policy requires a justification for this kind of
// operation (store/case_policy.hpp) and --why was not given.
void justify(const CaseOptions& o, store::CaseFolder& c, std::string_view kind);
// Refuses (exit 2) an operation that always needs --why, whatever the policy says:
// "<what> needs --why".
void require_why(const CaseOptions& o, std::string_view what);

// --reveal: this output shows protected subjects (smuggled migrants, victims) by name
// instead of their pseudonyms (app/pseudonyms.hpp).
void add_reveal_option(CLI::App* cmd, bool& reveal);
// The pseudonyms for one output. With --reveal, refuses without --why (exit 2) and logs
// whose protection was lifted, for what, before anything is shown.
app::Pseudonyms pseudonyms_for(const CaseOptions& o, store::CaseFolder& c, bool reveal, std::string_view output);

}  // namespace corridor::cli

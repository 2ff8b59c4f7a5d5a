// Any request through the server's dispatch(), as the HTTPS listener hands it over, signed
// in or not: no crash, every answer a JSON object or an event stream with a status the API
// uses, and no answer to an unauthenticated request other than the public routes'.
// Input: first byte picks the principal (0 anonymous, else a member supervisor), then
// "METHOD PATH\n", header lines "name: value\n", an empty line, the body.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "server/routes.hpp"
#include "store/case_folder.hpp"
#include "store/user_directory.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<corridor::store::UserDirectory> users;
  std::unique_ptr<corridor::server::Site> site;
  std::string cookie, csrf;
  Fixture() {
    char tmpl[] = "/tmp/corridor-fuzz-api-XXXXXX";
    dir = ::mkdtemp(tmpl);
    ::setenv("CORRIDOR_KEY_DIR", (dir / "keys").c_str(), 1);
    corridor::store::CaseFolder::init(dir / "op", "Operation Delta", "Examiner 1");
    users = corridor::store::UserDirectory::open(dir, true);
    const auto u = users->add("sam", corridor::store::Role::Supervisor, "correct horse battery");
    users->grant("op", "sam", "fuzz");
    site = std::make_unique<corridor::server::Site>(
        corridor::server::Site{dir, *users, {}, [] { return static_cast<std::int64_t>(std::time(nullptr)); }});
    const auto [c, s] = users->open_session(u.id, site->now());
    cookie = c;
    csrf = s.csrf;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Fixture f;
  if (size < 1) return 0;
  const bool signed_in = data[0] != 0;
  std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  corridor::server::Request r;
  const auto line_end = in.find('\n');
  const std::string_view first = in.substr(0, line_end);
  const auto space = first.find(' ');
  if (space == std::string_view::npos) return 0;
  r.method = std::string(first.substr(0, space));
  r.path = std::string(first.substr(space + 1));
  std::size_t at = line_end == std::string_view::npos ? in.size() : line_end + 1;
  while (at < in.size()) {
    const auto end = std::min(in.find('\n', at), in.size());
    const std::string_view line = in.substr(at, end - at);
    at = end + 1;
    if (line.empty()) break;
    const auto colon = line.find(": ");
    if (colon != std::string_view::npos) r.headers[std::string(line.substr(0, colon))] = std::string(line.substr(colon + 2));
  }
  if (at < in.size()) r.body = std::string(in.substr(at));
  if (signed_in) {
    if (!f.users->session(f.cookie, f.site->now())) {  // an input signed out: sign in again
      const auto [c, s] = f.users->open_session(f.users->find("sam")->id, f.site->now());
      f.cookie = c;
      f.csrf = s.csrf;
    }
    r.headers["cookie"] = "corridor_session=" + f.cookie;
    r.headers["x-csrf-token"] = f.csrf;
  }
  const auto res = corridor::server::dispatch(*f.site, r);
  static const std::set<int> kStatuses = {200, 201, 202, 204, 400, 401, 403, 404, 405, 409, 413, 428, 429, 500};
  check(kStatuses.count(res.status) == 1);
  if (!res.stream && !res.body.empty()) check(!nlohmann::json::parse(res.body, nullptr, false).is_discarded());
  if (!signed_in && res.status < 300) {
    const auto* route = corridor::server::route_for(r.method, r.path);
    check(route && route->need == corridor::server::Need::Public);
  }
  return 0;
}

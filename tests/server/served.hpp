#pragma once
// `corridor serve` started for real on loopback as a child process, and a team signed in to
// it over HTTPS with its self-signed certificate verified: for the tests that speak to the
// server as a browser does.
#include <httplib.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "server_case.hpp"

namespace corridor::test {

// `corridor serve DIR --listen 127.0.0.1:0`, its first line read for the port.
class Served {
 public:
  explicit Served(const std::filesystem::path& dir, std::vector<std::string> extra = {}) {
    int out[2];
    if (::pipe(out) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlives a test that died
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      std::vector<std::string> args = {CORRIDOR_BIN, "serve", dir.string(), "--listen", "127.0.0.1:0"};
      args.insert(args.end(), extra.begin(), extra.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') first_line_ += c;
    ::close(out[0]);
    const auto at = first_line_.find("127.0.0.1:");
    if (at != std::string::npos) port_ = std::stoi(first_line_.substr(at + 10));
  }
  ~Served() { stop(); }
  int stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  int port() const { return port_; }
  const std::string& first_line() const { return first_line_; }

 private:
  pid_t pid_ = 0;
  int port_ = 0;
  std::string first_line_;
};

struct Team {
  // A server closing a connection while this client still writes must fail the request, not the test.
  const bool no_sigpipe = (::signal(SIGPIPE, SIG_IGN), true);
  ServerCase s;
  Served served{s.t.path()};
  httplib::SSLClient client{"127.0.0.1", served.port()};
  Team() {
    s.add_user("sam", store::Role::Supervisor, true);
    client.set_ca_cert_path((s.t / "tls-cert.pem").c_str());
    client.enable_server_certificate_verification(true);
  }
  // Signs in; returns the cookie and the CSRF token.
  std::pair<std::string, std::string> sign_in(const std::string& name, const std::string& password) {
    auto r = client.Post("/api/v1/session", nlohmann::json{{"name", name}, {"password", password}}.dump(),
                         "application/json");
    if (!r || r->status != 200) return {};
    const std::string set = r->get_header_value("Set-Cookie");
    return {set.substr(0, set.find(';')), nlohmann::json::parse(r->body)["csrf"]};
  }
};

}  // namespace corridor::test

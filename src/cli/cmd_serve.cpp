// corridor serve DIR [--listen HOST:PORT] [--tls-cert F --tls-key F] [--insecure-http]
// The team server: every case folder under DIR, for the users of DIR/users.db
// (`corridor users`), over HTTPS (docs/server.md).
#include <signal.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <thread>

#include "cli/command.hpp"
#include "core/error.hpp"
#include "server/answer_cache.hpp"
#include "server/case_pool.hpp"
#include "server/https_server.hpp"
#include "server/jobs.hpp"
#include "server/site.hpp"

namespace corridor::cli {
namespace {

struct ServeArgs {
  std::string dir, listen = "127.0.0.1:8443", cert, key;
  bool insecure = false;
};

server::ListenOptions listen_options(const ServeArgs& a) {
  server::ListenOptions o;
  const auto colon = a.listen.rfind(':');
  if (colon == std::string::npos || colon == 0) throw Error("--listen " + a.listen, "give HOST:PORT", kUsage);
  o.host = a.listen.substr(0, colon);
  if (o.host.size() > 2 && o.host.front() == '[' && o.host.back() == ']') o.host = o.host.substr(1, o.host.size() - 2);
  const std::string port = a.listen.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535)
    throw Error("--listen " + a.listen, "the port is a number 0-65535", kUsage);
  o.port = std::stoi(port);
  o.insecure_http = a.insecure;
  return o;
}

void serve(const ServeArgs& a) {
  auto users = store::UserDirectory::open(a.dir, false);
  server::CasePool cases;
  server::AnswerCache answers;
  server::JobBoard jobs;
  server::Site site{a.dir, *users, {}, [] { return static_cast<std::int64_t>(std::time(nullptr)); }};
  site.jobs = &jobs;
  site.cases = &cases;
  site.answers = &answers;
  auto opt = listen_options(a);
  if (!opt.insecure_http) opt.tls = server::tls_identity(a.dir, a.cert, a.key);
  // SIGINT and SIGTERM end the server cleanly: a thread waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  // A client that goes away mid-answer must not end the server.
  ::signal(SIGPIPE, SIG_IGN);
  server::HttpsServer http(site, opt);
  const int port = http.bind();
  std::printf("corridor serve: %zu cases under %s on %s://%s:%d/", server::case_folders(site).size(), a.dir.c_str(),
              opt.insecure_http ? "http" : "https", opt.host.c_str(), port);
  if (!opt.insecure_http)
    std::printf(" (TLS certificate %s%s, SHA-256 %s)", opt.tls.cert.filename().c_str(),
                opt.tls.created ? ", self-signed, made now" : "", opt.tls.fingerprint.c_str());
  std::printf("\n");
  std::fflush(stdout);
  // The cases' write-ahead logs are copied into their databases here, not in a request's commit.
  std::mutex stopping;
  std::condition_variable stopped;
  bool stop = false;
  std::thread checkpointer([&] {
    std::unique_lock lock(stopping);
    while (!stopped.wait_for(lock, std::chrono::milliseconds(250), [&] { return stop; })) {
      lock.unlock();
      try {
        cases.checkpoint_cases();
      } catch (const std::exception&) {  // a case folder that cannot be opened now: next time
      }
      lock.lock();
    }
  });
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    http.stop();
  });
  http.run();
  // Stopped by a signal: the waiter has returned. Stopped otherwise: wake the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  {
    const std::lock_guard lock(stopping);
    stop = true;
  }
  stopped.notify_one();
  checkpointer.join();
}

void setup(CLI::App& root) {
  auto a = std::make_shared<ServeArgs>();
  auto* cmd = root.add_subcommand("serve", "Serve every case folder under DIR to a team over HTTPS (users: `corridor "
                                           "users`; memberships: `corridor cases`; docs/server.md)");
  cmd->add_option("dir", a->dir, "Folder holding users.db and the case folders")->required();
  cmd->add_option("--listen", a->listen, "HOST:PORT to listen on (port 0: any free port)")->capture_default_str();
  cmd->add_option("--tls-cert", a->cert, "PEM certificate (default: DIR/tls-cert.pem, self-signed on first start)");
  cmd->add_option("--tls-key", a->key, "PEM private key of --tls-cert");
  cmd->add_flag("--insecure-http", a->insecure, "Plain HTTP, on a loopback address only (tests)");
  cmd->callback([a] { serve(*a); });
}

CORRIDOR_COMMAND(setup);

}  // namespace
}  // namespace corridor::cli

#pragma once
// `corridor serve`'s listener: HTTPS (TLS 1.2+, OpenSSL through cpp-httplib) in front of
// dispatch(). Every answer carries the security headers (a CSP without inline script,
// nosniff, no framing, no referrer, HSTS, no caching); bodies are capped; requests that
// reach no route are answered by dispatch() as JSON. Plain HTTP only on loopback, for tests.
#include <memory>
#include <string>

#include "server/site.hpp"
#include "server/tls_identity.hpp"

namespace corridor::server {

struct ListenOptions {
  std::string host = "127.0.0.1";
  int port = 8443;  // 0: any free port (bind() tells which)
  bool insecure_http = false;
  TlsIdentity tls;
};

class HttpsServer {
 public:
  HttpsServer(Site& site, const ListenOptions& opt);
  ~HttpsServer();
  // Binds the port; throws corridor::Error when it cannot. Returns the port bound.
  int bind();
  // Serves until stop() (from another thread or a signal handler's thread).
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

bool is_loopback(const std::string& host);

}  // namespace corridor::server

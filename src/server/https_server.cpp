#include "server/https_server.hpp"

#include <httplib.h>

#include <cctype>

#include "core/error.hpp"
#include "server/routes.hpp"

namespace corridor::server {

namespace {

void security_headers(httplib::Response& res, bool tls) {
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                 "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
  res.set_header("Cross-Origin-Resource-Policy", "same-origin");
  res.set_header("Cache-Control", "no-store");
  if (tls) res.set_header("Strict-Transport-Security", "max-age=31536000");
}

Request to_request(const httplib::Request& in) {
  Request r;
  r.method = in.method;
  r.path = in.path;
  for (const auto& [k, v] : in.params) r.query.emplace(k, v);
  for (const auto& [k, v] : in.headers) {
    std::string name = k;
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers.emplace(name, v);
  }
  r.body = in.body;
  r.remote_address = in.remote_addr;
  return r;
}

}  // namespace

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "::1" || host == "localhost"; }

struct HttpsServer::Impl {
  Site& site;
  ListenOptions opt;
  std::unique_ptr<httplib::Server> http;
};

HttpsServer::HttpsServer(Site& site, const ListenOptions& opt) : impl_(new Impl{site, opt, nullptr}) {
  if (opt.insecure_http) {
    if (!is_loopback(opt.host)) throw Error("--insecure-http", "is allowed on a loopback address only", 2);
    impl_->http = std::make_unique<httplib::Server>();
    site.secure_cookies = false;
  } else {
    auto tls = std::make_unique<httplib::SSLServer>(opt.tls.cert.c_str(), opt.tls.key.c_str());
    if (!tls->is_valid()) throw Error("TLS", "cannot load the certificate and key", 4);
    impl_->http = std::move(tls);
  }
  auto& http = *impl_->http;
  const bool tls = !opt.insecure_http;
  http.set_payload_max_length(kMaxJsonBody);
  http.set_read_timeout(10);
  http.set_write_timeout(30);
  http.set_keep_alive_max_count(100);
  const auto handle = [this, tls](const httplib::Request& in, httplib::Response& res) {
    const Response out = dispatch(impl_->site, to_request(in));
    res.status = out.status;
    for (const auto& [k, v] : out.headers) res.set_header(k, v);
    security_headers(res, tls);
    if (!out.body.empty()) res.set_content(out.body, out.content_type);
  };
  http.Get(".*", handle);
  http.Post(".*", handle);
  http.Put(".*", handle);
  http.Patch(".*", handle);
  http.Delete(".*", handle);
  http.Options(".*", handle);
  http.set_error_handler([tls](const httplib::Request&, httplib::Response& res) {
    if (!res.has_header("X-Content-Type-Options")) security_headers(res, tls);  // not yet set by `handle`
    if (res.body.empty())
      res.set_content(res.status == 413 ? R"({"error":"the body is too large"})" : R"({"error":"bad request"})",
                      "application/json");
  });
  http.set_exception_handler([tls](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    security_headers(res, tls);
    res.set_content(R"({"error":"internal error"})", "application/json");
  });
}

HttpsServer::~HttpsServer() = default;

int HttpsServer::bind() {
  auto& http = *impl_->http;
  if (impl_->opt.port == 0) {
    const int port = http.bind_to_any_port(impl_->opt.host);
    if (port <= 0) throw Error(impl_->opt.host, "cannot listen on any port", 4);
    return port;
  }
  if (!http.bind_to_port(impl_->opt.host, impl_->opt.port))
    throw Error(impl_->opt.host + ":" + std::to_string(impl_->opt.port), "cannot listen there (in use, or not allowed)", 4);
  return impl_->opt.port;
}

void HttpsServer::run() { impl_->http->listen_after_bind(); }

void HttpsServer::stop() { impl_->http->stop(); }

}  // namespace corridor::server

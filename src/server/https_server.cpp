#include "server/https_server.hpp"

#include <fcntl.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <thread>

#include "core/error.hpp"
#include "core/sha256.hpp"
#include "server/routes.hpp"
#include "server/turns.hpp"

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

void respond(Response&& out, httplib::Response& res, bool tls) {
  res.status = out.status;
  for (const auto& [k, v] : out.headers) res.set_header(k, v);
  security_headers(res, tls);
  if (out.stream) {
    res.set_chunked_content_provider(out.content_type, [stream = out.stream](std::size_t, httplib::DataSink& sink) {
      std::string chunk;
      if (!stream(chunk)) {
        sink.done();
        return true;
      }
      return sink.write(chunk.data(), chunk.size());
    });
  } else if (!out.body.empty()) {
    res.set_header("Content-Type", out.content_type);
    res.body = std::move(out.body);  // as set_content does, without copying the answer
  }
}

// An upload, written to the case vault's tmp folder and hashed as it arrives, in bounded
// memory. A refusal when it is too large or cannot be written.
std::optional<Response> receive_upload(Site& site, Request& r, const httplib::ContentReader& reader) {
  const std::filesystem::path tmp = upload_temp(site, r);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return error_response(500, "internal error");
  Sha256 hash;
  std::uint64_t size = 0;
  bool too_big = false, failed = false;
  std::string buffer;
  const auto flush = [&] {
    for (std::size_t at = 0; at < buffer.size();) {
      const auto n = ::write(fd, buffer.data() + at, buffer.size() - at);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      at += static_cast<std::size_t>(n);
    }
    buffer.clear();
    return true;
  };
  reader([&](const char* data, std::size_t n) {
    if (size + n > site.max_upload) return !(too_big = true);
    hash.update(std::string_view(data, n));
    buffer.append(data, n);
    size += n;
    if (buffer.size() >= (1u << 20) && !flush()) return !(failed = true);
    return true;
  });
  if (!too_big && !failed && (!flush() || ::fsync(fd) != 0)) failed = true;
  ::close(fd);
  if (too_big || failed) {
    ::unlink(tmp.c_str());
    return too_big ? error_response(413, "the file is larger than this server accepts")
                   : error_response(500, "internal error");
  }
  r.upload = Request::Upload{tmp, to_hex(hash.finish()), size};
  return std::nullopt;
}

}  // namespace

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "::1" || host == "localhost"; }

namespace {
constexpr std::size_t kWorkers = 64;

// One handler per core: before answers were cached, 4 at once on 2 cores answered 40% more
// requests a second but let the slowest 1% take 160 ms instead of 100; with the cache, 2
// and 4 measure the same (bench/RESULTS.md), and pages not yet cached still favour 2.
std::size_t handlers_at_once() { return std::max(2u, std::thread::hardware_concurrency()); }
}  // namespace

struct HttpsServer::Impl {
  Site& site;
  ListenOptions opt;
  std::unique_ptr<httplib::Server> http;
  Turns handlers{handlers_at_once()};
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
  // Bodies are bounded per route below (JSON at kMaxJsonBody, uploads at site.max_upload).
  http.set_payload_max_length(site.max_upload);
  http.set_read_timeout(10);
  http.set_write_timeout(30);
  http.set_keep_alive_max_count(100);
  // A worker holds its connection while the client keeps it alive; the library's default of
  // 8 workers let 8 idle browser connections shut everyone else out. Idle connections are
  // let go after 3 s.
  http.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  http.set_keep_alive_timeout(3);
  // Without it an answer's body waits for the client's delayed ACK of its headers (~40 ms).
  http.set_tcp_nodelay(true);
  Site* s = &site;
  auto* places = &impl_->handlers;
  const auto run = [s, places](const Request& r) {
    const Turns::Place place(*places);
    return dispatch(*s, r);
  };
  const auto handle = [run, tls](const httplib::Request& in, httplib::Response& res) {
    respond(run(to_request(in)), res, tls);
  };
  const auto handle_body = [s, tls, run](const httplib::Request& in, httplib::Response& res,
                                         const httplib::ContentReader& reader) {
    Request r = to_request(in);
    const Route* route = route_for(r.method, r.path);
    if (route && route->streams_body) {
      if (auto refused = precheck(*s, r)) return respond(std::move(*refused), res, tls);
      if (auto refused = receive_upload(*s, r, reader)) return respond(std::move(*refused), res, tls);
      respond(run(r), res, tls);
      std::error_code ec;
      std::filesystem::remove(r.upload->temp, ec);  // left over when the handler refused it
      return;
    }
    // A body over the limit is read on and dropped (up to kDrain, so the client, still
    // sending, reads the answer), then the connection closes.
    constexpr std::uint64_t kDrain = 16u << 20;
    std::uint64_t received = 0;
    reader([&](const char* data, std::size_t n) {
      received += n;
      if (received <= kMaxJsonBody) r.body.append(data, n);
      return received <= kDrain;
    });
    if (received > kMaxJsonBody) {
      res.set_header("Connection", "close");
      return respond(error_response(413, "the body is larger than 1 MiB"), res, tls);
    }
    respond(run(r), res, tls);
  };
  http.Get(".*", handle);
  http.Post(".*", handle_body);
  http.Put(".*", handle_body);
  http.Patch(".*", handle_body);
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

#pragma once
// Requests and responses as the API's handlers see them, without the HTTP library's
// types: handlers and the authorisation tests stay independent of the transport
// (server/https_server.cpp is the only file that includes httplib.h).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace corridor::server {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // "/api/v1/cases/op"
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string remote_address;
  // A body a route takes as a stream (an upload): written to `upload.temp` as it arrived,
  // hashed on the way; `body` stays empty.
  struct Upload {
    std::filesystem::path temp;
    std::string sha256;
    std::uint64_t size = 0;
  };
  std::optional<Upload> upload;

  std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
  std::string param(const std::string& name) const {
    auto it = query.find(name);
    return it == query.end() ? std::string() : it->second;
  }
  std::string cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // A body sent as it is made (Server-Sent Events): each call gives the next chunk, waiting
  // for it; false when the body is complete.
  std::function<bool(std::string& chunk)> stream;
};

// {"error": message} with a status.
Response error_response(int status, const std::string& message);
// A JSON body with status 200 (or `status`).
Response json_response(const std::string& json, int status = 200);

}  // namespace corridor::server

#include "server/http.hpp"

#include <nlohmann/json.hpp>

namespace corridor::server {

std::string Request::cookie(const std::string& name) const {
  const std::string all = header("cookie");
  std::size_t at = 0;
  while (at < all.size()) {
    const auto end = std::min(all.find(';', at), all.size());
    std::string part = all.substr(at, end - at);
    const auto first = part.find_first_not_of(' ');
    part = first == std::string::npos ? "" : part.substr(first);
    if (part.size() > name.size() && part.compare(0, name.size(), name) == 0 && part[name.size()] == '=')
      return part.substr(name.size() + 1);
    at = end + 1;
  }
  return {};
}

Response error_response(int status, const std::string& message) {
  Response r;
  r.status = status;
  r.body = nlohmann::json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response json_response(const std::string& json, int status) {
  Response r;
  r.status = status;
  r.body = json;
  return r;
}

}  // namespace corridor::server

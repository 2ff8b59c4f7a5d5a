// The OpenAPI document kept in the repository (src/server/openapi.json) and the route
// table describe the same API: every route is documented, nothing documented is missing,
// and each documented refusal is one the route's need can give.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "server/routes.hpp"
#include "support/temp_dir.hpp"

using namespace corridor;

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

nlohmann::json document() { return nlohmann::json::parse(server::openapi_document()); }

}  // namespace

TEST(OpenApi, IsTheFileInTheRepositoryAndOpenApi31) {
  EXPECT_EQ(server::openapi_document(), test::read_file(std::filesystem::path(CORRIDOR_SOURCE_DIR) / "src/server/openapi.json"));
  const auto doc = document();
  EXPECT_EQ(doc["openapi"], "3.1.0");
  EXPECT_TRUE(doc["info"].contains("title"));
}

TEST(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedOperationIsARoute) {
  const auto doc = document();
  std::set<std::string> documented, routed;
  for (const auto& [path, ops] : doc["paths"].items())
    for (const auto& [method, op] : ops.items()) documented.insert(lower(method) + " " + path);
  for (const auto& r : server::routes()) routed.insert(lower(r.method) + " " + r.path);
  for (const auto& op : routed) EXPECT_TRUE(documented.contains(op)) << "not in openapi.json: " << op;
  for (const auto& op : documented) EXPECT_TRUE(routed.contains(op)) << "no such route: " << op;
}

TEST(OpenApi, PublicOperationsAreExactlyThePublicRoutes) {
  const auto doc = document();
  for (const auto& r : server::routes()) {
    const auto& op = doc["paths"][r.path][lower(r.method)];
    const bool documented_public = op.contains("security") && op["security"].empty();
    EXPECT_EQ(documented_public, r.need == server::Need::Public) << r.method << " " << r.path;
    // A route that needs a session documents the 401 it gives without one.
    if (r.need != server::Need::Public) {
      EXPECT_TRUE(op["responses"].contains("401")) << r.method << " " << r.path;
    }
    if (server::is_case_need(r.need)) {
      EXPECT_TRUE(op["responses"].contains("404")) << r.method << " " << r.path;
    }
  }
}

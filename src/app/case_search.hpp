#pragma once
// Search across a case as an analyst types it: a phone number in any spelling, a name in
// Arabic with or without vowel marks, a word of a post. Each hit is a statement with its
// entity, kind, author and evidence place, best first, a page at a time. Protected people
// read under their pseudonyms; restricted entities are never found.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "app/pseudonyms.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

struct SearchRequest {
  std::string query;
  std::string schema;  // only statements of entities of this schema (Message, Post, Phone...); empty: all
  std::int64_t offset = 0, limit = 50;
};

// {"query", "total", "capped", "offset", "hits": [{statement, entity{id, schema, label},
// property, value, kind, made_by, evidence_sha256, locator}]}. The value is cut to about
// 300 bytes around the first word found.
nlohmann::ordered_json search_case(store::CaseFolder& c, const SearchRequest& r, const Pseudonyms& shown);

}  // namespace corridor::app

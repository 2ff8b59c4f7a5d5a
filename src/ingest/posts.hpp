#pragma once
// A social-media post, whether it came from JSON Lines or a mapped CSV (docs/ingest.md,
// "Posts"), and how it becomes statements.
#include <string>

#include "ingest/emit.hpp"

namespace corridor::ingest {

struct PostFields {
  std::string platform, post_id, author_id, author_name, author_username, time, text, url, group;
};

// The field names of the documented schema, for --map and the JSONL keys.
inline constexpr const char* kPostFields[] = {"platform", "post_id", "author_id", "author_name", "author_username",
                                              "time",     "text",    "url",       "group"};

// Emits the Post, its author's UserAccount (and a Person assessment from the name) and a
// text unit. `where_` names the record for errors (a missing platform or post id).
void emit_post(Emitter& out, const PostFields& p, std::uint64_t offset, std::uint64_t length, const std::string& where_);

}  // namespace corridor::ingest

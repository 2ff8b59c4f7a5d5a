#include "ingest/posts.hpp"

#include "core/error.hpp"
#include "ingest/csv.hpp"
#include "ingest/text_util.hpp"
#include "model/entity_keys.hpp"

namespace corridor::ingest {

void emit_post(Emitter& out, const PostFields& p, std::uint64_t offset, std::uint64_t length, const std::string& where_) {
  if (p.platform.empty() || p.post_id.empty()) throw Error(where_, "a post needs platform and post_id");
  const std::string platform = lower_ascii(p.platform);
  const std::string id = keys::record("Post", out.src().sha256, platform + ":" + p.post_id);
  const Locator loc = at_record("post:" + p.post_id, offset, length);
  std::string when;
  if (!p.time.empty()) {
    when = table_time(p.time, out.src().options);
    if (when.empty()) throw Error(where_, "malformed time " + quoted_value(p.time));
  }
  out.entity(id, "Post", platform + " post " + p.post_id);
  out.fact(id, "Post", "platform", platform, loc, when);
  if (!p.author_id.empty()) {
    const std::string aid = keys::account(platform, p.author_id);
    out.fact(id, "Post", "author", aid, loc, when);
    if (out.first_time(aid + '\x1f' + p.author_name + '\x1f' + p.author_username)) {
      out.entity(aid, "UserAccount", p.author_name.empty() ? p.author_id : p.author_name);
      out.fact(aid, "UserAccount", "platform", platform, loc, when);
      out.fact(aid, "UserAccount", "userId", p.author_id, loc, when);
      out.fact(aid, "UserAccount", "username", p.author_username, loc, when);
      out.fact(aid, "UserAccount", "displayName", p.author_name, loc, when);
      if (!p.author_name.empty()) {
        const std::string pid = keys::record("Person", out.src().sha256, aid);
        out.entity(pid, "Person", p.author_name);
        out.assess(pid, "Person", "name", p.author_name, loc, when, 0.5);
        out.assess(aid, "UserAccount", "owner", pid, loc, when, 0.5);
      }
    }
  }
  out.fact(id, "Post", "date", when, loc, when, p.time);
  out.fact(id, "Post", "bodyText", p.text, loc, when);
  out.fact(id, "Post", "url", p.url, loc, when);
  out.fact(id, "Post", "group", p.group, loc, when);
  out.text(loc, p.text, id);
}

}  // namespace corridor::ingest

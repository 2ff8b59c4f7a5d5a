// Social-media posts as JSON Lines, one object per line in the schema of docs/ingest.md:
// {"platform","post_id","author_id","author_name","author_username","time","text","url","group"}.
// Read line by line; each line is parsed (and validated) on its own, so memory is one line.
#include <simdjson.h>

#include "core/error.hpp"
#include "ingest/line_reader.hpp"
#include "ingest/posts.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_util.hpp"

namespace corridor::ingest {

namespace {

namespace dom = simdjson::dom;

std::string text_of(dom::object o, std::string_view key) {
  dom::element v;
  if (o.at_key(key).get(v)) return {};
  switch (v.type()) {
    case dom::element_type::STRING: return std::string(std::string_view(v));
    case dom::element_type::INT64: return std::to_string(int64_t(v));
    case dom::element_type::UINT64: return std::to_string(uint64_t(v));
    default: return {};
  }
}

class PostsJsonlReader final : public Reader {
 public:
  std::string_view name() const override { return "posts-jsonl"; }

  int confidence(const Source& src) const override {
    std::string_view h = trim(src.head);
    if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
    const std::string_view first = h.substr(0, h.find('\n'));
    if (first.empty() || first.front() != '{') return 0;
    return first.find("\"post_id\"") != std::string_view::npos && first.find("\"platform\"") != std::string_view::npos ? 85 : 0;
  }

  void read(const Source& src, Sink& sink) const override {
    Emitter out(src, *this, sink);
    LineReader lines(src.path, display_name(src));
    dom::parser parser;
    Line l;
    std::uint64_t count = 0;
    while (lines.next(l)) {
      std::string_view text = l.text;
      if (l.number == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
      if (trim(text).empty()) continue;
      const std::string at = where(display_name(src), "line", l.number);
      dom::object o;
      if (auto err = parser.parse(text.data(), text.size(), true).get_object().get(o))
        throw Error(at, std::string("malformed JSON: ") + simdjson::error_message(err));
      PostFields p;
      std::string* slots[] = {&p.platform, &p.post_id, &p.author_id, &p.author_name, &p.author_username,
                              &p.time,     &p.text,    &p.url,       &p.group};
      for (std::size_t i = 0; i < std::size(kPostFields); ++i) *slots[i] = text_of(o, kPostFields[i]);
      emit_post(out, p, l.offset, l.length, at);
      sink.progress(l.offset + l.length, ++count);
    }
  }
};

}  // namespace

const Reader& posts_jsonl_reader() {
  static const PostsJsonlReader r;
  return r;
}

}  // namespace corridor::ingest

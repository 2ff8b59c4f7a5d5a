// Social-media posts as CSV (a scraper's export), columns named by --map
// ("post_id=ID,text=Message,author_name=Page,time=Created,platform=Source,…"). A field the
// file lacks can be given as a constant: "platform==facebook" (column written "=value").
#include "core/error.hpp"
#include "ingest/column_map.hpp"
#include "ingest/posts.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_util.hpp"

namespace corridor::ingest {

namespace {

class PostsCsvReader final : public Reader {
 public:
  std::string_view name() const override { return "posts-csv"; }

  int confidence(const Source& src) const override { return map_fits(src, {"post_id"}) ? 90 : 0; }

  void read(const Source& src, Sink& sink) const override {
    Emitter out(src, *this, sink);
    CsvReader csv(src.path, display_name(src), sniff_delimiter(src.head));
    CsvRecord rec;
    if (!csv.next(rec)) return;
    const MappedColumns cols(src.options, rec.fields,
                             {"platform", "post_id", "author_id", "author_name", "author_username", "time", "text", "url", "group"},
                             display_name(src));
    std::uint64_t count = 0;
    while (csv.next(rec)) {
      PostFields p{cols.get(rec, "platform"), cols.get(rec, "post_id"), cols.get(rec, "author_id"),
                   cols.get(rec, "author_name"), cols.get(rec, "author_username"), cols.get(rec, "time"),
                   cols.get(rec, "text"), cols.get(rec, "url"), cols.get(rec, "group")};
      emit_post(out, p, rec.offset, rec.length, where(display_name(src), "line", rec.line));
      sink.progress(rec.offset + rec.length, ++count);
    }
  }
};

}  // namespace

const Reader& posts_csv_reader() {
  static const PostsCsvReader r;
  return r;
}

}  // namespace corridor::ingest

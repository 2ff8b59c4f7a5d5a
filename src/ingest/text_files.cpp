// Plain text and HTML: the evidence item's text goes to the extraction engine in units of
// about 1 MiB, cut at line ends (plain text: byte ranges exact) or at tag boundaries
// (HTML: visible text only, each unit locating the window of the file it came from).
// Units are about the evidence item itself (about_entity empty): there is no message.
#include "core/error.hpp"
#include "ingest/emit.hpp"
#include "ingest/html_text.hpp"
#include "ingest/line_reader.hpp"
#include "ingest/readers.hpp"
#include "ingest/text_util.hpp"

namespace corridor::ingest {

namespace {

constexpr std::size_t kUnit = 1u << 20;

bool looks_html(std::string_view head) {
  const std::string h = lower_ascii(head.substr(0, 2048));
  return h.find("<!doctype html") != std::string::npos || h.find("<html") != std::string::npos ||
         (h.find("<body") != std::string::npos && h.find("</") != std::string::npos);
}

class HtmlReader final : public Reader {
 public:
  std::string_view name() const override { return "html"; }
  int confidence(const Source& src) const override {
    return src.media_type == "text/html" || src.media_type == "application/xhtml+xml" || looks_html(src.head) ? 40 : 0;
  }
  void read(const Source& src, Sink& sink) const override {
    Emitter out(src, *this, sink);
    ByteStream in(src.path, display_name(src));  // decodes UTF-16 pages
    HtmlText html;
    std::string text, buf(kUnit, '\0');
    std::uint64_t offset = 0, unit_start = 0, part = 0;
    for (;;) {
      const std::size_t n = in.read(buf.data(), buf.size());
      if (n == 0) break;
      html.feed(std::string_view(buf.data(), n), text);
      offset = in.offset();
      if (text.size() >= kUnit) {
        out.text(at_record("html:" + std::to_string(++part), unit_start, offset - unit_start), text, "");
        text.clear();
        unit_start = offset;
      }
      sink.progress(offset, part);
    }
    html.finish(text);
    out.text(at_record("html:" + std::to_string(++part), unit_start, offset - unit_start), std::string(trim(text)), "");
  }
};

class PlainTextReader final : public Reader {
 public:
  std::string_view name() const override { return "text"; }
  int confidence(const Source& src) const override { return src.media_type.rfind("text/", 0) == 0 ? 10 : 0; }
  void read(const Source& src, Sink& sink) const override {
    Emitter out(src, *this, sink);
    LineReader lines(src.path, display_name(src));
    Line l;
    std::string text;
    std::uint64_t first_line = 1, start = 0, end = 0;
    auto flush = [&] {
      if (!text.empty()) out.text(at_record("line:" + std::to_string(first_line), start, end - start), text, "");
      text.clear();
    };
    while (lines.next(l)) {
      if (text.empty()) {
        first_line = l.number;
        start = l.offset;
      } else {
        text += '\n';
      }
      text += l.text;
      end = l.offset + l.length;
      if (text.size() >= kUnit) {
        flush();
        sink.progress(end, l.number);
      }
    }
    flush();
  }
};

}  // namespace

const Reader& html_reader() {
  static const HtmlReader r;
  return r;
}
const Reader& plain_text_reader() {
  static const PlainTextReader r;
  return r;
}

}  // namespace corridor::ingest

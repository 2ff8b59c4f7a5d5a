#pragma once
// Visible text of HTML, streamed: a small hand-written tag stripper (no DOM) that drops
// <script>, <style>, comments and tags (a <title>'s text is kept); block tags become line breaks;
// character references are decoded. Good enough to find identifiers in what a reader sees;
// not a renderer.
#include <string>
#include <string_view>

namespace corridor::ingest {

class HtmlText {
 public:
  // Appends the visible text of `chunk` to `out`; chunks may split tags and references.
  void feed(std::string_view chunk, std::string& out);
  void finish(std::string& out);

 private:
  void tag_done(std::string& out);
  void text_char(char c, std::string& out);
  void flush_ref(std::string& out);

  enum class State { Text, Tag, Comment, Raw } state_ = State::Text;
  std::string tag_;         // the current tag's text, bounded
  std::string raw_end_;     // "</script" or "</style" while inside them
  std::string ref_;         // a pending "&...;" reference
  std::string comment_tail_;
  bool space_ = true;       // last emitted was whitespace
};

std::string html_visible_text(std::string_view html);

}  // namespace corridor::ingest

#include "ingest/html_text.hpp"

#include <cctype>
#include <cstdlib>

#include "core/unicode.hpp"
#include "ingest/text_util.hpp"

namespace corridor::ingest {

namespace {

constexpr std::size_t kMaxTag = 256;

bool block_tag(std::string_view name) {
  for (std::string_view b : {"br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                             "ul", "ol", "section", "article", "header", "footer", "title", "blockquote", "pre", "hr"})
    if (name == b) return true;
  return false;
}

std::string decode_ref(const std::string& ref) {  // ref without '&' and ';'
  static constexpr std::pair<std::string_view, char32_t> kNamed[] = {
      {"amp", '&'},     {"lt", '<'},      {"gt", '>'},      {"quot", '"'},    {"apos", '\''},
      {"nbsp", 0xA0},   {"euro", 0x20AC}, {"pound", 0xA3},  {"copy", 0xA9},   {"reg", 0xAE},
      {"hellip", 0x2026}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"lrm", 0x200E}, {"rlm", 0x200F},
      {"zwnj", 0x200C}, {"zwj", 0x200D}, {"laquo", 0xAB}, {"raquo", 0xBB}};
  std::string out;
  if (ref.size() > 1 && ref[0] == '#') {
    const bool hex = ref[1] == 'x' || ref[1] == 'X';
    const std::string digits = ref.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return {};
    char* end = nullptr;
    const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (*end != '\0') return {};
    unicode::append_utf8(out, cp == 0 ? U'\uFFFD' : static_cast<char32_t>(cp));
    return out;
  }
  for (const auto& [name, cp] : kNamed)
    if (ref == name) {
      unicode::append_utf8(out, cp);
      return out;
    }
  return {};
}

}  // namespace

void HtmlText::text_char(char c, std::string& out) {
  const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
  if (blank) {
    if (!space_) out.push_back(' ');
    space_ = true;
  } else {
    out.push_back(c);
    space_ = false;
  }
}

void HtmlText::flush_ref(std::string& out) {
  const std::string decoded = decode_ref(ref_.substr(1));
  if (decoded.empty()) {
    for (char c : ref_) text_char(c, out);
  } else {
    out += decoded;
    space_ = false;
  }
  ref_.clear();
}

void HtmlText::tag_done(std::string& out) {
  std::string_view t = tag_;
  const bool closing = !t.empty() && t.front() == '/';
  if (closing) t.remove_prefix(1);
  std::size_t n = 0;
  while (n < t.size() && (std::isalnum(static_cast<unsigned char>(t[n])) != 0)) ++n;
  const std::string name = lower_ascii(t.substr(0, n));
  if (!closing && (name == "script" || name == "style") && (t.empty() || t.back() != '/')) {
    state_ = State::Raw;
    raw_end_ = "</" + name;
    tag_.clear();
    return;
  }
  if (block_tag(name)) {
    if (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && out.back() != '\n') out.push_back('\n');
    space_ = true;
  } else {
    text_char(' ', out);
  }
  tag_.clear();
  state_ = State::Text;
}

void HtmlText::feed(std::string_view chunk, std::string& out) {
  for (char c : chunk) {
    switch (state_) {
      case State::Text:
        if (!ref_.empty()) {
          if (c == ';') {
            flush_ref(out);
            continue;
          }
          if ((std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '#') && ref_.size() < 12) {
            ref_.push_back(c);
            continue;
          }
          flush_ref(out);
        }
        if (c == '<') {
          state_ = State::Tag;
          tag_.clear();
        } else if (c == '&') {
          ref_ = "&";
        } else {
          text_char(c, out);
        }
        break;
      case State::Tag:
        if (c == '>') {
          tag_done(out);
        } else {
          if (tag_.size() < kMaxTag) tag_.push_back(c);
          if (tag_ == "!--") {
            state_ = State::Comment;
            comment_tail_.clear();
          }
        }
        break;
      case State::Comment:
        comment_tail_.push_back(c);
        if (comment_tail_.size() > 3) comment_tail_.erase(0, 1);
        if (comment_tail_ == "-->") state_ = State::Text;
        break;
      case State::Raw:
        // Inside <script>/<style>: wait for the closing tag, case-insensitively.
        tag_.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        if (tag_.size() > raw_end_.size()) tag_.erase(0, tag_.size() - raw_end_.size());
        if (tag_ == raw_end_) {
          tag_.clear();
          state_ = State::Tag;
          tag_ = "/x";  // the rest of the closing tag is skipped as a tag
        }
        break;
    }
  }
}

void HtmlText::finish(std::string& out) {
  if (!ref_.empty()) flush_ref(out);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
}

std::string html_visible_text(std::string_view html) {
  HtmlText h;
  std::string out;
  h.feed(html, out);
  h.finish(out);
  return std::string(trim(out));
}

}  // namespace corridor::ingest

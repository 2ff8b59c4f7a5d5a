#pragma once
// Pieces shared by the chat writers: a message as typed parts (plain text, phone, mention,
// bold...), in the shape of Telegram's text entities; WhatsApp flattens them.
#include <string>
#include <vector>

namespace corridor::demo {

struct TextPart {
  std::string type;  // "plain", "phone", "mention", "bold", "link", "bank_card"...
  std::string text;
};

struct ChatText {
  std::vector<TextPart> parts;
  ChatText& plain(std::string s) { return add("plain", std::move(s)); }
  ChatText& phone(std::string s) { return add("phone", std::move(s)); }
  ChatText& mention(std::string s) { return add("mention", std::move(s)); }
  ChatText& bold(std::string s) { return add("bold", std::move(s)); }
  ChatText& add(std::string type, std::string s) {
    if (!parts.empty() && type == "plain" && parts.back().type == "plain") parts.back().text += s;
    else parts.push_back({std::move(type), std::move(s)});
    return *this;
  }
  std::string flat() const {
    std::string out;
    for (const auto& p : parts) out += p.text;
    return out;
  }
};

}  // namespace corridor::demo

#include "ingest/mime.hpp"

#include <unicode/ucnv.h>

#include <cstring>

#include "core/time.hpp"
#include "ingest/text_util.hpp"

namespace corridor::ingest::mime {

std::string Part::get(std::string_view name) const {
  for (const auto& h : headers)
    if (h.name == name) return h.value;
  return {};
}

Part parse_part(std::string_view bytes) {
  Part p;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = bytes.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (line.empty()) break;
    if ((line[0] == ' ' || line[0] == '\t') && !p.headers.empty()) {
      p.headers.back().value += ' ';
      p.headers.back().value += trim(line);
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      if (p.headers.empty() && line.rfind("From ", 0) == 0) continue;  // mbox separator
      break;  // not a header: the body starts without a blank line
    }
    if (p.headers.size() < 1000) p.headers.push_back({lower_ascii(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1)))});
  }
  p.body = pos < bytes.size() ? bytes.substr(pos) : std::string_view();
  return p;
}

std::string media_type(const std::string& ct) {
  return lower_ascii(trim(std::string_view(ct).substr(0, ct.find(';'))));
}

std::string param(const std::string& v, std::string_view name) {
  std::size_t pos = v.find(';');
  while (pos != std::string::npos) {
    ++pos;
    const auto eq = v.find('=', pos);
    if (eq == std::string::npos) return {};
    const std::string key = lower_ascii(trim(std::string_view(v).substr(pos, eq - pos)));
    std::size_t start = eq + 1;
    while (start < v.size() && v[start] == ' ') ++start;
    std::string value;
    std::size_t end;
    if (start < v.size() && v[start] == '"') {
      end = v.find('"', start + 1);
      value = v.substr(start + 1, (end == std::string::npos ? v.size() : end) - start - 1);
      end = end == std::string::npos ? std::string::npos : v.find(';', end);
    } else {
      end = v.find(';', start);
      value = std::string(trim(std::string_view(v).substr(start, (end == std::string::npos ? v.size() : end) - start)));
    }
    if (key == name) return value;
    pos = end;
  }
  return {};
}

namespace {
int b64(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}
int hexv(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}
std::string base64(std::string_view s) {
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (char c : s) {
    const int v = b64(c);
    if (v < 0) continue;  // line breaks, padding, junk
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return out;
}
std::string quoted_printable(std::string_view s, bool header) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_' && header) {
      out.push_back(' ');
    } else if (c == '=' && i + 2 < s.size() + 0 && hexv(s[i + 1]) >= 0 && hexv(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hexv(s[i + 1]) * 16 + hexv(s[i + 2])));
      i += 2;
    } else if (c == '=' && i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
      i += (s[i + 1] == '\r' && i + 2 < s.size() && s[i + 2] == '\n') ? 2 : 1;  // soft break
    } else {
      out.push_back(c);
    }
  }
  return out;
}
}  // namespace

std::string decode_transfer(std::string_view body, const std::string& encoding) {
  const std::string e = lower_ascii(trim(encoding));
  if (e == "base64") return base64(body);
  if (e == "quoted-printable") return quoted_printable(body, false);
  return std::string(body);
}

std::string to_utf8(std::string_view bytes, const std::string& charset) {
  const std::string cs = lower_ascii(trim(charset));
  if (cs.empty() || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || bytes.empty()) return valid_utf8(bytes);
  UErrorCode err = U_ZERO_ERROR;
  std::string out(bytes.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert("UTF-8", cs.c_str(), out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                                 static_cast<int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX / 4)), &err);
  if (U_FAILURE(err)) return valid_utf8(bytes);  // unknown charset: keep what is readable
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string decode_words(std::string_view h) {
  std::string out;
  std::size_t pos = 0;
  bool last_was_word = false;
  while (pos < h.size()) {
    const auto start = h.find("=?", pos);
    if (start == std::string_view::npos) {
      out += h.substr(pos);
      break;
    }
    const auto q1 = h.find('?', start + 2);
    const auto q2 = q1 == std::string_view::npos ? q1 : h.find('?', q1 + 1);
    const auto end = q2 == std::string_view::npos ? q2 : h.find("?=", q2 + 1);
    if (end == std::string_view::npos || q2 != q1 + 2) {
      out += h.substr(pos, start + 2 - pos);
      pos = start + 2;
      last_was_word = false;
      continue;
    }
    const std::string_view between = h.substr(pos, start - pos);
    if (!(last_was_word && trim(between).empty())) out += between;  // spaces between words vanish
    const std::string charset(h.substr(start + 2, q1 - start - 2));
    const char enc = static_cast<char>(h[q1 + 1] | 0x20);
    const std::string_view text = h.substr(q2 + 1, end - q2 - 1);
    const std::string bytes = enc == 'b' ? base64(text) : quoted_printable(text, true);
    out += to_utf8(bytes, charset.substr(0, charset.find('*')));
    pos = end + 2;
    last_was_word = true;
  }
  return valid_utf8(out);
}

std::vector<Address> addresses(std::string_view h) {
  std::vector<Address> out;
  std::string item;
  bool quoted = false;
  int angle = 0;
  auto finish = [&] {
    std::string_view s = trim(item);
    Address a;
    const auto lt = s.rfind('<');
    const auto gt = s.rfind('>');
    if (lt != std::string_view::npos && gt != std::string_view::npos && gt > lt) {
      a.email = lower_ascii(trim(s.substr(lt + 1, gt - lt - 1)));
      std::string name(trim(s.substr(0, lt)));
      if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
      a.name = decode_words(name);
    } else {
      a.email = lower_ascii(s);
    }
    if (a.email.find('@') != std::string::npos && a.email.size() < 320) out.push_back(std::move(a));
    item.clear();
  };
  for (char c : h) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '<') ++angle;
    if (!quoted && c == '>' && angle > 0) --angle;
    if (c == ',' && !quoted && angle == 0) {
      finish();
    } else {
      item += c;
    }
  }
  finish();
  return out;
}

std::optional<std::int64_t> parse_date(std::string_view h) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string s(trim(h));
  if (const auto comma = s.find(','); comma != std::string::npos && comma < 5) s = s.substr(comma + 1);
  int d = 0, y = 0, hh = 0, mm = 0, ss = 0;
  char mon[4] = {}, zone[8] = {};
  const int n = std::sscanf(s.c_str(), " %d %3s %d %d:%d:%d %7s", &d, mon, &y, &hh, &mm, &ss, zone);
  if (n < 6) {
    ss = 0;
    if (std::sscanf(s.c_str(), " %d %3s %d %d:%d %7s", &d, mon, &y, &hh, &mm, zone) < 5) return std::nullopt;
  }
  int month = 0;
  for (int i = 0; i < 12; ++i)
    if (lower_ascii(mon) == kMonths[i]) month = i + 1;
  if (y < 100) y += y < 50 ? 2000 : 1900;
  int offset = 0;
  const std::string z = zone;
  if (z.size() == 5 && (z[0] == '+' || z[0] == '-')) {
    const int v = std::atoi(z.c_str() + 1);
    offset = (z[0] == '-' ? -1 : 1) * ((v / 100) * 60 + v % 100);
  }
  return civil_to_utc_ms(y, month, d, hh, mm, ss, offset);
}

std::vector<std::string_view> split_multipart(std::string_view body, const std::string& boundary) {
  std::vector<std::string_view> parts;
  if (boundary.empty()) return parts;
  const std::string delim = "--" + boundary;
  std::size_t pos = 0;
  std::size_t part_start = std::string_view::npos;
  while (pos <= body.size()) {
    std::size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    std::string_view line = body.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.rfind(delim, 0) == 0) {
      if (part_start != std::string_view::npos) {
        std::size_t end = pos;
        if (end > part_start && body[end - 1] == '\n') --end;
        if (end > part_start && body[end - 1] == '\r') --end;
        parts.push_back(body.substr(part_start, end - part_start));
      }
      if (line.substr(delim.size(), 2) == "--") return parts;
      part_start = nl + 1 > body.size() ? body.size() : nl + 1;
    }
    pos = nl + 1;
  }
  if (part_start != std::string_view::npos && part_start < body.size()) parts.push_back(body.substr(part_start));
  return parts;
}

}  // namespace corridor::ingest::mime

#pragma once
// A small, careful MIME parser for e-mail evidence (RFC 5322 headers with folding,
// RFC 2047 encoded words, RFC 2045 base64 / quoted-printable, RFC 2046 multipart, charsets
// through ICU). GMime would do more but pulls GLib in; evidence needs only this.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corridor::ingest::mime {

struct Header {
  std::string name;   // lower case
  std::string value;  // unfolded, raw (not yet decoded)
};

struct Part {
  std::vector<Header> headers;
  std::string_view body;  // as transferred
  std::string get(std::string_view name) const;  // first header of that name, "" if none
};

// Splits headers from the body at the first empty line.
Part parse_part(std::string_view bytes);

// "text/plain; charset=\"utf-8\"" -> "text/plain"; param("charset") -> "utf-8".
std::string media_type(const std::string& content_type);
std::string param(const std::string& header_value, std::string_view name);

std::string decode_transfer(std::string_view body, const std::string& encoding);
std::string to_utf8(std::string_view bytes, const std::string& charset);
std::string decode_words(std::string_view header);  // RFC 2047

struct Address {
  std::string name, email;  // email lower-cased
};
std::vector<Address> addresses(std::string_view header);

// "Wed, 14 Jun 2023 23:05:12 +0200" -> UTC milliseconds.
std::optional<std::int64_t> parse_date(std::string_view header);

// Parts of a multipart body, split at "--boundary" lines.
std::vector<std::string_view> split_multipart(std::string_view body, const std::string& boundary);

}  // namespace corridor::ingest::mime

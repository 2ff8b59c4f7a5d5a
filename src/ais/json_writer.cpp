#include "ais/json_writer.hpp"

#include <charconv>

#include "ais/vocabulary.hpp"
#include "core/time.hpp"

namespace corridor::ais {

namespace {

void put_int(std::string& out, std::int64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void put_fixed(std::string& out, double v, int decimals) {
  char buf[48];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  out.append(buf, r.ptr);
}

void put_key(std::string& out, std::string_view key) {
  out += ",\"";
  out += key;
  out += "\":";
}

void put_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

void put_2(std::string& out, std::int64_t v) {
  out += static_cast<char>('0' + (v / 10) % 10);
  out += static_cast<char>('0' + v % 10);
}

// gpsd's application data format: "<bits>:<hex>", the last byte padded with zero bits.
void put_data(std::string& out, const Payload& p, std::size_t start, std::size_t bits) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  put_int(out, static_cast<std::int64_t>(bits));
  out += ':';
  for (std::size_t at = 0; at < bits; at += 8) {
    const unsigned n = static_cast<unsigned>(bits - at < 8 ? bits - at : 8);
    const unsigned byte = static_cast<unsigned>(p.get_unsigned(start + at, n) << (8 - n));
    out += kHex[byte >> 4];
    out += kHex[byte & 15];
  }
  out += '"';
}

void put_scaled(std::string& out, const FieldSpec& s, std::int64_t raw) {
  switch (s.scale) {
    case Scale::kNone: put_int(out, raw); return;
    case Scale::kMin10000: put_fixed(out, scaled_value(s.scale, raw), 7); return;
    case Scale::kMin10: put_fixed(out, scaled_value(s.scale, raw), 4); return;
    case Scale::kTenth: put_fixed(out, scaled_value(s.scale, raw), 1); return;
    case Scale::kTurn:
      // +-127: turning faster than 5 deg/30 s, no rate known (gpsd's words).
      if (raw == 127) out += "\"fastright\"";
      else if (raw == -127) out += "\"fastleft\"";
      else put_fixed(out, scaled_value(s.scale, raw), 2);
      return;
  }
}

}  // namespace

void append_json(const Decoded& d, const JsonOptions& o, std::string& out) {
  out += "{\"class\":\"AIS\",\"type\":";
  put_int(out, d.type);
  out += ",\"repeat\":";
  put_int(out, d.repeat);
  out += ",\"mmsi\":";
  put_int(out, d.mmsi);
  out += o.scaled ? ",\"scaled\":true" : ",\"scaled\":false";
  if (d.part >= 0) out += d.part == 0 ? ",\"part\":\"A\"" : ",\"part\":\"B\"";
  for (std::uint8_t k = 0; k < d.nfields; ++k) {
    const FieldValue& f = d.fields[k];
    const FieldSpec& s = *f.spec;
    if (s.kind == FieldKind::kHidden) {
      // Composed timestamps keep the raw numbers, as gpsd does: "2007-05-14T19:57:39Z",
      // an ETA "05-15T14:00Z" (month 0, hour 24, minute 60 mean unknown).
      const std::string_view name = s.name;
      if (name == "year" && k + 5 < d.nfields) {
        put_key(out, "timestamp");
        out += '"';
        const std::int64_t y = d.fields[k].value;  // 14 bits: may exceed 9999 in bad data
        if (y < 1000) out += '0';
        if (y < 100) out += '0';
        if (y < 10) out += '0';
        put_int(out, y);
        out += '-';
        put_2(out, d.fields[k + 1].value);
        out += '-';
        put_2(out, d.fields[k + 2].value);
        out += 'T';
        put_2(out, d.fields[k + 3].value);
        out += ':';
        put_2(out, d.fields[k + 4].value);
        out += ':';
        put_2(out, d.fields[k + 5].value);
        out += "Z\"";
        k = static_cast<std::uint8_t>(k + 5);
      } else if (name == "month" && k + 3 < d.nfields) {
        put_key(out, "eta");
        out += '"';
        put_2(out, d.fields[k].value);
        out += '-';
        put_2(out, d.fields[k + 1].value);
        out += 'T';
        put_2(out, d.fields[k + 2].value);
        out += ':';
        put_2(out, d.fields[k + 3].value);
        out += "Z\"";
        k = static_cast<std::uint8_t>(k + 3);
      }
      continue;
    }
    if (!f.present) continue;
    put_key(out, s.name);
    switch (s.kind) {
      case FieldKind::kBool: out += f.value ? "true" : "false"; break;
      case FieldKind::kText:
      case FieldKind::kTextRest: put_string(out, d.text(f)); break;
      case FieldKind::kData: put_data(out, *d.payload, f.data_start, f.data_bits); break;
      default:
        if (o.scaled) put_scaled(out, s, f.value);
        else put_int(out, f.value);
    }
    if (s.role == Role::kStatus) {
      put_key(out, "status_text");
      put_string(out, status_text(static_cast<int>(f.value)));
    } else if (s.role == Role::kShiptype && d.type != 8) {
      put_key(out, "shiptype_text");
      out += '"';
      append_shiptype_text(static_cast<int>(f.value), out);
      out += '"';
    } else if (std::string_view(s.name) == "epfd") {
      put_key(out, "epfd_text");
      put_string(out, epfd_text(static_cast<int>(f.value)));
    }
  }
  if (o.evidence) {
    put_key(out, "line");
    put_int(out, static_cast<std::int64_t>(d.locator.line));
    put_key(out, "offset");
    put_int(out, static_cast<std::int64_t>(d.locator.byte_offset));
    put_key(out, "length");
    put_int(out, static_cast<std::int64_t>(d.locator.byte_length));
    if (d.unix_millis) {
      put_key(out, "time");
      put_string(out, format_utc(*d.unix_millis));
    }
  }
  out += "}\n";
}

}  // namespace corridor::ais

#include "ais/decoded.hpp"

#include <cmath>
#include <cstring>

#include "ais/message_layouts.hpp"

namespace corridor::ais {

namespace {

using K = FieldKind;

// Fields of types 25 and 26, whose positions depend on the addressed/structured flags;
// decode() reads them at computed offsets.
constexpr FieldSpec kAddressed{"addressed", 38, 1, K::kBool};
constexpr FieldSpec kStructured{"structured", 39, 1, K::kBool};
constexpr FieldSpec kDestMmsi{"dest_mmsi", 0, 30, K::kUnsigned};
constexpr FieldSpec kAppId{"app_id", 0, 16, K::kUnsigned};
constexpr FieldSpec kData{"data", 0, 0, K::kData};
constexpr FieldSpec kRadio{"radio", 0, 20, K::kUnsigned};

class FieldDecoder {
 public:
  FieldDecoder(const Payload& p, Decoded& d) : p_(p), d_(d) {}

  // Reads one field at `start` (the spec's own start unless overridden); `len` overrides
  // the length of rest-of-payload fields.
  void read(const FieldSpec& spec, std::size_t start, std::size_t len) {
    if (d_.nfields >= Decoded::kMaxFields) return;
    FieldValue& f = d_.fields[d_.nfields++];
    f = FieldValue{};
    f.spec = &spec;
    switch (spec.kind) {
      case K::kUnsigned:
      case K::kHidden:
      case K::kBool:
      case K::kSigned: {
        if (!p_.has(start, len)) {
          f.present = spec.tail_zero;  // optional trailing fields read as zero, as gpsd does
          return;
        }
        f.value = spec.kind == K::kSigned ? p_.get_signed(start, static_cast<unsigned>(len))
                                          : static_cast<std::int64_t>(p_.get_unsigned(start, static_cast<unsigned>(len)));
        f.present = !(spec.has_na && f.value == spec.na);
        return;
      }
      case K::kText:
      case K::kTextRest: {
        const std::size_t nchars = len / 6;
        if (d_.text_used + nchars > d_.text_buf.size()) return;
        f.text_off = d_.text_used;
        f.text_len = static_cast<std::uint16_t>(p_.get_text(start, nchars, d_.text_buf.data() + d_.text_used));
        d_.text_used = static_cast<std::uint16_t>(d_.text_used + f.text_len);
        f.present = true;
        return;
      }
      case K::kData:
        f.data_start = static_cast<std::uint16_t>(start);
        f.data_bits = static_cast<std::uint16_t>(len);
        f.present = true;
        return;
    }
  }
  void read(const FieldSpec& spec) {
    const std::size_t len = (spec.kind == K::kTextRest || spec.kind == K::kData)
                                ? (p_.size_bits() > spec.start ? p_.size_bits() - spec.start : 0)
                                : spec.len;
    read(spec, spec.start, len);
  }
  void read_all(std::span<const FieldSpec> specs) {
    for (const auto& s : specs) read(s);
  }

 private:
  const Payload& p_;
  Decoded& d_;
};

// Type 21 may carry up to 14 more name characters after bit 272 (M.1371-5, 3.3.8.2.3).
void append_name_extension(const Payload& p, Decoded& d) {
  if (p.size_bits() <= 272 + 5) return;
  for (std::uint8_t k = 0; k < d.nfields; ++k) {
    FieldValue& f = d.fields[k];
    if (f.spec->role != Role::kShipname) continue;
    // The name is the last text written so far, so the extension can extend it in place
    // only if it is not padded: a padded name ends before 20 characters and nothing follows.
    if (f.text_off + f.text_len != d.text_used || f.text_len != 20) return;
    const std::size_t n = (p.size_bits() - 272) / 6;
    if (d.text_used + n > d.text_buf.size()) return;
    const std::size_t got = p.get_text(272, n, d.text_buf.data() + d.text_used);
    f.text_len = static_cast<std::uint16_t>(f.text_len + got);
    d.text_used = static_cast<std::uint16_t>(d.text_used + got);
    return;
  }
}

void fill_typed_view(Decoded& d) {
  for (std::uint8_t k = 0; k < d.nfields; ++k) {
    const FieldValue& f = d.fields[k];
    if (!f.present || f.spec->role == Role::kNone) continue;
    const FieldSpec& s = *f.spec;
    const double v = scaled_value(s.scale, f.value);
    switch (s.role) {
      case Role::kLat:
        if (v >= -90 && v <= 90) d.lat = v;
        break;
      case Role::kLon:
        if (v >= -180 && v <= 180) d.lon = v;
        break;
      case Role::kSpeed: d.speed = v; break;
      case Role::kCourse:
        if (v < 360) d.course = v;
        break;
      case Role::kHeading:
        if (f.value < 360) d.heading = static_cast<int>(f.value);
        break;
      case Role::kStatus: d.status = static_cast<int>(f.value); break;
      case Role::kSecond: d.second = static_cast<int>(f.value); break;
      case Role::kImo: d.imo = static_cast<std::uint32_t>(f.value); break;
      case Role::kShiptype:
        if (f.value != 0) d.shiptype = static_cast<int>(f.value);
        break;
      case Role::kToBow: if (f.value) d.to_bow = static_cast<int>(f.value); break;
      case Role::kToStern: if (f.value) d.to_stern = static_cast<int>(f.value); break;
      case Role::kToPort: if (f.value) d.to_port = static_cast<int>(f.value); break;
      case Role::kToStarboard: if (f.value) d.to_starboard = static_cast<int>(f.value); break;
      case Role::kDraught: if (f.value) d.draught = v; break;
      case Role::kMothership: if (f.value) d.mothership_mmsi = static_cast<std::uint32_t>(f.value); break;
      case Role::kShipname: d.shipname = d.text(f); break;
      case Role::kCallsign: d.callsign = d.text(f); break;
      case Role::kDestination: d.destination = d.text(f); break;
      case Role::kTurn:
      case Role::kAccuracy:
      case Role::kNone: break;
    }
  }
}

}  // namespace

double scaled_value(Scale s, std::int64_t raw) {
  switch (s) {
    case Scale::kNone: return static_cast<double>(raw);
    case Scale::kMin10000: return static_cast<double>(raw) / 600000.0;
    case Scale::kMin10: return static_cast<double>(raw) / 600.0;
    case Scale::kTenth: return static_cast<double>(raw) / 10.0;
    case Scale::kTurn: {
      // ROT_AIS = 4.733 * sqrt(ROT deg/min), sign kept.
      const double r = static_cast<double>(raw) / 4.733;
      return raw < 0 ? -r * r : r * r;
    }
  }
  return static_cast<double>(raw);
}

const FieldValue* Decoded::find(std::string_view name) const {
  for (std::uint8_t k = 0; k < nfields; ++k)
    if (name == fields[k].spec->name) return &fields[k];
  return nullptr;
}

Reject decode(const Payload& p, Decoded& d) {
  // Reset only what decode writes; the text buffer is overwritten in place.
  const Locator keep_locator = d.locator;
  d.type = 0;
  d.repeat = 0;
  d.mmsi = 0;
  d.part = -1;
  d.lat = d.lon = d.speed = d.course = d.draught = std::nullopt;
  d.heading = d.status = d.second = d.shiptype = std::nullopt;
  d.to_bow = d.to_stern = d.to_port = d.to_starboard = std::nullopt;
  d.imo = d.mothership_mmsi = std::nullopt;
  d.shipname = d.callsign = d.destination = {};
  d.nfields = 0;
  d.text_used = 0;
  d.payload = &p;
  d.locator = keep_locator;

  if (p.size_bits() < 38) return Reject::kTruncatedPayload;
  d.type = static_cast<int>(p.get_unsigned(0, 6));
  d.repeat = static_cast<int>(p.get_unsigned(6, 2));
  d.mmsi = static_cast<std::uint32_t>(p.get_unsigned(8, 30));
  if (d.type < 1 || d.type > 27) return Reject::kUnknownType;
  const MessageLayout& layout = layout_for(d.type);
  if (p.size_bits() < layout.min_bits) return Reject::kTruncatedPayload;

  FieldDecoder r(p, d);
  switch (d.type) {
    case 21:
      r.read_all(layout.fields);
      append_name_extension(p, d);
      break;
    case 22:
      r.read_all(layout_22(p.get_unsigned(139, 1) != 0));
      break;
    case 24: {
      d.part = static_cast<int>(p.get_unsigned(38, 2));
      if (d.part == 0) {
        r.read_all(layout_24a());
      } else if (d.part == 1) {
        if (p.size_bits() < 162) return Reject::kTruncatedPayload;
        // MMSI 98XXXYYYY is an auxiliary craft (a boat launched from a mother ship).
        r.read_all(layout_24b(d.mmsi / 10000000 == 98));
      } else {
        return Reject::kUnknownType;  // parts C and D do not exist
      }
      break;
    }
    case 25:
    case 26: {
      const bool addressed = p.get_unsigned(38, 1) != 0, structured = p.get_unsigned(39, 1) != 0;
      r.read(kAddressed);
      r.read(kStructured);
      std::size_t at = 40;
      if (addressed) {
        r.read(kDestMmsi, at, 30);
        at += 30;
      }
      if (structured) {
        r.read(kAppId, at, 16);
        at += 16;
      }
      const std::size_t radio = d.type == 26 ? 20 : 0;
      const std::size_t end = p.size_bits() > at + radio ? p.size_bits() - radio : at;
      r.read(kData, at, end - at);
      if (d.type == 26) r.read(kRadio, end, 20);
      break;
    }
    default:
      r.read_all(layout.fields);
  }
  fill_typed_view(d);
  return Reject::kNone;
}

}  // namespace corridor::ais

#include "ais/message_layouts.hpp"

#include <array>

namespace corridor::ais {

namespace {

using K = FieldKind;
using S = Scale;
using R = Role;

constexpr FieldSpec u(const char* n, int start, int len, R role = R::kNone) {
  return {n, static_cast<std::uint16_t>(start), static_cast<std::uint16_t>(len), K::kUnsigned, S::kNone, role};
}
constexpr FieldSpec i(const char* n, int start, int len, R role = R::kNone) {
  FieldSpec f = u(n, start, len, role);
  f.kind = K::kSigned;
  return f;
}
constexpr FieldSpec b(const char* n, int start, R role = R::kNone) {
  FieldSpec f = u(n, start, 1, role);
  f.kind = K::kBool;
  return f;
}
constexpr FieldSpec t(const char* n, int start, int len, R role = R::kNone) {
  FieldSpec f = u(n, start, len, role);
  f.kind = K::kText;
  return f;
}
constexpr FieldSpec rest(const char* n, int start, K kind) {
  FieldSpec f = u(n, start, 0);
  f.kind = kind;
  return f;
}
constexpr FieldSpec hidden(const char* n, int start, int len) {
  FieldSpec f = u(n, start, len);
  f.kind = K::kHidden;
  return f;
}
constexpr FieldSpec na(FieldSpec f, std::int64_t v) {
  f.has_na = true;
  f.na = v;
  return f;
}
constexpr FieldSpec sc(FieldSpec f, S s) {
  f.scale = s;
  return f;
}
constexpr FieldSpec tail(FieldSpec f) {
  f.tail_zero = true;
  return f;
}

// Positions in 1/10000 minute: 181 and 91 degrees mean "not available".
constexpr std::int64_t kLonNa = 181 * 600000, kLatNa = 91 * 600000;
constexpr std::int64_t kLonNa10 = 181 * 600, kLatNa10 = 91 * 600;

constexpr FieldSpec kLon(int start) { return na(sc(i("lon", start, 28, R::kLon), S::kMin10000), kLonNa); }
constexpr FieldSpec kLat(int start) { return na(sc(i("lat", start, 27, R::kLat), S::kMin10000), kLatNa); }
constexpr FieldSpec kSpeedTenth(int start) { return na(sc(u("speed", start, 10, R::kSpeed), S::kTenth), 1023); }
constexpr FieldSpec kCourseTenth(int start) { return na(sc(u("course", start, 12, R::kCourse), S::kTenth), 3600); }
constexpr FieldSpec kHeading(int start) { return na(u("heading", start, 9, R::kHeading), 511); }
constexpr FieldSpec kSecond(int start) { return na(u("second", start, 6, R::kSecond), 60); }

constexpr std::array kType123{
    u("status", 38, 4, R::kStatus), na(sc(i("turn", 42, 8, R::kTurn), S::kTurn), -128), kSpeedTenth(50),
    b("accuracy", 60, R::kAccuracy), kLon(61), kLat(89), kCourseTenth(116), kHeading(128), kSecond(137),
    u("maneuver", 143, 2), b("raim", 148), u("radio", 149, 19),
};
constexpr std::array kType4{
    hidden("year", 38, 14), hidden("month", 52, 4), hidden("day", 56, 5), hidden("hour", 61, 5),
    hidden("minute", 66, 6), hidden("second", 72, 6), b("accuracy", 78, R::kAccuracy), kLon(79), kLat(107),
    u("epfd", 134, 4), b("raim", 148), u("radio", 149, 19),
};
constexpr std::array kType5{
    u("ais_version", 38, 2), na(u("imo", 40, 30, R::kImo), 0), t("callsign", 70, 42, R::kCallsign),
    t("shipname", 112, 120, R::kShipname), u("shiptype", 232, 8, R::kShiptype), u("to_bow", 240, 9, R::kToBow),
    u("to_stern", 249, 9, R::kToStern), u("to_port", 258, 6, R::kToPort), u("to_starboard", 264, 6, R::kToStarboard),
    u("epfd", 270, 4), hidden("month", 274, 4), hidden("day", 278, 5), hidden("hour", 283, 5),
    hidden("minute", 288, 6), sc(u("draught", 294, 8, R::kDraught), S::kTenth),
    t("destination", 302, 120, R::kDestination), u("dte", 422, 1),
};
constexpr std::array kType6{
    u("seqno", 38, 2), u("dest_mmsi", 40, 30), b("retransmit", 70), u("dac", 72, 10), u("fid", 82, 6),
    rest("data", 88, K::kData),
};
constexpr std::array kType7{
    u("mmsi1", 40, 30), tail(u("mmsi2", 72, 30)), tail(u("mmsi3", 104, 30)), tail(u("mmsi4", 136, 30)),
};
constexpr std::array kType8{u("dac", 40, 10), u("fid", 50, 6), rest("data", 56, K::kData)};
constexpr std::array kType9{
    na(u("alt", 38, 12), 4095), na(u("speed", 50, 10, R::kSpeed), 1023), b("accuracy", 60, R::kAccuracy),
    kLon(61), kLat(89), kCourseTenth(116), kSecond(128), u("regional", 134, 8), u("dte", 142, 1),
    b("assigned", 146), b("raim", 147), u("radio", 148, 20),
};
constexpr std::array kType10{u("dest_mmsi", 40, 30)};
constexpr std::array kType12{
    u("seqno", 38, 2), u("dest_mmsi", 40, 30), b("retransmit", 70), rest("text", 72, K::kTextRest),
};
constexpr std::array kType14{rest("text", 40, K::kTextRest)};
constexpr std::array kType15{
    u("mmsi1", 40, 30), u("type1_1", 70, 6), u("offset1_1", 76, 12), tail(u("type1_2", 90, 6)),
    tail(u("offset1_2", 96, 12)), tail(u("mmsi2", 110, 30)), tail(u("type2_1", 140, 6)),
    tail(u("offset2_1", 146, 12)),
};
constexpr std::array kType16{
    u("mmsi1", 40, 30), u("offset1", 70, 12), u("increment1", 82, 10), tail(u("mmsi2", 92, 30)),
    tail(u("offset2", 122, 12)), tail(u("increment2", 134, 10)),
};
constexpr std::array kType17{
    sc(i("lon", 40, 18), S::kMin10), sc(i("lat", 58, 17), S::kMin10), rest("data", 80, K::kData),
};
constexpr std::array kType18{
    u("reserved", 38, 8), kSpeedTenth(46), b("accuracy", 56, R::kAccuracy), kLon(57), kLat(85),
    kCourseTenth(112), kHeading(124), kSecond(133), u("regional", 139, 2), b("cs", 141), b("display", 142),
    b("dsc", 143), b("band", 144), b("msg22", 145), b("assigned", 146), b("raim", 147), u("radio", 148, 20),
};
constexpr std::array kType19{
    u("reserved", 38, 8), kSpeedTenth(46), b("accuracy", 56, R::kAccuracy), kLon(57), kLat(85),
    kCourseTenth(112), kHeading(124), kSecond(133), u("regional", 139, 4), t("shipname", 143, 120, R::kShipname),
    u("shiptype", 263, 8, R::kShiptype), u("to_bow", 271, 9, R::kToBow), u("to_stern", 280, 9, R::kToStern),
    u("to_port", 289, 6, R::kToPort), u("to_starboard", 295, 6, R::kToStarboard), u("epfd", 301, 4),
    b("raim", 305), u("dte", 306, 1), b("assigned", 307),
};
constexpr std::array kType20{
    u("offset1", 40, 12), u("number1", 52, 4), u("timeout1", 56, 3), u("increment1", 59, 11),
    tail(u("offset2", 70, 12)), tail(u("number2", 82, 4)), tail(u("timeout2", 86, 3)),
    tail(u("increment2", 89, 11)), tail(u("offset3", 100, 12)), tail(u("number3", 112, 4)),
    tail(u("timeout3", 116, 3)), tail(u("increment3", 119, 11)), tail(u("offset4", 130, 12)),
    tail(u("number4", 142, 4)), tail(u("timeout4", 146, 3)), tail(u("increment4", 149, 11)),
};
constexpr std::array kType21{
    u("aid_type", 38, 5), t("name", 43, 120, R::kShipname), b("accuracy", 163, R::kAccuracy), kLon(164),
    kLat(192), u("to_bow", 219, 9, R::kToBow), u("to_stern", 228, 9, R::kToStern), u("to_port", 237, 6, R::kToPort),
    u("to_starboard", 243, 6, R::kToStarboard), u("epfd", 249, 4), kSecond(253), b("off_position", 259),
    u("regional", 260, 8), b("raim", 268), b("virtual_aid", 269), b("assigned", 270),
};
constexpr std::array kType22Area{
    u("channel_a", 40, 12), u("channel_b", 52, 12), u("txrx", 64, 4), b("power", 68),
    sc(i("ne_lon", 69, 18), S::kMin10), sc(i("ne_lat", 87, 17), S::kMin10), sc(i("sw_lon", 104, 18), S::kMin10),
    sc(i("sw_lat", 122, 17), S::kMin10), b("addressed", 139), b("band_a", 140), b("band_b", 141),
    u("zonesize", 142, 3),
};
constexpr std::array kType22Addressed{
    u("channel_a", 40, 12), u("channel_b", 52, 12), u("txrx", 64, 4), b("power", 68), u("dest1", 69, 30),
    u("dest2", 104, 30), b("addressed", 139), b("band_a", 140), b("band_b", 141), u("zonesize", 142, 3),
};
constexpr std::array kType23{
    sc(i("ne_lon", 40, 18), S::kMin10), sc(i("ne_lat", 58, 17), S::kMin10), sc(i("sw_lon", 75, 18), S::kMin10),
    sc(i("sw_lat", 93, 17), S::kMin10), u("stationtype", 110, 4), u("shiptype", 114, 8), u("txrx", 144, 2),
    u("interval", 146, 4), u("quiet", 150, 4),
};
constexpr std::array kType24A{t("shipname", 40, 120, R::kShipname)};
// gpsd reads the vendor id as 7 characters (the pre-2010 layout); model and serial overlap it.
constexpr std::array kType24B{
    u("shiptype", 40, 8, R::kShiptype), t("vendorid", 48, 42), u("model", 66, 4), u("serial", 70, 20),
    t("callsign", 90, 42, R::kCallsign), u("to_bow", 132, 9, R::kToBow), u("to_stern", 141, 9, R::kToStern),
    u("to_port", 150, 6, R::kToPort), u("to_starboard", 156, 6, R::kToStarboard),
};
constexpr std::array kType24BAux{
    u("shiptype", 40, 8, R::kShiptype), t("vendorid", 48, 42), u("model", 66, 4), u("serial", 70, 20),
    t("callsign", 90, 42, R::kCallsign), u("mothership_mmsi", 132, 30, R::kMothership),
};
constexpr std::array kType27{
    b("accuracy", 38, R::kAccuracy), b("raim", 39), u("status", 40, 4, R::kStatus),
    na(sc(i("lon", 44, 18, R::kLon), S::kMin10), kLonNa10), na(sc(i("lat", 62, 17, R::kLat), S::kMin10), kLatNa10),
    na(u("speed", 79, 6, R::kSpeed), 63), na(u("course", 85, 9, R::kCourse), 511), b("gnss", 94),
};

template <std::size_t N>
constexpr MessageLayout L(const std::array<FieldSpec, N>& a, int min_bits) {
  return {std::span<const FieldSpec>(a.data(), N), static_cast<std::uint16_t>(min_bits)};
}

// Types 1-3 are accepted without their radio status (some transponders send 163 bits): the
// position, the part that matters as evidence, is complete by bit 149.
const std::array<MessageLayout, 28> kLayouts{
    MessageLayout{},      L(kType123, 149), L(kType123, 149), L(kType123, 149), L(kType4, 168),
    L(kType5, 420),       L(kType6, 88),    L(kType7, 72),    L(kType8, 56),    L(kType9, 168),
    L(kType10, 72),       L(kType4, 168),   L(kType12, 72),   L(kType7, 72),    L(kType14, 40),
    L(kType15, 88),       L(kType16, 96),   L(kType17, 80),   L(kType18, 168),  L(kType19, 312),
    L(kType20, 72),       L(kType21, 272),  MessageLayout{{}, 168}, L(kType23, 160), MessageLayout{{}, 160},
    MessageLayout{{}, 40}, MessageLayout{{}, 60}, L(kType27, 96),
};

}  // namespace

const MessageLayout& layout_for(int type) {
  static const MessageLayout none{};
  return type >= 1 && type <= 27 ? kLayouts[static_cast<std::size_t>(type)] : none;
}
std::span<const FieldSpec> layout_24a() { return kType24A; }
std::span<const FieldSpec> layout_24b(bool auxiliary_craft) {
  if (auxiliary_craft) return kType24BAux;
  return kType24B;
}
std::span<const FieldSpec> layout_22(bool addressed) {
  if (addressed) return kType22Addressed;
  return kType22Area;
}

}  // namespace corridor::ais

#pragma once
// Why a line or a message was not decoded. Bad input is counted by reason and never
// stops a stream: an investigator needs to know how much of a feed was unusable and why.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace corridor::ais {

enum class Reject : std::uint8_t {
  kNone = 0,
  kNotAis,            // another NMEA sentence ($GPGGA...) or text that is not a sentence
  kBadTagBlock,       // NMEA 4.0 tag block malformed or its checksum is wrong
  kNoChecksum,        // sentence without *hh
  kBadChecksum,       // *hh does not match the XOR of the sentence
  kMalformed,         // wrong number of fields, bad fragment numbers
  kBadFillBits,       // fill-bit field not 0..5
  kBadPayloadChar,    // a character outside the six-bit armouring alphabet
  kOrphanFragment,    // fragment whose siblings never arrived or arrived out of order
  kPayloadTooLong,    // reassembled payload larger than any AIS message can be
  kTruncatedPayload,  // fewer bits than the message type requires
  kUnknownType,       // message type 0 or 28..63
  kNoTime,            // no tag-block time and no clock given for the stream
  kCount_
};

inline constexpr std::size_t kRejectCount = static_cast<std::size_t>(Reject::kCount_);

// Stable snake_case names used in reports and JSON.
std::string_view reject_name(Reject r);

// Counts of rejects by reason, indexable by Reject.
struct RejectCounts {
  std::array<std::uint64_t, kRejectCount> n{};
  void add(Reject r) { ++n[static_cast<std::size_t>(r)]; }
  std::uint64_t operator[](Reject r) const { return n[static_cast<std::size_t>(r)]; }
  std::uint64_t total() const;  // all except kNone
};

}  // namespace corridor::ais

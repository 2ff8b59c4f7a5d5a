#include "ais/reject.hpp"

namespace corridor::ais {

std::string_view reject_name(Reject r) {
  switch (r) {
    case Reject::kNone: return "none";
    case Reject::kNotAis: return "not_ais";
    case Reject::kBadTagBlock: return "bad_tag_block";
    case Reject::kNoChecksum: return "no_checksum";
    case Reject::kBadChecksum: return "bad_checksum";
    case Reject::kMalformed: return "malformed";
    case Reject::kBadFillBits: return "bad_fill_bits";
    case Reject::kBadPayloadChar: return "bad_payload_char";
    case Reject::kOrphanFragment: return "orphan_fragment";
    case Reject::kPayloadTooLong: return "payload_too_long";
    case Reject::kTruncatedPayload: return "truncated_payload";
    case Reject::kUnknownType: return "unknown_type";
    case Reject::kNoTime: return "no_time";
    case Reject::kCount_: break;
  }
  return "unknown";
}

std::uint64_t RejectCounts::total() const {
  std::uint64_t t = 0;
  for (std::size_t i = 1; i < kRejectCount; ++i) t += n[i];
  return t;
}

}  // namespace corridor::ais

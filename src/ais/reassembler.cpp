#include "ais/reassembler.hpp"

namespace corridor::ais {

int Reassembler::slot_index(const NmeaSentence& s) {
  const int seq = s.sequence_id < 0 ? 10 : s.sequence_id;
  const int ch = (s.channel == 'A' || s.channel == '1') ? 0 : (s.channel == 'B' || s.channel == '2') ? 1 : 2;
  return seq * 3 + ch;
}

void Reassembler::drop(Slot& slot) {
  if (slot.busy)
    for (int i = 0; i < slot.received; ++i) counts_.add(Reject::kOrphanFragment);
  slot.busy = false;
  slot.received = 0;
}

Reject Reassembler::add(const NmeaSentence& s, const Locator& where, AssembledMessage& out) {
  out.payload = nullptr;
  if (s.fragment_count == 1) {
    single_.clear();
    if (Reject r = single_.append_armoured(s.payload); r != Reject::kNone) return r;
    if (Reject r = single_.drop_fill_bits(s.fill_bits); r != Reject::kNone) return r;
    out.payload = &single_;
    out.locator = where;
    out.tag = s.tag;
    out.fragments = 1;
    out.channel = s.channel;
    out.own_vessel = s.own_vessel;
    return Reject::kNone;
  }
  Slot& slot = slots_[static_cast<std::size_t>(slot_index(s))];
  if (s.fragment_number == 1) {
    drop(slot);  // an unfinished message under the same key will never complete
    slot.busy = true;
    slot.count = s.fragment_count;
    slot.next = 1;
    slot.locator = where;
    slot.tag = s.tag;
    slot.tag.source = {};  // the view would dangle once the line is gone
    slot.own_vessel = s.own_vessel;
    slot.payload.clear();
  } else if (!slot.busy || slot.next != s.fragment_number || slot.count != s.fragment_count) {
    drop(slot);
    return Reject::kOrphanFragment;
  }
  if (Reject r = slot.payload.append_armoured(s.payload); r != Reject::kNone) {
    drop(slot);
    return r;
  }
  ++slot.received;
  ++slot.next;
  slot.locator.last_line = where.line;
  slot.locator.byte_length = where.byte_offset + where.byte_length - slot.locator.byte_offset;
  if (s.fragment_number < s.fragment_count) return Reject::kNone;
  slot.busy = false;
  slot.received = 0;
  if (Reject r = slot.payload.drop_fill_bits(s.fill_bits); r != Reject::kNone) return r;
  out.payload = &slot.payload;
  out.locator = slot.locator;
  out.tag = slot.tag;
  out.fragments = s.fragment_count;
  out.channel = s.channel;
  out.own_vessel = slot.own_vessel;
  return Reject::kNone;
}

void Reassembler::finish() {
  for (auto& slot : slots_) drop(slot);
}

}  // namespace corridor::ais

#pragma once
// Joins the fragments of multi-sentence messages (type 5, long type 6/8/19/21...).
// Fragments of one message share a sequence id and a radio channel; they arrive in order
// but may interleave with other messages. Anything that breaks that pattern is an orphan:
// counted, never decoded into a wrong message.
#include <array>

#include "ais/locator.hpp"
#include "ais/nmea_sentence.hpp"
#include "ais/payload.hpp"

namespace corridor::ais {

struct AssembledMessage {
  const Payload* payload = nullptr;  // valid until the next call to add()
  Locator locator;
  TagBlock tag;  // the first fragment's tag block (views into that line: time only is kept)
  int fragments = 1;
  char channel = 0;
  bool own_vessel = false;
};

class Reassembler {
 public:
  explicit Reassembler(RejectCounts& counts) : counts_(counts) {}

  // Returns kNone with out.payload set when a message is complete, kNone with out.payload
  // null while waiting for more fragments, or the reason the fragment was rejected.
  Reject add(const NmeaSentence& s, const Locator& where, AssembledMessage& out);
  // End of stream: every incomplete message counts its fragments as orphans.
  void finish();

 private:
  struct Slot {
    bool busy = false;
    int count = 0;
    int next = 0;
    int received = 0;
    Locator locator;
    TagBlock tag;
    bool own_vessel = false;
    Payload payload;
  };
  static int slot_index(const NmeaSentence& s);
  void drop(Slot& slot);

  RejectCounts& counts_;
  Payload single_;
  // 11 sequence ids (0..9 and none) x 3 channels (A/1, B/2, other).
  std::array<Slot, 33> slots_{};
};

}  // namespace corridor::ais

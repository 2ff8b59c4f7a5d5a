#pragma once
// Bit layouts of the AIS message types (ITU-R M.1371-5, Annex 8), as tables of fields with
// gpsd's JSON names. Types whose layout depends on a flag (22, 24, 25, 26) or carries a
// text extension (21) are completed in code by decode().
#include <span>

#include "ais/decoded.hpp"

namespace corridor::ais {

struct MessageLayout {
  std::span<const FieldSpec> fields;
  std::uint16_t min_bits = 0;  // shorter payloads are truncated
};

// Layout for types 1..27; an empty layout for types decode() builds by hand.
const MessageLayout& layout_for(int type);

// Layouts chosen at decode time.
std::span<const FieldSpec> layout_24a();
std::span<const FieldSpec> layout_24b(bool auxiliary_craft);
std::span<const FieldSpec> layout_22(bool addressed);

}  // namespace corridor::ais

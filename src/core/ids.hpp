#pragma once
// Deterministic entity ids: the same identifier gives the same id in every case and
// every country, so cases can be merged and exchanged without a lookup table.
#include <string>
#include <string_view>

namespace corridor {

// "<schema in lower case>-" + the first 16 bytes (32 hex digits) of
// SHA-256("corridor\0" schema "\0" key). `key` must already be normalised
// (E.164 phone, upper-case IBAN, lower-case e-mail...).
std::string make_entity_id(std::string_view schema, std::string_view key);

}  // namespace corridor

#pragma once
// How a mention found by the extraction engine becomes statements: identifiers (phone,
// wallet, IBAN, handle...) become entities of their own, linked from the message or
// document that mentions them; descriptive values (prices, dates, coordinates, URLs)
// become properties of that message or document.
#include <string>
#include <vector>

#include "model/types.hpp"

namespace corridor::app {

// Appends to `out` the statements for mention `m` found in `unit`, linked from
// `about_entity` (whose schema is `about_schema`). Offsets are relative to the unit.
void mention_statements(const Mention& m, const Unit& unit, const std::string& about_entity,
                        const std::string& about_schema, std::vector<Statement>& out);

// "key=value;key=value" -> value of `key`, or "".
std::string detail_field(const std::string& detail, const std::string& key);

}  // namespace corridor::app

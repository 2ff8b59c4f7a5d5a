#pragma once
#include "store/sqlite.hpp"

// The shape of an entity id ("person-" and 32 hex digits, core/ids.hpp) as a GLOB: the
// condition of the partial index `statements_reference` over statements whose value names
// another entity. A query that finds who names an entity repeats it word for word
// (`s.value = ? AND s.value GLOB ...`) so that SQLite uses that index. Erasure and
// withdrawal scan every value instead: a value of another shape must not escape them.
#define CORRIDOR_ENTITY_ID_GLOB "'[a-z]*-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'"

namespace corridor::store {

// The schema version this build writes. Older case databases are migrated forward in
// one transaction; a newer one is refused, so an old binary never damages a newer case.
int schema_version();
void migrate(Db& db);

}  // namespace corridor::store

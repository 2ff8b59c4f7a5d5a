#pragma once
#include "store/sqlite.hpp"

namespace corridor::store {

// The schema version this build writes. Older case databases are migrated forward in
// one transaction; a newer one is refused, so an old binary never damages a newer case.
int schema_version();
void migrate(Db& db);

}  // namespace corridor::store

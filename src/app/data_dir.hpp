#pragma once
#include <string>

namespace corridor::app {

// Where Corridor's own data (lexicons, trained models) is: $CORRIDOR_DATA, else the
// `data/` folder of the source tree the binary was built in (found from the binary's
// location, build/<dir>/corridor), else ./data. Throws corridor::Error naming what was
// tried when none holds data/models.
std::string find_data_dir();

}  // namespace corridor::app

#pragma once
// An indicator as every face shows it (the CLI's --json, the server's API): its reasons
// with the statements behind them, each marked fact or assessment and who made it, its
// reviews; protected people under their pseudonyms, free text escaped.
#include <nlohmann/json.hpp>
#include <vector>

#include "app/pseudonyms.hpp"
#include "model/types.hpp"
#include "store/indicator_store.hpp"

namespace corridor::app {

// Titles and reasons as shown: protected people under their pseudonyms.
Indicator shown_as(const Indicator& in, const Pseudonyms& shown);

nlohmann::ordered_json indicator_json(store::Db& db, const Indicator& ind,
                                      const std::vector<store::IndicatorReview>& reviews, const Pseudonyms& shown);

}  // namespace corridor::app

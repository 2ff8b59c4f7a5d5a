#pragma once
#include <cstdint>
#include <string>

#include "store/case_folder.hpp"
#include "store/indicator_store.hpp"

namespace corridor::app {

// A person's decision on an indicator, with the reason, and its audit entry
// (alteration), in one transaction. Throws corridor::Error for an unknown id or an
// empty reason.
store::IndicatorReview review_indicator(store::CaseFolder& c, std::int64_t id, ReviewState decision,
                                        const std::string& actor, const std::string& reason);

}  // namespace corridor::app

#pragma once
// Use case: a named person records an entity's data-subject category, with the reason;
// one alteration entry under the ledger.
#include <string>

#include "store/case_folder.hpp"
#include "store/subject_categories.hpp"

namespace corridor::app {

store::SubjectCategorisation categorise_subject(store::CaseFolder& c, const std::string& entity,
                                                const std::string& category, const std::string& actor,
                                                const std::string& why);

}  // namespace corridor::app

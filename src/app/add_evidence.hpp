#pragma once
// Use case: put files into a case with their chain of custody. All or nothing: if any
// file fails, the database is untouched and bytes stored by this call are removed.
#include <filesystem>
#include <string>
#include <vector>

#include "model/types.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

struct AddRequest {
  std::vector<std::filesystem::path> files;
  Acquisition acquisition;  // who acquired, how, under which legal basis
  std::string actor;        // who adds them now
  std::string why;          // the justification, recorded beside the legal basis
  bool progress = false;
};

struct AddedItem {
  Evidence evidence;
  bool new_in_case = false;  // false: same bytes were already there; a custody event was added
  std::filesystem::path source;
};

std::vector<AddedItem> add_evidence(store::CaseFolder& c, const AddRequest& req);

}  // namespace corridor::app

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

// A file received by the server: written to the vault's tmp folder (EvidenceVault::new_temp)
// and hashed as it arrived. It is moved into the vault (not copied again) and recorded as
// add_evidence records a file; `req.files` is not used.
struct ReceivedFile {
  std::filesystem::path temp;
  std::string sha256;
  std::uint64_t size = 0;
  std::string name;  // as the client gave it
};
AddedItem add_received(store::CaseFolder& c, const ReceivedFile& f, const AddRequest& req);

}  // namespace corridor::app

#pragma once
// A case holds personal data: its folders are 0700 and its files 0600 (vault items 0400)
// whatever the umask, so no other local account can read or rename them.
#include <filesystem>
#include <string>
#include <vector>

namespace corridor::store {

// Creates the folder and any missing parents inside it, each 0700.
void make_private_dirs(const std::filesystem::path& dir);
// Creates an empty file 0600 unless it exists (then its mode is set to 0600).
void make_private_file(const std::filesystem::path& file);
// Every file or folder under `root` (itself included) that another account could read,
// write or enter: "case.db is 0644".
std::vector<std::string> loose_permissions(const std::filesystem::path& root);

}  // namespace corridor::store

#pragma once
// One entity as an analyst's page shows it (Aleph's entity page): what it is, every
// statement about it with whether it is a fact or an assessment, who or what made it, the
// evidence and place it came from and the evidence text around that place; the entities
// it links to and those whose statements name it. Protected people appear under their
// pseudonyms, restricted ones not at all, in the values and in the evidence text.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/pseudonyms.hpp"
#include "store/case_folder.hpp"

namespace corridor::app {

struct EntityPageOptions {
  std::int64_t limit = 100, offset = 0;  // of its statements
  std::size_t context_bytes = 160;       // of evidence text each side of a statement's place
};

// nullopt when the case has no entity with this id.
std::optional<nlohmann::ordered_json> entity_page(store::CaseFolder& c, const std::string& id, const Pseudonyms& shown,
                                                  const EntityPageOptions& opt = {});

// The evidence text around bytes [offset, offset+length) of a vault item: up to `context`
// bytes each side, cut at character boundaries, bytes that are not UTF-8 shown as U+FFFD.
// nullopt when the item is not in the vault (withdrawn) or the place is past its end.
struct EvidenceContext {
  std::string before, text, after;
};
std::optional<EvidenceContext> evidence_context(store::CaseFolder& c, const std::string& sha256, std::uint64_t offset,
                                                std::uint64_t length, std::size_t context);

}  // namespace corridor::app

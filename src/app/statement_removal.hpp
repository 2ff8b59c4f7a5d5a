#pragma once
// Removing rows under an open ledger batch, as erasure (app/erase_entity.hpp) and the
// withdrawal of an exhibit (app/withdraw_evidence.hpp) do. Every deleted row is
// tombstoned first, so the ledger's commitments still verify.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "store/ledger_batch.hpp"
#include "store/sqlite.hpp"

namespace corridor::app {

struct RemovalCounts {
  std::size_t reasons = 0, reasons_kept = 0, indicators = 0, reviews = 0;
  std::size_t entities = 0, categories = 0, kept_apart = 0, changes = 0;
};

// Tombstones then deletes one row of a table.
void erase_row(store::LedgerBatch& batch, store::Db& db, std::string_view table, std::string_view id_column,
               std::int64_t id);

// An indicator as a whole: its reviews, reasons, citations and subjects.
void erase_indicator(store::LedgerBatch& batch, store::Db& db, std::int64_t indicator, RemovalCounts& n);

// The reasons citing any of `gone` (statements about to be deleted): a reason nothing else
// supports is deleted; one other statements support too is replaced by the same reason
// citing only those, its text with every string of `scrub` replaced by `[erased]` (a kept
// reason may quote the person's number or name). Returns the indicators left without reasons.
std::vector<std::int64_t> remove_reasons_citing(store::LedgerBatch& batch, store::Db& db,
                                                const std::set<std::int64_t>& gone,
                                                const std::vector<std::string>& scrub, RemovalCounts& n);

// An entity row and the rows that name it: its subject categories, kept-apart pairs,
// restrictions, and the recorded changes of its caption and canonical id (they hold its
// names). Its statements and those naming it must be gone (or tombstoned) first.
void erase_entity_rows(store::LedgerBatch& batch, store::Db& db, std::int64_t rid, const std::string& id,
                       RemovalCounts& n);

// `text` with every occurrence of each string of `scrub` (longest first) replaced by
// `[erased]`, and a phone number among them in any spelling (core/number_spellings.hpp).
std::string scrubbed(std::string text, std::vector<std::string> scrub);

}  // namespace corridor::app

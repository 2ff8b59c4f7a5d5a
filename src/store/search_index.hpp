#pragma once
// Full-text search over a case's statements (message and post texts, names, captions,
// identifiers as stored and as written), with SQLite FTS5 in a file of its own beside
// case.db (search.db): the index is derived, never under the ledger, rebuilt from the
// statements whenever they changed otherwise than by additions, and removed by erasure
// and withdrawal (discard_search_index) so no erased word outlives its statement.
//
// Text is indexed as core/search_fold.hpp folds it, plus the number words of every
// phone-like number, and tokenized by unicode61 (letters, digits and marks of every
// script; case and Latin accents folded). A query is folded the same way and each of its
// words must occur (a trailing * makes a word a prefix); FTS5's own query syntax is
// never exposed, so any text is a valid query.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/sqlite.hpp"

namespace corridor::store {

struct SearchHit {
  std::int64_t statement = 0;
  double rank = 0;  // FTS5 bm25: lower is better
};

struct SearchPage {
  std::vector<SearchHit> hits;  // best first
  bool capped = false;          // more than `max_hits` matched: only the best were ranked
};

class SearchIndex {
 public:
  // Opens or makes the index of the case in `case_dir` and brings it up to date with
  // `case_db`'s statements (new statements are added; any deletion or change rebuilds it).
  // Returns how many statements were indexed now through `indexed`.
  SearchIndex(Db& case_db, const std::filesystem::path& case_dir, std::size_t* indexed = nullptr);

  // For an index kept open between searches: false once its file was deleted or replaced
  // (discard_search_index), when it must be opened again.
  bool still_the_file() const;
  // Brings it up to date with the case's statements, as the constructor does.
  void refresh(Db& case_db, std::size_t* indexed = nullptr) { bring_up_to_date(case_db, indexed); }

  // Statements matching every word of `query` (optionally only of entities of `schema`),
  // best first, at most `max_hits`. An empty or wordless query matches nothing.
  SearchPage search(std::string_view query, const std::string& schema = "", std::size_t max_hits = 10000);

  // Whether `text` (as a search result shows it) matches `query` by the index's rules: a
  // hit whose value is shown pseudonymised must still match as shown, or searching a
  // protected name would tell which pseudonym it has.
  bool matches(std::string_view text, std::string_view query);

  // The FTS5 expression a query becomes (for tests): "\"word\" \"prefix\"*".
  static std::string match_expression(std::string_view query);

 private:
  void bring_up_to_date(Db& case_db, std::size_t* indexed);
  std::filesystem::path file_;
  std::uint64_t device_ = 0, inode_ = 0;
  std::unique_ptr<Db> db_;
};

// Deletes a case's search index (its file and journal); the next search rebuilds it.
void discard_search_index(const std::filesystem::path& case_dir);

}  // namespace corridor::store

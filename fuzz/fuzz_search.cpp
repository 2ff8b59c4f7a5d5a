// Any text as a search query and as a searched text: folding never crashes, and the FTS5
// expression a query becomes is always valid (no query can reach FTS5's own syntax).
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/search_fold.hpp"
#include "store/search_index.hpp"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

// An in-memory FTS5 table with the index's tokenizer, made once.
sqlite3* index_db() {
  static sqlite3* db = [] {
    sqlite3* d = nullptr;
    check(sqlite3_open(":memory:", &d) == SQLITE_OK);
    check(sqlite3_exec(d,
                       "CREATE VIRTUAL TABLE words USING fts5(text, tokenize = \"unicode61 remove_diacritics 2 "
                       "categories 'L* N* Co M*'\")",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
    return d;
  }();
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string text = corridor::search::fold(in);
  for (const auto& w : corridor::search::number_words(text)) text += " " + w;
  const std::string expr = corridor::store::SearchIndex::match_expression(in);
  sqlite3* db = index_db();
  sqlite3_exec(db, "DELETE FROM words", nullptr, nullptr, nullptr);
  sqlite3_stmt* put = nullptr;
  check(sqlite3_prepare_v2(db, "INSERT INTO words(rowid, text) VALUES(1, ?)", -1, &put, nullptr) == SQLITE_OK);
  sqlite3_bind_text(put, 1, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  check(sqlite3_step(put) == SQLITE_DONE);
  sqlite3_finalize(put);
  if (expr.empty()) return 0;
  sqlite3_stmt* q = nullptr;
  check(sqlite3_prepare_v2(db, "SELECT rowid FROM words WHERE words MATCH ?", -1, &q, nullptr) == SQLITE_OK);
  sqlite3_bind_text(q, 1, expr.data(), static_cast<int>(expr.size()), SQLITE_TRANSIENT);
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
  }
  check(rc == SQLITE_DONE);  // a syntax error here would mean the query reached FTS5's syntax
  sqlite3_finalize(q);
  return 0;
}

#include "store/search_index.hpp"

#include <sys/stat.h>

#include <cctype>
#include <system_error>

#include "core/number_spellings.hpp"
#include "core/search_fold.hpp"
#include "store/private_files.hpp"

namespace corridor::store {

namespace {

constexpr const char* kFileName = "search.db";

// Letters, digits and marks of every script are word characters; everything else parts words.
#define CORRIDOR_TOKENIZER "tokenize = \"unicode61 remove_diacritics 2 categories 'L* N* Co M*'\""
constexpr const char* kSchema =
    "CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5(text, schema UNINDEXED, " CORRIDOR_TOKENIZER ");"
    "CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value INTEGER NOT NULL);";

std::int64_t scalar(Db& db, const char* sql) {
  Stmt q(db, sql);
  return q.step() && !q.is_null(0) ? q.int64(0) : 0;
}

std::int64_t state_of(Db& db, const char* key) {
  Stmt q(db, "SELECT value FROM state WHERE key = ?");
  q.bind(1, key);
  return q.step() ? q.int64(0) : -1;
}

void set_state(Db& db, const char* key, std::int64_t value) {
  Stmt q(db, "INSERT INTO state(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2");
  q.bind(1, key).bind(2, value).run();
}

// What a statement is found by: its value and the value as written, folded, and the
// number words of both.
std::string indexed_text(const std::string& value, const std::string& original) {
  std::string text = search::fold(value);
  if (!original.empty() && original != value) text += "\n" + search::fold(original);
  for (const auto& w : search::number_words(text)) text += " " + w;
  return text;
}

bool has_word_character(std::string_view word) {
  for (const char c : word)
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) return true;
  return false;
}

std::string fts_phrase(std::string_view word) {
  std::string out = "\"";
  for (const char c : word) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

}  // namespace

namespace {
bool identity_of(const std::filesystem::path& file, std::uint64_t& device, std::uint64_t& inode) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return false;
  device = static_cast<std::uint64_t>(st.st_dev);
  inode = static_cast<std::uint64_t>(st.st_ino);
  return true;
}
}  // namespace

SearchIndex::SearchIndex(Db& case_db, const std::filesystem::path& case_dir, std::size_t* indexed)
    : file_(case_dir / kFileName) {
  make_private_file(file_);
  identity_of(file_, device_, inode_);
  db_ = std::make_unique<Db>(file_.string(), true);
  db_->exec(kSchema);
  bring_up_to_date(case_db, indexed);
}

void SearchIndex::bring_up_to_date(Db& case_db, std::size_t* indexed) {
  if (indexed) *indexed = 0;
  // Additions raise the highest statement id; a change or removal under the ledger leaves
  // a row_changes row. Statements deleted by reading a file again leave neither: their
  // stale entries are dropped when a search looks them up (app/case_search).
  const std::int64_t top = scalar(case_db, "SELECT max(id) FROM statements");
  const std::int64_t changed = scalar(case_db, "SELECT max(id) FROM row_changes WHERE tbl = 'statements'");
  if (state_of(*db_, "statements") == top && state_of(*db_, "changes") == changed) return;
  Transaction tx(*db_);
  std::int64_t from = state_of(*db_, "statements");
  if (from < 0 || state_of(*db_, "changes") != changed || from > top) {
    db_->exec("DELETE FROM words");
    from = 0;
  }
  Stmt read(case_db,
            "SELECT s.id, s.value, s.original_value, e.schema FROM statements s JOIN entities e ON e.rid = s.entity "
            "WHERE s.id > ? ORDER BY s.id");
  read.bind(1, from);
  Stmt put(*db_, "INSERT INTO words(rowid, text, schema) VALUES(?,?,?)");
  std::size_t n = 0;
  while (read.step()) {
    put.bind(1, read.int64(0)).bind(2, indexed_text(read.text(1), read.text(2))).bind(3, read.text(3)).run();
    ++n;
  }
  set_state(*db_, "statements", top);
  set_state(*db_, "changes", changed);
  tx.commit();
  if (indexed) *indexed = n;
}

bool SearchIndex::still_the_file() const {
  std::uint64_t device = 0, inode = 0;
  return identity_of(file_, device, inode) && device == device_ && inode == inode_;
}

std::string SearchIndex::match_expression(std::string_view query) {
  const std::string folded = search::fold(query);
  std::string expr, rest;
  // A phone-like number is one word, its key, whatever spaces and dashes it was written with.
  std::size_t at = 0;
  for (const auto& run : number_runs(folded)) {
    rest += folded.substr(at, run.offset - at) + " ";
    const std::string key = number_key(std::string_view(folded).substr(run.offset, run.length));
    if (key.empty()) rest += folded.substr(run.offset, run.length) + " ";
    else expr += (expr.empty() ? "" : " ") + fts_phrase(key);
    at = run.offset + run.length;
  }
  rest += folded.substr(at);
  std::size_t i = 0;
  while (i < rest.size()) {
    const auto start = rest.find_first_not_of(" \t\r\n", i);
    if (start == std::string::npos) break;
    const auto end = std::min(rest.find_first_of(" \t\r\n", start), rest.size());
    std::string_view word(rest.data() + start, end - start);
    const bool prefix = word.size() > 1 && word.back() == '*';
    if (prefix) word.remove_suffix(1);
    if (has_word_character(word)) expr += (expr.empty() ? "" : " ") + fts_phrase(word) + (prefix ? "*" : "");
    i = end;
  }
  return expr;
}

SearchPage SearchIndex::search(std::string_view query, const std::string& schema, std::size_t max_hits) {
  SearchPage page;
  const std::string expr = match_expression(query);
  if (expr.empty()) return page;
  Stmt q(*db_, "SELECT rowid, rank FROM words WHERE words MATCH ?1 AND (?2 = '' OR schema = ?2) ORDER BY rank LIMIT ?3");
  q.bind(1, expr).bind(2, schema).bind(3, static_cast<std::int64_t>(max_hits) + 1);
  while (q.step()) {
    if (page.hits.size() == max_hits) {
      page.capped = true;
      break;
    }
    page.hits.push_back({q.int64(0), q.real(1)});
  }
  return page;
}

bool SearchIndex::matches(std::string_view text, std::string_view query) {
  const std::string expr = match_expression(query);
  if (expr.empty()) return false;
  db_->exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.shown USING fts5(text, " CORRIDOR_TOKENIZER "); DELETE FROM temp.shown");
  Stmt put(*db_, "INSERT INTO temp.shown(rowid, text) VALUES(1, ?)");
  put.bind(1, indexed_text(std::string(text), "")).run();
  Stmt q(*db_, "SELECT 1 FROM temp.shown WHERE shown MATCH ?");
  q.bind(1, expr);
  return q.step();
}

void discard_search_index(const std::filesystem::path& case_dir) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(case_dir / (std::string(kFileName) + suffix), ec);
}

}  // namespace corridor::store

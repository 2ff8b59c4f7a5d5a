#pragma once
// Reading and changing a case's database directly, as someone with `sqlite3 case.db` would:
// for checking what a command stored and for tampering tests.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace corridor::test {

inline void sql(const std::string& dir, const std::string& statement) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir + "/case.db").c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "") << statement;
  sqlite3_free(err);
  sqlite3_close(db);
}

// The first column of the first row (-1 when there is none).
inline std::int64_t sql_int(const std::string& dir, const std::string& query) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open((dir + "/case.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, query.c_str(), -1, &s, nullptr), SQLITE_OK) << query;
  std::int64_t v = -1;
  if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(db);
  return v;
}

}  // namespace corridor::test

#include "core/text_arena.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using corridor::TextArena;

TEST(TextArena, KeptViewsStayValidAsMoreIsKeptAndBlocksAreReused) {
  TextArena arena;
  std::vector<std::string_view> kept;
  std::string source;
  for (int i = 0; i < 100000; ++i) {  // several blocks of 1 MiB
    source = "useraccount-" + std::to_string(i);
    kept.push_back(arena.keep(source));
  }
  source.assign(3 << 20, 'x');  // longer than a block: a block of its own
  const auto large = arena.keep(source);
  source.clear();
  for (int i = 0; i < 100000; i += 997) EXPECT_EQ(kept[i], "useraccount-" + std::to_string(i));
  EXPECT_EQ(large, std::string(3 << 20, 'x'));
  EXPECT_TRUE(arena.keep("").empty());
  const char* first = kept[0].data();
  arena.clear();
  EXPECT_EQ(arena.keep("again").data(), first);  // the first block again, no new memory
}

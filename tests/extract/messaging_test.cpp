#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scan_helpers.hpp"

using namespace corridor::extract;
using namespace corridor::extract::testing;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Messaging, TelegramLinks) {
  EXPECT_THAT(values("https://t.me/Sea_Trip_LY"), ElementsAre("url:https://t.me/Sea_Trip_LY", "telegram:t.me/sea_trip_ly"));
  EXPECT_THAT(of_type("join telegram.me/boats2024/15 now", "telegram"), ElementsAre("t.me/boats2024"));
  EXPECT_THAT(of_type("t.me/+AbCdEfGhIjKlMnOp", "telegram"), ElementsAre("t.me/+AbCdEfGhIjKlMnOp"));
  EXPECT_THAT(of_type("t.me/joinchat/AAAAAEbQx1c2d3e4f5g6h7", "telegram"), ElementsAre("t.me/joinchat/AAAAAEbQx1c2d3e4f5g6h7"));
  EXPECT_THAT(of_type("t.me/abc", "telegram"), IsEmpty());     // too short for a username
  EXPECT_THAT(of_type("at.me/boats2024", "telegram"), IsEmpty());  // another host
}

TEST(Messaging, WhatsappYieldsThePhone) {
  EXPECT_THAT(values("wa.me/218912345678"), ElementsAre("whatsapp:+218912345678", "phone:+218912345678"));
  EXPECT_THAT(values("https://api.whatsapp.com/send?phone=393331234567"),
              ElementsAre("url:https://api.whatsapp.com/send?phone=393331234567", "whatsapp:+393331234567",
                          "phone:+393331234567"));
  EXPECT_THAT(of_type("chat.whatsapp.com/Kx7PqR2sT9uVwXyZ1a2B3c", "whatsapp"),
              ElementsAre("chat.whatsapp.com/Kx7PqR2sT9uVwXyZ1a2B3c"));
  EXPECT_THAT(of_type("wa.me/21891234567", "whatsapp"), IsEmpty());  // one digit short
}

TEST(Messaging, ViberAndSignal) {
  EXPECT_THAT(values("viber://chat?number=%2B905321234567"), ElementsAre("viber:+905321234567", "phone:+905321234567"));
  EXPECT_THAT(of_type("viber://pa?chatURI=seatrips", "viber"), ElementsAre("viber://pa?chaturi=seatrips"));
  EXPECT_THAT(values("signal.me/#p/+33612345678"), ElementsAre("signal:+33612345678", "phone:+33612345678"));
}

TEST(Messaging, Handles) {
  EXPECT_THAT(of_type("contact @Boat_Master or @sea_trip_ly.", "handle"), ElementsAre("@boat_master", "@sea_trip_ly"));
  EXPECT_THAT(of_type("ali@example.com", "handle"), IsEmpty());
  EXPECT_THAT(of_type("@12345", "handle"), IsEmpty());  // no letter
  EXPECT_THAT(of_type("@abc", "handle"), IsEmpty());    // too short
}

TEST(Web, EmailUrlDomain) {
  EXPECT_THAT(values("mail Ali.Boat@Gmail.com."), ElementsAre("email:ali.boat@gmail.com"));
  EXPECT_THAT(values("see https://Example.COM/Path?a=1)."), ElementsAre("url:https://example.com/Path?a=1"));
  EXPECT_THAT(values("(www.boats-libya.com/ads)"), ElementsAre("url:www.boats-libya.com/ads"));
  EXPECT_THAT(values("visit Boats-Libya.com today"), ElementsAre("domain:boats-libya.com"));
  EXPECT_THAT(values("e.g. file.txt and ok.de"), IsEmpty());
  EXPECT_THAT(values("ali@@example"), IsEmpty());
}

// SPDX-License-Identifier: MIT
// Error fields at the client level: an unreadable answer still says which status came back and
// how many attempts were made.
#include <paygw/charging/client.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tingee/client.hpp>

#include "support.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <thread>

namespace {

using namespace paygw;
using namespace std::chrono_literals;

bool is_login(const http::Request& r) { return r.url.find("/auth/login") != std::string::npos; }

// Finding 11: an unreadable answer must still say how many attempts were made and which status
// came back (Tingee get-paging reported attempts=0; a TConnect list http_status=0, attempts=0).
TEST(ErrorFields, AnUnreadableAnswerKeepsItsStatusAndAttempts) {
  auto tingee_transport = std::make_shared<test::ScriptedTransport>([](const http::Request&) -> Result<http::Response> {
    return test::json_response(201, R"({"code":"00","message":"Success","data":{"items":"not a list"}})");
  });
  auto page = test::tingee_client(tingee_transport).get_device_paging({});
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().code, ErrorCode::kMalformed);
  EXPECT_EQ(page.error().http_status, 201);
  EXPECT_EQ(page.error().attempts, 1);
  EXPECT_EQ(page.error().delivery, Delivery::kMaybeSent);

  auto tconnect_transport =
      std::make_shared<test::ScriptedTransport>([](const http::Request& r) -> Result<http::Response> {
        if (is_login(r)) return test::json_response(200, R"({"access_token":"t","expires_in":600})");
        return test::json_response(200, R"({"unexpected":true})");
      });
  auto list = test::tconnect_client(tconnect_transport)
                  .get_qr_transactions({"2026-01-01 00:00:00", "2026-01-02 00:00:00", 10, 1});
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().code, ErrorCode::kMalformed);
  EXPECT_EQ(list.error().http_status, 200);
  EXPECT_EQ(list.error().attempts, 1);
  EXPECT_TRUE(list.error().outcome_unknown());
}

}  // namespace

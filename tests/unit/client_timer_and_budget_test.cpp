// SPDX-License-Identifier: MIT
// A call's time at the client level: nothing blocks paygw's timer thread, and a call's whole
// time (retry waits, each attempt's timeout) stays within its budget.
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

// A QR for 40123 VND (tag 54), CRC checked in tests/unit/vietqr_test.cpp.
const std::string kQr40123 =
    "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text "
    "string6304D9C6";

bool is_login(const http::Request& r) { return r.url.find("/auth/login") != std::string::npos; }

// Finding 8: after an async call got a 401, the old client ran the blocking re-login on paygw's
// single timer thread, so an unrelated async call's retry waited for it. Here the second login is
// held inside the transport until that unrelated call has finished: if the login blocked the timer
// thread, the Tingee retry (a timer wait) could never finish and the test would deadlock.
TEST(AsyncFlow, AReloginAfter401NeverBlocksTheTimerThread) {
  std::promise<void> tingee_finished;
  std::shared_future<void> gate = tingee_finished.get_future().share();
  std::atomic<int> logins{0};
  auto tconnect_transport =
      std::make_shared<test::ScriptedTransport>([&](const http::Request& r) -> Result<http::Response> {
        if (is_login(r)) {
          const int n = ++logins;
          if (n == 2) gate.wait_for(30s);  // the re-login is slow
          return test::json_response(200, R"({"access_token":"t)" + std::to_string(n) + R"(","expires_in":600})");
        }
        if (*http::find_header(r.headers, "Authorization") == "Bearer t1") return test::json_response(401, "{}");
        return test::json_response(
            200, R"({"services":[{"service_code":"vccb-qr","bincode":"970454","name":"BVBank QR"}]})");
      });
  tconnect::Config tc = test::tconnect_config(tconnect_transport);
  tc.sleeper = real_sleeper();  // as in production: paygw's timer thread serves every client
  auto tconnect = *tconnect::Client::create(tc);

  // The unrelated call: a QR shown on a box whose first connection attempt is refused (certainly
  // not sent, so even a payment write is retried after a short wait on the timer thread).
  std::atomic<int> shows{0};
  auto tingee_transport =
      std::make_shared<test::ScriptedTransport>([&](const http::Request&) -> Result<http::Response> {
        if (++shows == 1) return make_error(ErrorCode::kConnect, "connection refused");
        return test::json_response(200, R"({"code":"00","message":"Success"})");
      });
  tingee::Config config = test::tingee_config(tingee_transport);
  config.sleeper = real_sleeper();  // waits really go through the timer thread
  config.retry.initial_backoff = 10ms;
  auto tingee = *tingee::Client::create(config);
  tingee::ShowQrRequest show;
  show.uuid = "D1";
  show.amount = 40123;
  show.qr_code = kQr40123;

  // A read (a write answered 401 is not resent, so it never logs in again inside the call).
  auto read = tconnect.get_services_async();
  for (int i = 0; i < 30000 && logins.load() < 2; ++i) std::this_thread::sleep_for(1ms);
  ASSERT_EQ(logins.load(), 2) << "the read never re-authenticated";

  auto shown = tingee.show_qr_code_async(show);
  ASSERT_EQ(shown.wait_for(30s), std::future_status::ready)
      << "the Tingee retry never ran: the timer thread is blocked";
  auto result = shown.get();
  EXPECT_TRUE(result.ok()) << describe(result.error());
  EXPECT_EQ(shows.load(), 2);
  tingee_finished.set_value();

  ASSERT_EQ(read.wait_for(30s), std::future_status::ready);
  auto services = read.get();
  ASSERT_TRUE(services.ok()) << describe(services.error());
  EXPECT_EQ(logins.load(), 2);
}

// Finding 8: a `Retry-After: 60` on a 503 made `charging check` wait 60 s twice with a 3 s
// timeout. A wait that does not fit in what is left of the call's budget ends the call at once.
TEST(RetryFlow, ARetryAfterLongerThanTheBudgetEndsTheCallAtOnce) {
  for (auto budget : {0ms /* the 60 s default */, 5000ms}) {
    std::atomic<int> calls{0};
    auto transport = std::make_shared<test::ScriptedTransport>([&](const http::Request&) -> Result<http::Response> {
      ++calls;
      return http::Response{503, {{"Retry-After", "60"}}, "busy"};
    });
    auto clock = std::make_shared<FixedClock>(test::spec_time());
    auto sleeper = std::make_shared<test::RecordingSleeper>(clock);
    charging::Config c = test::charging_config(transport);
    c.timeout = 3s;
    c.clock = clock;
    c.sleeper = sleeper;
    auto client = *charging::Client::create(c);
    CallOptions options;
    options.total_timeout = budget;
    auto r = client.check({"VIETTEL", "312821445892982", "10004783347874", 50000, "323233"}, options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kHttpStatus);
    EXPECT_EQ(r.error().http_status, 503);
    EXPECT_EQ(r.error().attempts, 1);
    EXPECT_EQ(calls.load(), 1);
    EXPECT_TRUE(sleeper->waits.empty()) << "waited " << sleeper->waits.front().count() << " ms";
  }
}

// A call's attempts never get more time than is left: each attempt's timeout is cut to the budget.
TEST(RetryFlow, EachAttemptTimeoutIsCutToWhatIsLeftOfTheBudget) {
  std::vector<std::chrono::milliseconds> timeouts;
  auto transport = std::make_shared<test::ScriptedTransport>([&](const http::Request& r) -> Result<http::Response> {
    timeouts.push_back(r.timeout);
    return make_error(ErrorCode::kConnect, "refused");  // certainly not sent: retried
  });
  auto clock = std::make_shared<FixedClock>(test::spec_time());
  tingee::Config config = test::tingee_config(transport);
  config.clock = clock;
  config.sleeper = std::make_shared<test::RecordingSleeper>(clock);
  config.timeout = 30s;
  config.retry.total_timeout = 2000ms;
  config.retry.initial_backoff = 600ms;
  config.retry.max_attempts = 5;
  auto r = tingee::Client::create(config)->get_device_paging({});
  ASSERT_FALSE(r.ok());
  ASSERT_GE(timeouts.size(), 2u);
  EXPECT_EQ(timeouts[0], 2000ms);
  EXPECT_LT(timeouts[1], 2000ms);
  EXPECT_GT(timeouts[1], 0ms);
}

}  // namespace

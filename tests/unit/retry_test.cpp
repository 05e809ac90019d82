// SPDX-License-Identifier: MIT
// Retry policy: the decision table, the backoff curve, and end-to-end flows through the clients
// with a recording sleeper (nothing really sleeps) and scripted responses.
#include <paygw/retry.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tingee/client.hpp>

#include "base/timer.hpp"
#include "call/pipeline.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace {

using namespace paygw;
using namespace std::chrono_literals;
using detail::backoff;
using detail::retry_reason;

Result<http::Response> status(int code, http::Headers headers = {}) {
  return http::Response{code, std::move(headers), "{}"};
}
Result<http::Response> failure(ErrorCode code, Delivery delivery) { return make_error(code, "x", delivery); }

TEST(RetryDecision, Table) {
  struct Row {
    Result<http::Response> outcome;
    Idempotency idempotency;
    bool retry;
  };
  const auto R = Idempotency::kIdempotent;
  const auto W = Idempotency::kWrite;
  const Row rows[] = {
      // certainly not sent: every endpoint
      {failure(ErrorCode::kConnect, Delivery::kNotSent), W, true},
      {failure(ErrorCode::kConnect, Delivery::kNotSent), R, true},
      {failure(ErrorCode::kTimeout, Delivery::kNotSent), W, true},
      {failure(ErrorCode::kTls, Delivery::kNotSent), R, false},
      {failure(ErrorCode::kInvalidArgument, Delivery::kNotSent), R, false},
      // maybe sent: reads only
      {failure(ErrorCode::kTimeout, Delivery::kMaybeSent), W, false},
      {failure(ErrorCode::kTimeout, Delivery::kMaybeSent), R, true},
      {failure(ErrorCode::kNetwork, Delivery::kMaybeSent), W, false},
      {failure(ErrorCode::kNetwork, Delivery::kMaybeSent), R, true},
      {failure(ErrorCode::kResponseTooLarge, Delivery::kMaybeSent), R, false},
      // answers
      {status(200), R, false},
      {status(429), R, true},
      {status(429), W, false},
      {status(500), R, true},
      {status(502), R, true},
      {status(503), R, true},
      {status(503), W, false},
      {status(504), R, true},
      {status(400), R, false},
      {status(401), R, false},
      {status(404), R, false},
  };
  int i = 0;
  for (const auto& row : rows) {
    std::optional<std::chrono::milliseconds> after;
    EXPECT_EQ(retry_reason(row.outcome, row.idempotency, {}, &after).has_value(), row.retry) << "row " << i;
    ++i;
  }
  std::optional<std::chrono::milliseconds> after;
  ASSERT_TRUE(retry_reason(status(503, {{"Retry-After", "2"}}), R, {}, &after));
  EXPECT_EQ(after, 2000ms);
  after.reset();
  // An HTTP-date counts from the client's clock: 2026-10-21T07:27:58Z is 2 s before it.
  const std::chrono::system_clock::time_point now(std::chrono::seconds(1792567678));
  ASSERT_TRUE(retry_reason(status(429, {{"retry-after", "Wed, 21 Oct 2026 07:28:00 GMT"}}), R, now, &after));
  EXPECT_EQ(after, 2000ms) << "an HTTP-date Retry-After (RFC 9110)";
  after.reset();
  ASSERT_TRUE(retry_reason(status(503, {{"Retry-After", "soon"}}), R, now, &after));
  EXPECT_EQ(after, std::nullopt) << "neither seconds nor a date: ignored (backoff applies)";
}

// Retry-After as RFC 9110 defines it: delay-seconds or an HTTP-date in any of its three forms.
TEST(RetryDecision, RetryAfterSecondsAndHttpDates) {
  using detail::parse_http_date;
  const std::chrono::system_clock::time_point t(std::chrono::seconds(784111777));  // 1994-11-06T08:49:37Z
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), t);
  EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), t);
  EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), t);
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 UTC"), std::nullopt);
  EXPECT_EQ(parse_http_date("Sun, 31 Feb 1994 08:49:37 GMT"), std::nullopt);
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 24:49:37 GMT"), std::nullopt);
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 19x4 08:49:37 GMT"), std::nullopt);
  EXPECT_EQ(parse_http_date("86400"), std::nullopt);
  EXPECT_EQ(parse_http_date(""), std::nullopt);
  using detail::parse_retry_after;
  EXPECT_EQ(parse_retry_after(" 120 ", t), 120s);
  EXPECT_EQ(parse_retry_after("86400000", t), 86400000s);
  EXPECT_EQ(parse_retry_after("99999999999999999999999", t), std::chrono::seconds(detail::kMaxRetryAfterSeconds));
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", t), 30s);
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:07 GMT", t), 0s) << "a date in the past: no wait";
  EXPECT_EQ(parse_retry_after("-5", t), std::nullopt);
  EXPECT_EQ(parse_retry_after("1.5", t), std::nullopt);
}

TEST(RetryDecision, BackoffIsExponentialCappedAndJittered) {
  RetryPolicy p;  // 500 ms, cap 5 s
  EXPECT_EQ(backoff(p, 1, 1.0), 500ms);
  EXPECT_EQ(backoff(p, 1, 0.0), 250ms);
  EXPECT_EQ(backoff(p, 2, 1.0), 1000ms);
  EXPECT_EQ(backoff(p, 3, 1.0), 2000ms);
  EXPECT_EQ(backoff(p, 4, 1.0), 4000ms);
  EXPECT_EQ(backoff(p, 5, 1.0), 5000ms);
  EXPECT_EQ(backoff(p, 30, 0.5), 3750ms);
}

// ---- flows ----

std::shared_ptr<paygw::testing::ReplayTransport> script(const std::string& exchanges) {
  auto r = paygw::testing::ReplayTransport::from_json("{\"exchanges\":[" + exchanges + "]}", "inline");
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return *r;
}

struct TingeeRig {
  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(test::spec_time());
  std::shared_ptr<test::RecordingSleeper> sleeper = std::make_shared<test::RecordingSleeper>(clock);
  tingee::Client client(std::shared_ptr<http::Transport> transport, RetryPolicy retry = {}) {
    tingee::Config c;
    c.base_url = std::string(tingee::kUatBaseUrl);
    c.client_id = test::kTestClientId;
    c.secret = Secret(test::kTestSecret);
    c.transport = std::move(transport);
    c.clock = clock;
    c.timestamp_backdate = 0ms;
    c.sleeper = sleeper;
    c.random = std::make_shared<test::CountingRandom>(0xff);  // jitter unit ~1: the full backoff
    c.retry = retry;
    return *tingee::Client::create(c);
  }
};

const std::string kPaging = R"({"request":{"method":"POST","path":"/v1/device/get-paging","json":"<redacted>"},)";
const std::string kShowQr = R"({"request":{"method":"POST","path":"/v1/device/show-qr-code","json":"<redacted>"},)";
const std::string kOkPage =
    R"("response":{"status":200,"json":{"code":"00","message":"Success","data":{"totalCount":0,"items":[]}}}})";
const std::string k503 = R"("response":{"status":503,"headers":{"retry-after":"2"},"json":{"message":"busy"}}})";

TEST(RetryFlow, ReadRetriedWithFreshSignatureHonouringRetryAfter) {
  TingeeRig rig;
  auto replay = script(kPaging + k503 + "," + kPaging + kOkPage);
  auto page = rig.client(replay).get_device_paging({});
  ASSERT_TRUE(page.ok()) << describe(page.error());
  EXPECT_EQ(replay->report(), "");
  ASSERT_EQ(rig.sleeper->waits.size(), 1u);
  EXPECT_EQ(rig.sleeper->waits[0], 2000ms) << "Retry-After (2 s) is longer than the first backoff";
  const auto sent = replay->requests();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].body, sent[1].body) << "the same body bytes on every attempt";
  const auto ts0 = *http::find_header(sent[0].headers, "x-request-timestamp");
  const auto ts1 = *http::find_header(sent[1].headers, "x-request-timestamp");
  EXPECT_EQ(ts0, "20251110175110111");
  EXPECT_EQ(ts1, "20251110175112111") << "a fresh timestamp per attempt";
  for (const auto& r : sent) {
    EXPECT_EQ(*http::find_header(r.headers, "x-signature"),
              test::independent_hmac_sha512_hex(test::kTestSecret,
                                                *http::find_header(r.headers, "x-request-timestamp") + ":" + r.body));
  }
}

TEST(RetryFlow, PaymentWriteIsNotRetriedAfterAnAnswerOrAnAmbiguousFailure) {
  const std::string qr =
      "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
      "text "
      "string6304D9C6";
  tingee::ShowQrRequest req;
  req.uuid = "D1";
  req.amount = 40123;
  req.qr_code = qr;
  for (const std::string& outcome :
       {k503, std::string(R"("transport_error":{"code":"timeout","delivery":"maybe_sent"}})")}) {
    TingeeRig rig;
    auto replay = script(kShowQr + outcome);
    auto r = rig.client(replay).show_qr_code(req);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().attempts, 1);
    EXPECT_TRUE(r.error().outcome_unknown());
    EXPECT_TRUE(rig.sleeper->waits.empty());
    EXPECT_EQ(replay->report(), "");
  }
}

TEST(RetryFlow, AttemptsBackoffAndLimits) {
  {  // three 503s without Retry-After: waits 500 then 1000 ms, the third answer is returned
    TingeeRig rig;
    const std::string plain503 = R"("response":{"status":503,"json":{"message":"busy"}}})";
    auto replay = script(kPaging + plain503 + "," + kPaging + plain503 + "," + kPaging + plain503);
    auto r = rig.client(replay).get_device_paging({});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().http_status, 503);
    EXPECT_EQ(r.error().attempts, 3);
    ASSERT_EQ(rig.sleeper->waits.size(), 2u);
    EXPECT_NEAR(static_cast<double>(rig.sleeper->waits[0].count()), 500, 1);
    EXPECT_NEAR(static_cast<double>(rig.sleeper->waits[1].count()), 1000, 2);
  }
  {  // max_attempts = 1 disables retries
    TingeeRig rig;
    RetryPolicy once;
    once.max_attempts = 1;
    auto replay = script(kPaging + k503);
    EXPECT_EQ(rig.client(replay, once).get_device_paging({}).error().attempts, 1);
  }
  {  // total_timeout: a 2 s Retry-After does not fit in a 1 s budget
    TingeeRig rig;
    RetryPolicy budget;
    budget.total_timeout = 1000ms;
    auto replay = script(kPaging + k503);
    EXPECT_EQ(rig.client(replay, budget).get_device_paging({}).error().attempts, 1);
    EXPECT_TRUE(rig.sleeper->waits.empty());
  }
  {  // a Retry-After beyond max_retry_after ends the call with that answer (retry.hpp; issue 21)
    TingeeRig rig;
    RetryPolicy capped;
    capped.max_retry_after = 700ms;
    const std::string long503 = R"("response":{"status":503,"headers":{"retry-after":"3600"},"json":{}}})";
    auto replay = script(kPaging + long503);
    auto r = rig.client(replay, capped).get_device_paging({});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().http_status, 503);
    EXPECT_EQ(r.error().attempts, 1);
    EXPECT_TRUE(rig.sleeper->waits.empty()) << "not shortened to max_retry_after and waited out";
  }
}

TEST(RetryFlow, TconnectQueryRetriesAfterTimeoutButPushDoesNot) {
  const std::string login =
      R"({"request":{"method":"POST","path":"/openapi/v1/auth/login","json":"<redacted>"},"response":{"status":200,"json":{"access_token":"t","expires_in":600}}})";
  const std::string query = R"({"request":{"method":"POST","path":"/openapi/v1/transaction/qr","json":"<redacted>"},)";
  const std::string push =
      R"({"request":{"method":"POST","path":"/openapi/v1/devices/payments/push","json":"<redacted>"},)";
  const std::string timeout = R"("transport_error":{"code":"timeout","delivery":"maybe_sent"}})";
  auto replay = script(login + "," + query + timeout + "," + query +
                       R"("response":{"status":200,"json":{"items":[]}}},)" + push + timeout);
  auto client = test::tconnect_client(replay);
  auto q = client.get_qr_transactions({"2026-01-01 00:00:00", "2026-01-02 00:00:00", 10, 1});
  ASSERT_TRUE(q.ok()) << describe(q.error());
  auto p = client.push_payment(tconnect::PosPush{"S1", "O1", 1000});
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().attempts, 1);
  EXPECT_TRUE(p.error().outcome_unknown());
  EXPECT_EQ(replay->report(), "");
}

// ---- cancellation, per-call deadline, delivery across attempts ----

tingee::ShowQrRequest show_request() {
  tingee::ShowQrRequest req;
  req.uuid = "D1";
  req.amount = 40123;
  req.qr_code =
      "00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test "
      "text "
      "string6304D9C6";
  return req;
}

const std::string kConnectRefused = R"("transport_error":{"code":"connect","delivery":"not_sent"}})";
const std::string kTimedOut = R"("transport_error":{"code":"timeout","delivery":"maybe_sent"}})";

TEST(Cancellation, RaisedBeforeTheCallNothingIsSent) {
  TingeeRig rig;
  auto replay = script("");
  CancelToken token;
  token.cancel();
  auto r = rig.client(replay).get_device_paging({}, {token});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kCancelled);
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
  EXPECT_EQ(r.error().attempts, 0);
  EXPECT_TRUE(replay->requests().empty());
}

TEST(Cancellation, RaisedDuringTheWaitEndsTheCallWithTheDeliverySoFar) {
  {  // the server answered 503 (the request reached it), then the caller cancels during the backoff
    TingeeRig rig;
    CancelToken token;
    rig.sleeper->on_wait = [token] { token.cancel(); };
    auto replay = script(kPaging + k503);
    auto r = rig.client(replay).get_device_paging({}, {token});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kCancelled);
    EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent);
    EXPECT_EQ(r.error().attempts, 1);
    EXPECT_EQ(replay->report(), "");
  }
  {  // a payment write refused at connect (certainly not sent), cancelled before its retry
    TingeeRig rig;
    CancelToken token;
    rig.sleeper->on_wait = [token] { token.cancel(); };
    auto replay = script(kShowQr + kConnectRefused);
    const tingee::ShowQrRequest req = show_request();
    auto r = rig.client(replay).show_qr_code(req, {token});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kCancelled);
    EXPECT_EQ(r.error().delivery, Delivery::kNotSent) << "safe to send again";
    EXPECT_EQ(replay->report(), "");
  }
}

TEST(RetryFlow, PerCallTotalTimeoutOverridesThePolicy) {
  TingeeRig rig;
  auto replay = script(kPaging + k503);
  CallOptions options;
  options.total_timeout = 1000ms;  // the 2 s Retry-After does not fit
  auto r = rig.client(replay).get_device_paging({}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().attempts, 1);
  EXPECT_TRUE(rig.sleeper->waits.empty());
}

TEST(RetryFlow, AReadThatMayHaveReachedTheServerStaysMaybeSent) {
  TingeeRig rig;
  auto replay = script(kPaging + kTimedOut + "," + kPaging + kConnectRefused + "," + kPaging + kConnectRefused);
  auto r = rig.client(replay).get_device_paging({});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConnect) << "the last attempt's error";
  EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent) << "but the first attempt may have been processed";
  EXPECT_EQ(r.error().attempts, 3);
}

// ---- async: the same decisions through Transport::send_async and Sleeper::sleep_async ----

TEST(AsyncFlow, ShowQrAsyncFollowsTheWriteRules) {
  const tingee::ShowQrRequest req = show_request();
  const std::string ok = R"("response":{"status":200,"json":{"code":"00","message":"Success"}}})";
  {  // refused at connect: certainly not sent, so resent after the backoff, with a fresh signature
    TingeeRig rig;
    auto replay = script(kShowQr + kConnectRefused + "," + kShowQr + ok);
    auto r = rig.client(replay).show_qr_code_async(req).get();
    ASSERT_TRUE(r.ok()) << describe(r.error());
    EXPECT_EQ(rig.sleeper->waits.size(), 1u);
    const auto sent = replay->requests();
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[0].body, sent[1].body);
    EXPECT_NE(*http::find_header(sent[0].headers, "x-request-timestamp"),
              *http::find_header(sent[1].headers, "x-request-timestamp"));
    EXPECT_EQ(replay->report(), "");
  }
  {  // a 503 answer or a timeout after sending: never resent
    for (const std::string& outcome : {k503, kTimedOut}) {
      TingeeRig rig;
      auto replay = script(kShowQr + outcome);
      auto r = rig.client(replay).show_qr_code_async(req).get();
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().attempts, 1);
      EXPECT_TRUE(r.error().outcome_unknown());
      EXPECT_EQ(replay->report(), "");
    }
  }
  {  // invalid input: a ready future, nothing sent
    TingeeRig rig;
    auto replay = script("");
    auto r = rig.client(replay).show_static_qr_code_async(tingee::ShowQrRequest{}).get();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_TRUE(replay->requests().empty());
  }
}

// ---- the real waits: the shared timer thread and real_sleeper() ----

TEST(Timer, RunsWorkInDueOrderAndACancelledWaitEarly) {
  std::mutex mu;
  std::vector<int> order;
  std::promise<void> all;
  int left = 3;
  auto note = [&](int id) {
    std::lock_guard<std::mutex> lock(mu);
    order.push_back(id);
    if (--left == 0) all.set_value();
  };
  CancelToken token;
  detail::run_after(std::chrono::hours(1), token, [&] { note(3); });  // only a cancel can end this one
  detail::run_after(80ms, std::nullopt, [&] { note(2); });
  detail::run_after(0ms, std::nullopt, [&] { note(1); });
  std::this_thread::sleep_for(200ms);
  token.cancel();
  ASSERT_EQ(all.get_future().wait_for(30s), std::future_status::ready) << "the cancelled hour-long wait ended";
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST(Timer, RealSleeperWakesWhenCancelled) {
  CancelToken token;
  std::thread canceller([token] {
    std::this_thread::sleep_for(50ms);
    token.cancel();
  });
  real_sleeper()->sleep(std::chrono::hours(1), token);  // returns: the test would hang otherwise
  canceller.join();
  EXPECT_TRUE(token.cancelled());
  EXPECT_TRUE(token.wait_for(std::chrono::hours(1))) << "a raised token never waits";
}

}  // namespace

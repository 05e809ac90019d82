// SPDX-License-Identifier: MIT
// The client-side rate limiter (ADR 0055): the token bucket on a fake clock, under concurrency, and
// in the call pipeline — waits within the deadline and cancel flag, Tingee's code 1001 and a 429's
// Retry-After pausing it.
#include "support.hpp"

#include <paygw/rate_limit.hpp>
#include <paygw/tingee/client.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace paygw {
namespace {

using namespace std::chrono_literals;

std::shared_ptr<RateLimiter> limiter(double per_second, int burst) {
  auto l = RateLimiter::create({per_second, burst});
  EXPECT_TRUE(l.ok()) << (l.ok() ? "" : l.error().message);
  return *l;
}

TEST(RateLimiter, RefusesBadSettings) {
  EXPECT_EQ(RateLimiter::create({0, 1}).error().code, ErrorCode::kConfig);
  EXPECT_EQ(RateLimiter::create({-1, 1}).error().code, ErrorCode::kConfig);
  EXPECT_EQ(RateLimiter::create({10, 0}).error().code, ErrorCode::kConfig);
  EXPECT_TRUE(RateLimiter::create({0.5, 3}).ok());
}

TEST(RateLimiter, ABurstGoesAtOnceThenOneTurnPerInterval) {
  auto l = limiter(4, 3);  // 250 ms apart, 3 at once
  const auto t = test::spec_time();
  EXPECT_EQ(l->reserve(t, 10s), 0ms);
  EXPECT_EQ(l->reserve(t, 10s), 0ms);
  EXPECT_EQ(l->reserve(t, 10s), 0ms);
  EXPECT_EQ(l->reserve(t, 10s), 250ms);
  EXPECT_EQ(l->reserve(t, 10s), 500ms);
  EXPECT_EQ(l->reserve(t, 400ms), std::nullopt) << "the next turn (750 ms) is beyond max_wait";
  EXPECT_EQ(l->reserve(t, 10s), 750ms) << "a refused reserve takes no turn";
  EXPECT_EQ(l->reserve(t + 2s, 10s), 0ms) << "a quiet time refills the bucket";
}

TEST(RateLimiter, APauseHoldsEveryTurnUntilItEnds) {
  auto l = limiter(100, 5);
  const auto t = test::spec_time();
  l->pause(t, 3s);
  EXPECT_EQ(l->reserve(t, 10s), 3000ms);
  EXPECT_EQ(l->reserve(t + 3s, 10s), 10ms) << "after the pause, the rate again";
  l->pause(t, 1s);  // a shorter pause does not shorten the longer one
  EXPECT_EQ(l->reserve(t + 1s, 10s), 2020ms);
}

TEST(RateLimiter, ConcurrentReservationsEachGetTheirOwnTurn) {
  auto l = limiter(1000, 10);  // 1 ms apart
  const auto t = test::spec_time();
  std::mutex mu;
  std::vector<std::chrono::milliseconds> waits;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 50; ++j) {
        const auto w = l->reserve(t, 1h);
        const std::lock_guard<std::mutex> lock(mu);
        waits.push_back(*w);
      }
    });
  }
  for (auto& th : threads) th.join();
  std::sort(waits.begin(), waits.end());
  ASSERT_EQ(waits.size(), 400u);
  for (std::size_t i = 0; i < waits.size(); ++i) {
    const auto expected = i < 10 ? 0ms : std::chrono::milliseconds(i - 9);
    EXPECT_EQ(waits[i], expected) << i;
  }
}

// Answers from a script (then a successful device page), recording what it was sent. Thread-safe.
class Script final : public http::Transport {
 public:
  Result<http::Response> send(const http::Request& request) override {
    const std::lock_guard<std::mutex> lock(mu_);
    paths.push_back(request.url);
    http::Response r;
    r.status = 200;
    r.body = R"({"code":"00","message":"Success","data":{"totalCount":0,"items":[]}})";
    if (!answers.empty()) {
      r = answers.front();
      answers.pop_front();
    }
    return r;
  }
  std::size_t sent() {
    const std::lock_guard<std::mutex> lock(mu_);
    return paths.size();
  }
  std::deque<http::Response> answers;
  std::vector<std::string> paths;

 private:
  std::mutex mu_;
};

http::Response answer(int status, std::string body, http::Headers headers = {}) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

const char* const kTooFast = R"({"code":"1001","message":"Thao tác quá nhanh","data":null})";

struct Rig {
  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(test::spec_time());
  std::shared_ptr<test::RecordingSleeper> sleeper = std::make_shared<test::RecordingSleeper>(clock);
  std::shared_ptr<Script> transport = std::make_shared<Script>();
  tingee::Client client(std::shared_ptr<RateLimiter> l) const {
    tingee::Config c = test::tingee_config(transport);
    c.clock = clock;
    c.sleeper = sleeper;
    c.random = std::make_shared<test::CountingRandom>(0xff);  // the full backoff
    c.rate_limiter = std::move(l);
    return *tingee::Client::create(c);
  }
};

TEST(RateLimitedCalls, OffByDefault) {
  Rig rig;
  auto client = rig.client(nullptr);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(client.get_device_paging({}).ok());
  EXPECT_TRUE(rig.sleeper->waits.empty());
}

TEST(RateLimitedCalls, EachAttemptWaitsForItsTurn) {
  Rig rig;
  auto client = rig.client(limiter(2, 1));  // one every 500 ms
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(client.get_device_paging({}).ok());
  EXPECT_EQ(rig.sleeper->waits, (std::vector<std::chrono::milliseconds>{500ms, 500ms}));
  EXPECT_EQ(rig.transport->sent(), 3u);
}

TEST(RateLimitedCalls, AsyncCallsWaitThroughTheSleepersTimer) {
  Rig rig;
  auto client = rig.client(limiter(2, 1));
  ASSERT_TRUE(client.get_device_paging_async({}).get().ok());
  ASSERT_TRUE(client.get_device_paging_async({}).get().ok());
  EXPECT_EQ(rig.sleeper->waits, (std::vector<std::chrono::milliseconds>{500ms}));
  EXPECT_EQ(rig.transport->sent(), 2u);
}

TEST(RateLimitedCalls, ATurnBeyondTheDeadlineEndsTheCallUnsent) {
  Rig rig;
  auto client = rig.client(limiter(0.1, 1));  // one every 10 s
  ASSERT_TRUE(client.get_device_paging({}).ok());
  CallOptions options;
  options.total_timeout = 5s;
  auto r = client.get_device_paging({}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
  EXPECT_EQ(r.error().attempts, 0);
  EXPECT_EQ(rig.transport->sent(), 1u);
  EXPECT_TRUE(rig.sleeper->waits.empty()) << "no pointless wait";
}

TEST(RateLimitedCalls, ACancelDuringTheWaitSendsNothing) {
  Rig rig;
  auto client = rig.client(limiter(1, 1));
  ASSERT_TRUE(client.get_device_paging({}).ok());
  CancelToken token;
  rig.sleeper->on_wait = [token] { token.cancel(); };
  CallOptions options;
  options.cancel = token;
  auto r = client.get_device_paging({}, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kCancelled);
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
  EXPECT_EQ(rig.transport->sent(), 1u);
}

TEST(RateLimitedCalls, TingeeCode1001RetriesAReadAndPausesTheLimiter) {
  Rig rig;
  rig.transport->answers.push_back(answer(200, kTooFast));
  auto client = rig.client(limiter(1000, 10));
  auto r = client.get_device_paging({});
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(rig.transport->sent(), 2u) << "a read answered 1001 is sent again";
  // The backoff (up to 500 ms) and the limiter's pause (initial_backoff, 500 ms) overlap: the
  // retry goes once the pause is over, not before.
  std::chrono::milliseconds waited{0};
  for (auto w : rig.sleeper->waits) waited += w;
  EXPECT_EQ(waited, 500ms);
}

TEST(RateLimitedCalls, TingeeCode1001IsAReadsRetryEvenWithoutALimiter) {
  Rig rig;
  rig.transport->answers.push_back(answer(200, kTooFast));
  auto r = rig.client(nullptr).get_device_paging({});
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(rig.transport->sent(), 2u);
}

TEST(RateLimitedCalls, TingeeCode1001OnAWriteIsTheAnswerButStillPausesTheLimiter) {
  Rig rig;
  rig.transport->answers.push_back(answer(200, kTooFast));
  auto client = rig.client(limiter(1000, 10));
  tingee::ReadSecurityCodeRequest req;
  req.uuid = "DEVICE-001";
  auto r = client.read_security_code(req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kProvider);
  EXPECT_TRUE(tingee::is_rate_limited(r.error()));
  EXPECT_EQ(r.error().attempts, 1) << "a write the server answered is never resent";
  EXPECT_EQ(rig.transport->sent(), 1u);
  ASSERT_TRUE(client.get_device_paging({}).ok());
  EXPECT_EQ(rig.sleeper->waits, (std::vector<std::chrono::milliseconds>{500ms})) << "the next call waits out the pause";
}

TEST(RateLimitedCalls, A429RetryAfterPausesEveryClientSharingTheLimiter) {
  Rig rig;
  auto shared = limiter(1000, 10);
  auto first = rig.client(shared);
  auto second = rig.client(shared);
  rig.transport->answers.push_back(answer(429, R"({"message":"slow down"})", {{"retry-after", "3"}}));
  tingee::ReadSecurityCodeRequest req;
  req.uuid = "DEVICE-001";
  auto r = first.read_security_code(req);  // a write: the 429 is its answer
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(rig.transport->sent(), 1u);
  ASSERT_TRUE(second.get_device_paging({}).ok());
  EXPECT_EQ(rig.sleeper->waits, (std::vector<std::chrono::milliseconds>{3000ms}));
}

TEST(RateLimitedCalls, ManyThreadsShareOneLimiter) {
  Rig rig;
  auto client = rig.client(limiter(1000, 4));
  std::vector<std::thread> threads;
  std::mutex mu;
  int ok = 0;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < 10; ++j) {
        const bool good = client.get_device_paging({}).ok();
        const std::lock_guard<std::mutex> lock(mu);
        ok += good ? 1 : 0;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, 40);
  EXPECT_EQ(rig.transport->sent(), 40u);
}

}  // namespace
}  // namespace paygw

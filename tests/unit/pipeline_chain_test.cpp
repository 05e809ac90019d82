// SPDX-License-Identifier: MIT
// The per-attempt chain (ADR 0043): every attempt takes a fresh copy of the encoded request down
// the provider's steps in order, then to the transport; a failing step ends the call unsent; a 401
// asks the steps to forget their credential; the async form continues from a step's own
// completion. And TConnect's token step on its own: it sends its login itself, through the
// transport, with no connection or caller's pipeline above it.
#include <paygw/tconnect/client.hpp>

#include "base/timer.hpp"
#include "call/config_check.hpp"
#include "call/pipeline.hpp"
#include "support.hpp"
#include "tconnect/tokens.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <mutex>
#include <string>
#include <vector>

namespace {

using namespace paygw;
using namespace std::chrono_literals;
using detail::CallLimits;
using detail::Chain;
using detail::Mode;
using detail::StepDone;

// Adds "x-step: <name>" to every attempt; counts its calls; in async mode completes from the
// timer thread (as a step waiting for something would), never inline.
class NamedStep final : public detail::Step {
 public:
  explicit NamedStep(std::string name, bool can_reauthenticate = false)
      : name_(std::move(name)), can_reauthenticate_(can_reauthenticate) {}
  void apply(http::Request& attempt, const CallLimits&, Mode mode, StepDone done) override {
    ++applied;
    if (mode == Mode::kBlocking) {
      attempt.headers.emplace_back("x-step", name_);
      return done({});
    }
    detail::run_after(0ms, std::nullopt, [this, &attempt, done = std::move(done)] {
      attempt.headers.emplace_back("x-step", name_);
      done({});
    });
  }
  bool reauthenticate(const http::Request& rejected) override {
    ++reauthentications;
    const std::string* seen = http::find_header(rejected.headers, "x-step");
    if (seen != nullptr) rejected_value = *seen;
    return can_reauthenticate_;
  }
  std::atomic<int> applied{0};
  std::atomic<int> reauthentications{0};
  std::string rejected_value;

 private:
  std::string name_;
  bool can_reauthenticate_;
};

class FailingStep final : public detail::Step {
 public:
  void apply(http::Request&, const CallLimits&, Mode, StepDone done) override {
    done(make_error(ErrorCode::kInternal, "the step failed", Delivery::kNotSent));
  }
};

// Every request the transport saw: the values of its x-step headers, in order.
struct Seen {
  std::mutex mu;
  std::vector<std::vector<std::string>> steps;
  void record(const http::Request& r) {
    std::vector<std::string> values;
    for (const auto& [name, value] : r.headers) {
      if (name == "x-step") values.push_back(value);
    }
    std::lock_guard<std::mutex> lock(mu);
    steps.push_back(std::move(values));
  }
};

ClientOptions options_on(std::shared_ptr<http::Transport> transport) {
  ClientOptions o;
  o.transport = std::move(transport);
  o.clock = std::make_shared<FixedClock>(test::spec_time());
  o.sleeper = test::no_sleep();
  o.random = std::make_shared<test::CountingRandom>();
  return o;
}

http::Request encoded() {
  http::Request r;
  r.method = http::Method::kPost;
  r.url = "https://api.example.test/v1/thing";
  r.headers = {{"Content-Type", "application/json"}};
  r.body = "{}";
  return r;
}

Result<int> status_of(const http::Response& response) { return response.status; }

TEST(PipelineChain, EveryAttemptPassesTheStepsInOrderOnAFreshCopy) {
  auto seen = std::make_shared<Seen>();
  std::atomic<int> calls{0};
  auto transport = std::make_shared<test::ScriptedTransport>([seen, &calls](const http::Request& r) {
    seen->record(r);
    return ++calls == 1 ? test::json_response(503, "{}") : test::json_response(200, "{}");
  });
  auto first = std::make_shared<NamedStep>("first");
  auto second = std::make_shared<NamedStep>("second");
  const detail::Pipeline pipeline(options_on(transport), "example", Chain{first, second});
  auto out = pipeline.call<int>(encoded(), {Idempotency::kIdempotent}, {}, status_of);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, 200);
  ASSERT_EQ(seen->steps.size(), 2U);
  for (const auto& attempt : seen->steps) {  // nothing from the first attempt is left on the second
    EXPECT_EQ(attempt, (std::vector<std::string>{"first", "second"}));
  }
  EXPECT_EQ(first->applied, 2);
  EXPECT_EQ(second->applied, 2);
}

TEST(PipelineChain, AsyncStepsContinueFromTheirOwnCompletion) {
  auto seen = std::make_shared<Seen>();
  auto transport = std::make_shared<test::ScriptedTransport>([seen](const http::Request& r) {
    seen->record(r);
    return test::json_response(200, "{}");
  });
  auto first = std::make_shared<NamedStep>("first");
  auto second = std::make_shared<NamedStep>("second");
  const detail::Pipeline pipeline(options_on(transport), "example", Chain{first, second});
  auto future = pipeline.call_async<int>(nullptr, encoded(), {Idempotency::kWrite}, {}, status_of);
  ASSERT_EQ(future.wait_for(10s), std::future_status::ready);
  auto out = future.get();
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_EQ(seen->steps.size(), 1U);
  EXPECT_EQ(seen->steps[0], (std::vector<std::string>{"first", "second"}));
}

TEST(PipelineChain, AFailingStepEndsTheCallBeforeAnythingIsSent) {
  std::atomic<int> sent{0};
  auto transport = std::make_shared<test::ScriptedTransport>([&sent](const http::Request&) {
    ++sent;
    return test::json_response(200, "{}");
  });
  auto after = std::make_shared<NamedStep>("after");
  const detail::Pipeline pipeline(options_on(transport), "example", Chain{std::make_shared<FailingStep>(), after});
  auto out = pipeline.call<int>(encoded(), {Idempotency::kIdempotent}, {}, status_of);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::kInternal);
  EXPECT_EQ(out.error().delivery, Delivery::kNotSent);
  EXPECT_EQ(out.error().attempts, 0);
  EXPECT_EQ(sent, 0);
  EXPECT_EQ(after->applied, 0);  // the steps after a failure are not run
}

TEST(PipelineChain, RouteWithoutAuthorizationSkipsTheSteps) {
  auto seen = std::make_shared<Seen>();
  auto transport = std::make_shared<test::ScriptedTransport>([seen](const http::Request& r) {
    seen->record(r);
    return test::json_response(200, "{}");
  });
  auto step = std::make_shared<NamedStep>("step");
  const detail::Pipeline pipeline(options_on(transport), "example", Chain{step});
  auto out = pipeline.call<int>(encoded(), {Idempotency::kIdempotent, false}, {}, status_of);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(step->applied, 0);
  ASSERT_EQ(seen->steps.size(), 1U);
  EXPECT_TRUE(seen->steps[0].empty());
}

TEST(PipelineChain, A401AsksEveryStepToForgetAndResendsOnlyAReadOnce) {
  for (const auto idempotency : {Idempotency::kIdempotent, Idempotency::kWrite}) {
    std::atomic<int> sent{0};
    auto transport = std::make_shared<test::ScriptedTransport>([&sent](const http::Request&) {
      return ++sent == 1 ? test::json_response(401, "{}") : test::json_response(200, "{}");
    });
    auto plain = std::make_shared<NamedStep>("plain");
    auto bearer = std::make_shared<NamedStep>("bearer", true);
    const detail::Pipeline pipeline(options_on(transport), "example", Chain{plain, bearer});
    auto out = pipeline.call<int>(encoded(), {idempotency}, {}, status_of);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(plain->reauthentications, 1);
    EXPECT_EQ(bearer->reauthentications, 1);
    EXPECT_EQ(bearer->rejected_value, "plain");  // the refused attempt, as sent (first x-step header)
    if (idempotency == Idempotency::kIdempotent) {
      EXPECT_EQ(*out, 200);
      EXPECT_EQ(sent, 2);
      EXPECT_EQ(bearer->applied, 2);
    } else {
      EXPECT_EQ(*out, 401);  // a write is never resent after a 401 (ADR 0031)
      EXPECT_EQ(sent, 1);
    }
  }
}

// The token step needs nothing above it: given the protocol, it logs in through the client's
// transport itself and puts the token on the attempt (no connection, no caller's pipeline).
TEST(PipelineChain, TheTokenStepSendsItsOwnLogin) {
  auto seen_paths = std::make_shared<std::vector<std::string>>();
  auto mu = std::make_shared<std::mutex>();
  auto transport = std::make_shared<test::ScriptedTransport>([seen_paths, mu](const http::Request& r) {
    std::lock_guard<std::mutex> lock(*mu);
    seen_paths->push_back(test::path_of(r.url));
    EXPECT_EQ(http::find_header(r.headers, "Authorization"), nullptr);  // the login carries no token
    return test::json_response(200, R"({"access_token":"tok-1","refresh_token":"ref-1","expires_in":3600})");
  });
  tconnect::Config config = test::tconnect_config(transport);
  auto base_url = detail::check_connection_settings(config.base_url, "", config);  // fills the seams
  ASSERT_TRUE(base_url.ok());
  auto key = tconnect::detail::decode_key(config.aes_key, config.aes_key_format);
  ASSERT_TRUE(key.ok());
  auto protocol = std::make_shared<const tconnect::detail::TconnectProtocol>(std::move(config), std::move(*base_url),
                                                                             std::move(*key));
  auto step = std::make_shared<tconnect::detail::TokenCache>(protocol);
  for (const Mode mode : {Mode::kBlocking, Mode::kAsync}) {
    http::Request attempt = encoded();
    CallLimits limits{std::nullopt, protocol->config().clock->now(), 10s};
    std::promise<Result<void>> applied;
    step->apply(attempt, limits, mode, [&applied](Result<void> ok) { applied.set_value(std::move(ok)); });
    auto future = applied.get_future();
    ASSERT_EQ(future.wait_for(10s), std::future_status::ready);
    ASSERT_TRUE(future.get().ok());
    const std::string* auth = http::find_header(attempt.headers, "Authorization");
    ASSERT_NE(auth, nullptr);
    EXPECT_EQ(*auth, "Bearer tok-1");
  }
  std::lock_guard<std::mutex> lock(*mu);
  ASSERT_EQ(seen_paths->size(), 1U);  // one login, then the cached token
  EXPECT_EQ((*seen_paths)[0], protocol->config().paths.login);
}

}  // namespace

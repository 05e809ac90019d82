// SPDX-License-Identifier: MIT
// The callback form of the `_async` calls (issue 22, item 5; ADR 0042), through the real libcurl
// transport against the FaultServer:
//   - every row of the client table (tests/support/client_calls.hpp) completes into its
//     Completion with the outcome its future form gives, sending the same requests;
//   - 1000 calls in flight at once complete, each exactly once, without a thread each;
//   - a Completion that throws is caught and logged, inline or on the transport's thread.
#include <paygw/paygw.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "../support/client_calls.hpp"
#include "fault_server.hpp"

namespace {

using namespace paygw;
using namespace std::chrono_literals;
using calls::Call;
using calls::Outcome;
using test::Fault;
using test::FaultServer;
using test::ReceivedRequest;

const std::string kLogin = "/openapi/v1/auth/login";
const std::string kTingeeOk = R"({"code":"00","message":"Success"})";

std::string body_for(const ReceivedRequest& r) {
  return r.path() == kLogin ? std::string(R"({"access_token":"token-1","expires_in":3600})")
                            : std::string(R"({"ok":true})");
}

// The threads of this process (Linux: /proc/self/task).
int threads() {
  int n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) ++n;
  return n;
}

TEST(ClientCallback, EveryRowCompletesAsItsFutureFormDoes) {
  for (const Call& op : calls::calls()) {
    SCOPED_TRACE(op.name);
    ASSERT_TRUE(op.callback) << "a row without its callback form";
    FaultServer server([](const ReceivedRequest&) { return Fault::kAnswer; }, body_for);
    auto transport = *http::make_curl_transport();
    // Two sets of clients, so that neither form finds a token the other fetched.
    auto for_future = calls::make_clients(server.url(""), transport);
    auto for_callback = calls::make_clients(server.url(""), transport);
    ASSERT_TRUE(for_future.ok() && for_callback.ok());

    const Outcome future_form = op.call(*for_future, true);
    const int sent = server.receipts_for_path(op.path);
    const Outcome callback_form = op.callback(*for_callback);

    EXPECT_GE(sent, 1);
    EXPECT_EQ(server.receipts_for_path(op.path), 2 * sent) << "the callback form sends what the future form sends";
    EXPECT_EQ(callback_form.ok, future_form.ok);
    EXPECT_EQ(callback_form.text(), future_form.text());
  }
}

// What 1000 completions saw; shared with them, so it outlives the test body whatever happens.
struct Tally {
  explicit Tally(int n) : calls(static_cast<std::size_t>(n)) {}
  std::vector<std::atomic<int>> calls;  // how often each call's Completion ran
  std::atomic<int> done{0};
  std::atomic<int> ok{0};
  std::atomic<int> peak_threads{0};
  std::promise<void> all;

  void saw_threads(int n) {
    int peak = peak_threads.load();
    while (n > peak && !peak_threads.compare_exchange_weak(peak, n)) {
    }
  }
};

TEST(ClientCallback, AThousandCallsInFlightCompleteWithoutAThreadEach) {
  constexpr int kCalls = 1000;
  FaultServer server([](const ReceivedRequest&) { return Fault::kAnswer; },
                     [](const ReceivedRequest&) { return kTingeeOk; });
  auto transport = *http::make_curl_transport();
  auto client = tingee::Client::create(calls::tingee_config(server.url(""), transport));
  ASSERT_TRUE(client.ok());
  ASSERT_TRUE(client->read_security_code({"DEVICE-001", {}}).ok());  // the transport's threads exist now

  const int before = threads();
  auto tally = std::make_shared<Tally>(kCalls);
  auto finished = tally->all.get_future();
  for (int i = 0; i < kCalls; ++i) {
    client->read_security_code_async({"DEVICE-001", {}}, [tally, i](Result<tingee::Ack> r) {
      tally->calls[static_cast<std::size_t>(i)]++;
      if (r.ok()) tally->ok++;
      tally->saw_threads(threads());
      if (++tally->done == kCalls) tally->all.set_value();
    });
  }
  tally->saw_threads(threads());  // every call issued, most still in flight

  ASSERT_EQ(finished.wait_for(120s), std::future_status::ready) << tally->done << " of " << kCalls << " completed";
  EXPECT_EQ(tally->ok, kCalls);
  EXPECT_TRUE(std::all_of(tally->calls.begin(), tally->calls.end(), [](const auto& n) { return n == 1; }))
      << "every Completion runs exactly once";
  // A thread per call would be 1000 more; the transport and timer use a handful.
  EXPECT_LT(tally->peak_threads, before + 16) << "threads before: " << before;
  EXPECT_EQ(server.receipts_for_path("/v1/device/read-security-code"), kCalls + 1);
}

TEST(ClientCallback, AThrowingCompletionIsCaughtAndLogged) {
  FaultServer server([](const ReceivedRequest&) { return Fault::kAnswer; },
                     [](const ReceivedRequest&) { return kTingeeOk; });
  auto transport = *http::make_curl_transport();
  auto config = calls::tingee_config(server.url(""), transport);
  struct Lines {
    std::mutex mu;
    std::vector<std::string> lines;
    std::promise<void> logged;
  };
  auto lines = std::make_shared<Lines>();
  config.logger.level = LogLevel::kError;
  config.logger.sink = [lines](LogLevel, std::string_view line) {
    std::lock_guard<std::mutex> lock(lines->mu);
    lines->lines.emplace_back(line);
    if (lines->lines.size() == 2) lines->logged.set_value();
  };
  auto client = tingee::Client::create(config);
  ASSERT_TRUE(client.ok());
  auto logged = lines->logged.get_future();

  // Inline: an invalid request ends before anything is sent, on this thread.
  bool ran_inline = false;
  EXPECT_NO_THROW(client->read_security_code_async({"", {}}, [&ran_inline](Result<tingee::Ack> r) {
    ran_inline = true;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    throw std::runtime_error("the merchant's bug");
  }));
  EXPECT_TRUE(ran_inline);
  // On the transport's thread.
  client->read_security_code_async({"DEVICE-001", {}},
                                   [](Result<tingee::Ack>) { throw std::runtime_error("the merchant's bug"); });
  ASSERT_EQ(logged.wait_for(60s), std::future_status::ready);
  {
    std::lock_guard<std::mutex> lock(lines->mu);
    for (const auto& line : lines->lines) EXPECT_NE(line.find("Completion threw"), std::string::npos) << line;
  }
  // The client (and its transport thread) carry on.
  EXPECT_TRUE(client->read_security_code_async({"DEVICE-001", {}}).get().ok());
}

}  // namespace

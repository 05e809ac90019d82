// SPDX-License-Identifier: MIT
// send_async beyond CurlOptions::max_async_connections: a request waiting for a free connection
// is bounded by its own timeout and cancel flag, and one whose time ran out (or that was
// cancelled) while it waited is never sent (issue 21, item 2: "every wait … pool"). libcurl's own
// queue neither times out nor cancels a waiting transfer, and starts its timeout only when the
// transfer leaves the queue: the second request below reached the server ~3 s after its 500 ms
// deadline.
#include <paygw/paygw.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "fault_server.hpp"

namespace {

using namespace paygw;
using namespace std::chrono_literals;
using test::Fault;
using test::FaultServer;

http::Request write(const std::string& url, std::chrono::milliseconds timeout) {
  return {http::Method::kPost, url, {{"Content-Type", "application/json"}}, R"({"amount":150000})", timeout, {}};
}

std::future<Result<http::Response>> send_async(http::Transport& t, http::Request r) {
  auto done = std::make_shared<std::promise<Result<http::Response>>>();
  auto future = done->get_future();
  t.send_async(std::move(r), [done](Result<http::Response> result) { done->set_value(std::move(result)); });
  return future;
}

std::shared_ptr<http::Transport> one_connection() {
  http::CurlOptions options;
  options.max_async_connections = 1;
  return *http::make_curl_transport(options);
}

TEST(CurlPoolWait, ARequestOutOfTimeWhileWaitingForAConnectionIsNeverSent) {
  FaultServer server(
      [](const test::ReceivedRequest& r) { return r.target == "/busy" ? Fault::kSilence : Fault::kAnswer; });
  auto transport = one_connection();
  auto busy = send_async(*transport, write(server.url("/busy"), 3s));  // holds the one connection
  std::this_thread::sleep_for(200ms);
  const auto start = std::chrono::steady_clock::now();
  auto waiting = send_async(*transport, write(server.url("/pay"), 500ms));
  const auto r = waiting.get();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout) << describe(r.error());
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent) << describe(r.error());
  EXPECT_LT(elapsed, 2s);         // its own 500 ms, generously; not the busy request's 3 s
  EXPECT_FALSE(busy.get().ok());  // the silent server: a timeout
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(server.receipts_for_path("/pay"), 0);
}

TEST(CurlPoolWait, ACancelWhileWaitingForAConnectionEndsTheRequestUnsent) {
  FaultServer server(
      [](const test::ReceivedRequest& r) { return r.target == "/busy" ? Fault::kSilence : Fault::kAnswer; });
  auto transport = one_connection();
  auto busy = send_async(*transport, write(server.url("/busy"), 3s));
  std::this_thread::sleep_for(200ms);
  CancelToken cancel;
  auto request = write(server.url("/pay"), 10s);
  request.cancel = cancel;
  const auto start = std::chrono::steady_clock::now();
  auto waiting = send_async(*transport, std::move(request));
  std::this_thread::sleep_for(300ms);
  cancel.cancel();
  const auto r = waiting.get();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kCancelled) << describe(r.error());
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent) << describe(r.error());
  EXPECT_LT(elapsed, 2s);
  EXPECT_FALSE(busy.get().ok());
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(server.receipts_for_path("/pay"), 0);
}

TEST(CurlPoolWait, AWaitingRequestIsSentWhenAConnectionFreesWithinItsTime) {
  FaultServer server(
      [](const test::ReceivedRequest& r) { return r.target == "/late" ? Fault::kAnswerLate : Fault::kAnswer; });
  auto transport = one_connection();
  auto first = send_async(*transport, write(server.url("/late"), 5s));  // answered after 200 ms
  auto second = send_async(*transport, write(server.url("/pay"), 5s));
  ASSERT_TRUE(first.get().ok());
  const auto r = second.get();
  ASSERT_TRUE(r.ok()) << describe(r.error());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(server.receipts_for_path("/pay"), 1);
}

}  // namespace

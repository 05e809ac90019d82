// Every client operation (tingee, tconnect, charging; blocking and async forms) through the real
// libcurl transport against the FaultServer, which drops or garbles the operation's request on a
// kept-alive connection. A write must reach the server exactly once and fail kMaybeSent after one
// attempt; a read is retried by the executor, and reaches the server exactly once per counted
// attempt. The table has one row per call; each row runs the blocking and the _async form.
#include <paygw/paygw.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "client_operations.hpp"
#include "fault_server.hpp"

namespace {

using namespace paygw;
using namespace std::chrono_literals;
using test::Fault;
using test::FaultServer;
using namespace test::client_operations;

// The server answers the warm-up request (the first of a kept-alive connection) and TConnect's
// login with a fixed token; every other request gets `fault`.
void expect_each_operation_received_once_per_attempt(Fault fault) {
  std::size_t calls = 0;
  for (const Operation& op : operations()) {
    for (bool async : {false, true}) {
      SCOPED_TRACE(std::string(op.name) + (async ? " (async)" : ""));
      FaultServer server(
          [fault](const test::ReceivedRequest& r) {
            return r.path() == "/warm-up" || r.path() == kLogin ? Fault::kAnswer : fault;
          },
          [](const test::ReceivedRequest& r) {
            return r.path() == kLogin ? std::string(R"({"access_token":"token-1","expires_in":3600})")
                                      : std::string(R"({"ok":true})");
          });
      auto transport = *http::make_curl_transport();
      const http::Request warm_up{http::Method::kGet, server.url("/warm-up"), {}, "", 5s, {}};
      if (async) {
        std::promise<Result<http::Response>> done;
        transport->send_async(warm_up, [&done](Result<http::Response> r) { done.set_value(std::move(r)); });
        ASSERT_TRUE(done.get_future().get().ok());
      } else {
        ASSERT_TRUE(transport->send(warm_up).ok());
      }
      const Outcome o = op.call(clients(server.url(""), transport), async);
      ++calls;
      ASSERT_FALSE(o.ok) << "the server never answered this call";
      const int attempts = op.write ? 1 : RetryPolicy{}.max_attempts;
      EXPECT_EQ(server.receipts_for_path(op.path), attempts) << describe(o.error);
      EXPECT_EQ(o.error.attempts, attempts) << describe(o.error);
      EXPECT_EQ(o.error.code, ErrorCode::kNetwork) << describe(o.error);
      EXPECT_EQ(o.error.delivery, Delivery::kMaybeSent) << describe(o.error);
      EXPECT_EQ(o.error.http_status, 0);
      EXPECT_TRUE(o.error.outcome_unknown());
    }
  }
  EXPECT_EQ(calls, 2 * operations().size());
  EXPECT_EQ(operations().size(), 32u) << "every public call (but authenticate) has a row";
}

TEST(ClientReceipts, RequestReadThenConnectionClosedWithFin) {
  expect_each_operation_received_once_per_attempt(Fault::kCloseFin);
}

TEST(ClientReceipts, RequestReadThenConnectionReset) {
  expect_each_operation_received_once_per_attempt(Fault::kCloseRst);
}

TEST(ClientReceipts, Http09Reply) { expect_each_operation_received_once_per_attempt(Fault::kHttp09); }

}  // namespace

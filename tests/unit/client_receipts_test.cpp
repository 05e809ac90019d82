// SPDX-License-Identifier: MIT
// Every client operation (tingee, tconnect, charging; blocking and async forms) through the real
// libcurl transport against the FaultServer, which drops or garbles the operation's request on a
// kept-alive connection. A write must reach the server exactly once and fail kMaybeSent after one
// attempt; a read is retried by the pipeline, and reaches the server exactly once per counted
// attempt. The table (tests/support/client_calls.hpp) has one row per call; each row runs the
// blocking and the _async form.
#include <paygw/paygw.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
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

const std::string kLogin = "/openapi/v1/auth/login";

// The server answers the warm-up request (the first of a kept-alive connection) and TConnect's
// login with a fixed token (unless the login is the call under test); every other request gets
// `fault`.
void expect_each_operation_received_once_per_attempt(Fault fault) {
  std::size_t runs = 0;
  for (const Call& op : calls::calls()) {
    for (bool async : {false, true}) {
      SCOPED_TRACE(std::string(op.name) + (async ? " (async)" : ""));
      FaultServer server(
          [fault, &op](const test::ReceivedRequest& r) {
            const bool setup = r.path() == "/warm-up" || (r.path() == kLogin && op.path != kLogin);
            return setup ? Fault::kAnswer : fault;
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
      auto clients = calls::make_clients(server.url(""), transport);
      ASSERT_TRUE(clients.ok()) << describe(clients.error());
      const Outcome o = op.call(*clients, async);
      ++runs;
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
  EXPECT_EQ(runs, 2 * calls::calls().size());
  EXPECT_EQ(calls::calls().size(), 82u) << "every public call has a row (charging: in each encoding)";
}

TEST(ClientReceipts, RequestReadThenConnectionClosedWithFin) {
  expect_each_operation_received_once_per_attempt(Fault::kCloseFin);
}

TEST(ClientReceipts, RequestReadThenConnectionReset) {
  expect_each_operation_received_once_per_attempt(Fault::kCloseRst);
}

TEST(ClientReceipts, Http09Reply) { expect_each_operation_received_once_per_attempt(Fault::kHttp09); }

}  // namespace

// SPDX-License-Identifier: MIT
// Kept-alive connections that die under a request, through the real libcurl transport: libcurl's
// own resend is let through only when no request byte was written, and refused (on a new
// connection and on another kept-alive one) once a byte may have been.
#include <paygw/http/curl_transport.hpp>

#include <gtest/gtest.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "fault_server.hpp"
#include "http/curl_transport_detail.hpp"

namespace {

using namespace paygw;
using namespace std::chrono_literals;
using test::Fault;
using test::FaultServer;

Result<http::Response> exchange(http::Transport& t, const http::Request& r, bool async) {
  if (!async) return t.send(r);
  std::promise<Result<http::Response>> done;
  auto future = done.get_future();
  t.send_async(r, [&done](Result<http::Response> result) { done.set_value(std::move(result)); });
  return future.get();
}

http::Request request(const FaultServer& server, http::Method method, const std::string& id) {
  http::Request r{method, server.url("/v1/pay"), {{"X-Test-Id", id}}, "", 5s, {}};
  if (method == http::Method::kPost) r.body = R"({"amount":150000})";
  return r;
}

struct Case {
  http::Method method;
  bool async;
};
const Case kCases[] = {{http::Method::kPost, false},  {http::Method::kPost, true}, {http::Method::kDelete, false},
                       {http::Method::kDelete, true}, {http::Method::kGet, false}, {http::Method::kGet, true}};

std::string name(const Case& c) { return std::string(http::to_string(c.method)) + (c.async ? "-async" : "-sync"); }

// The keep-alive race itself: the connection dies between libcurl's liveness check and the first
// byte of the request (staged by shutting down the socket's sending side just before libcurl
// writes). libcurl's send fails with nothing written, and its own resend on a new connection is
// safe, so it is let through: the request arrives once and succeeds.
TEST(CurlKeepAlive, ConnectionDeadBeforeTheFirstByteIsResentOnceOnANewConnection) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(name(c));
    FaultServer server(test::fault_on_request(Fault::kAnswer, 1));
    std::atomic<bool> armed{false};
    detail::CurlHooks hooks;
    hooks.before_send_on_reused_connection = [&armed](curl_socket_t fd) {
      if (armed.exchange(false)) ::shutdown(fd, SHUT_WR);
    };
    auto t = detail::make_curl_transport({}, hooks);
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(exchange(**t, request(server, c.method, "warm-up"), c.async).ok());
    armed = true;
    auto r = exchange(**t, request(server, c.method, "race"), c.async);
    ASSERT_TRUE(r.ok()) << describe(r.error());
    EXPECT_EQ(r->status, 200);
    EXPECT_FALSE(armed.load()) << "the hook did not run: the request did not go out on the kept-alive connection";
    EXPECT_EQ(server.receipts("race"), 1);
    EXPECT_EQ(server.connections_accepted(), 2);
  }
}

// Over kMaxProvablyUnsentRequestBytes (16 KiB) a zero byte count proves nothing (a TLS write can be
// partly on the wire while libcurl counts none), so even the keep-alive race is not resent: the
// request fails kMaybeSent and reaches the server at most once.
TEST(CurlKeepAlive, ALongRequestIsNotResentEvenWhenNothingWasCounted) {
  FaultServer server(test::fault_on_request(Fault::kAnswer, 1));
  std::atomic<bool> armed{false};
  detail::CurlHooks hooks;
  hooks.before_send_on_reused_connection = [&armed](curl_socket_t fd) {
    if (armed.exchange(false)) ::shutdown(fd, SHUT_WR);
  };
  auto t = detail::make_curl_transport({}, hooks);
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->send(request(server, http::Method::kPost, "warm-up")).ok());
  http::Request big = request(server, http::Method::kPost, "big");
  big.body = "{\"note\":\"" + std::string(20000, 'x') + "\"}";
  armed = true;
  auto r = (*t)->send(big);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNetwork) << describe(r.error());
  EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent);
  EXPECT_LE(server.receipts("big"), 1);
  EXPECT_EQ(server.connections_accepted(), 1) << "no connection opened for a resend";
}

// A request the server read and then dropped: libcurl's resend would need a new connection, which
// is not even opened.
TEST(CurlKeepAlive, NoNewConnectionIsOpenedForAResendOfAWrittenRequest) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(name(c));
    FaultServer server(test::fault_on_request(Fault::kCloseFin, 2));
    auto t = *http::make_curl_transport();
    ASSERT_TRUE(exchange(*t, request(server, c.method, "warm-up"), c.async).ok());
    auto r = exchange(*t, request(server, c.method, "dropped"), c.async);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kNetwork);
    EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent);
    EXPECT_EQ(server.receipts("dropped"), 1);
    EXPECT_EQ(server.connections_accepted(), 1);
  }
}

// The async worker keeps several idle connections to one host: when the request dies on one,
// libcurl's resend would go out on another kept-alive connection. The pre-request check refuses it.
TEST(CurlKeepAlive, ResendOnAnotherKeptAliveConnectionIsRefused) {
  for (http::Method method : {http::Method::kPost, http::Method::kDelete, http::Method::kGet}) {
    SCOPED_TRACE(std::string(http::to_string(method)));
    FaultServer server([](const test::ReceivedRequest& r) {
      if (r.header("X-Test-Id").rfind("warm-", 0) == 0) return Fault::kAnswerLate;
      return r.index_on_connection == 2 ? Fault::kCloseFin : Fault::kAnswer;
    });
    auto t = *http::make_curl_transport();
    std::vector<std::future<Result<http::Response>>> warm;
    for (int i = 0; i < 2; ++i) {  // two at once, answered late: two connections
      auto done = std::make_shared<std::promise<Result<http::Response>>>();
      warm.push_back(done->get_future());
      t->send_async(request(server, method, "warm-" + std::to_string(i)),
                    [done](Result<http::Response> r) { done->set_value(std::move(r)); });
    }
    for (auto& f : warm) ASSERT_TRUE(f.get().ok());
    ASSERT_EQ(server.connections_accepted(), 2) << "the warm-up did not leave two idle connections";
    auto r = exchange(*t, request(server, method, "dropped"), true);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kNetwork) << describe(r.error());
    EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent);
    EXPECT_EQ(server.receipts("dropped"), 1);
  }
}

}  // namespace

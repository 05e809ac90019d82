// SPDX-License-Identifier: MIT
// What a failure says when nothing of the request left the machine, or when the answer is too
// large to read (issue 21, item 6), through the real libcurl transport, send() and send_async():
//   - through an HTTP proxy to an https:// URL, a refused CONNECT and a certificate nobody
//     trusts at the end of the tunnel are kNotSent (libcurl's counters include the CONNECT
//     exchange, which made them kMaybeSent), for the transport and for a write of every provider;
//   - a response header line over libcurl's 100 KiB limit is kResponseTooLarge, kMaybeSent (it
//     was "internal: Out of memory").
#include <paygw/paygw.hpp>

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "../support/client_calls.hpp"
#include "fault_server.hpp"

namespace {

using namespace paygw;
using namespace std::chrono_literals;
using calls::Call;
using calls::Outcome;
using test::ConnectProxy;
using test::Fault;
using test::FaultServer;

Result<http::Response> exchange(http::Transport& t, const http::Request& r, bool async) {
  if (!async) return t.send(r);
  std::promise<Result<http::Response>> done;
  auto future = done.get_future();
  t.send_async(r, [&done](Result<http::Response> result) { done.set_value(std::move(result)); });
  return future.get();
}

std::shared_ptr<http::Transport> through(const ConnectProxy& proxy) {
  http::CurlOptions options;
  options.proxy = proxy.url();
  return *http::make_curl_transport(options);
}

// A host only the proxy can reach: loopback hosts are never proxied (ADR 0004, Proxies), and the
// test proxy tunnels every CONNECT to its own loopback target whatever host it names.
constexpr const char* kBehindProxy = "https://gateway.invalid";

http::Request payment(const std::string& url) {
  return {http::Method::kPost, url, {{"Content-Type", "application/json"}}, R"({"amount":150000})", 5s, {}};
}

TEST(CurlProxy, ARefusedConnectSentNothing) {
  ConnectProxy proxy(0);
  auto transport = through(proxy);
  for (bool async : {false, true}) {
    SCOPED_TRACE(async ? "send_async" : "send");
    const auto r = exchange(*transport, payment(std::string(kBehindProxy) + ":9/v1/pay"), async);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().delivery, Delivery::kNotSent) << describe(r.error());
    EXPECT_EQ(r.error().code, ErrorCode::kConnect) << describe(r.error());
  }
  EXPECT_EQ(proxy.connects(), 2);
}

TEST(CurlProxy, AnUntrustedCertificateBehindTheProxySentNothing) {
  const std::string cert = std::string(PAYGW_FIXTURE_DIR) + "/tls/cert.pem";
  const std::string key = std::string(PAYGW_FIXTURE_DIR) + "/tls/key.pem";
  httplib::SSLServer server(cert.c_str(), key.c_str());
  ASSERT_TRUE(server.is_valid());
  int handled = 0;
  server.Post("/v1/pay", [&](const httplib::Request&, httplib::Response& res) {
    ++handled;
    res.set_content("{}", "application/json");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(1ms);
  {
    ConnectProxy proxy(port);
    auto transport = through(proxy);
    for (bool async : {false, true}) {
      SCOPED_TRACE(async ? "send_async" : "send");
      const auto r =
          exchange(*transport, payment(std::string(kBehindProxy) + ":" + std::to_string(port) + "/v1/pay"), async);
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, ErrorCode::kTls) << describe(r.error());
      EXPECT_EQ(r.error().delivery, Delivery::kNotSent) << describe(r.error());
    }
    EXPECT_EQ(proxy.connects(), 2);
  }
  server.stop();
  thread.join();
  EXPECT_EQ(handled, 0);
}

// Every write of every provider behind a proxy that refuses the tunnel: certainly not sent, so
// safe to send again (the pipeline retries a connect failure: each attempt is one CONNECT).
TEST(CurlProxy, EveryWriteBehindARefusingProxyIsNotSent) {
  ConnectProxy proxy(0);
  auto transport = through(proxy);
  auto clients = calls::make_clients(std::string(kBehindProxy) + ":9", transport);
  ASSERT_TRUE(clients.ok()) << describe(clients.error());
  for (const Call& op : calls::calls()) {
    if (!op.write) continue;
    for (bool async : {false, true}) {
      SCOPED_TRACE(std::string(op.name) + (async ? " (async)" : ""));
      const Outcome o = op.call(*clients, async);
      ASSERT_FALSE(o.ok);
      EXPECT_EQ(o.error.delivery, Delivery::kNotSent) << o.text();
      EXPECT_FALSE(o.error.outcome_unknown());
    }
  }
}

TEST(CurlHeaders, AHeaderLineOverLibcurlsLimitIsResponseTooLarge) {
  FaultServer server([](const test::ReceivedRequest&) { return Fault::kRaw; });
  server.set_raw_responder([](const test::ReceivedRequest&) {
    return "HTTP/1.1 200 OK\r\nX-Huge: " + std::string(150 * 1024, 'h') + "\r\nContent-Length: 2\r\n\r\n{}";
  });
  auto transport = *http::make_curl_transport();
  for (bool async : {false, true}) {
    SCOPED_TRACE(async ? "send_async" : "send");
    const auto r = exchange(*transport, payment(server.url("/v1/pay")), async);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kResponseTooLarge) << describe(r.error());
    EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent) << describe(r.error());
  }
  EXPECT_EQ(server.receipts_for_path("/v1/pay"), 2);
}

}  // namespace

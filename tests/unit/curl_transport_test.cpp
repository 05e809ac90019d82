// SPDX-License-Identifier: MIT
// The libcurl transport against a real HTTP server on 127.0.0.1 (cpp-httplib).
#include <paygw/http/curl_transport.hpp>
#include <paygw/version.hpp>

#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <set>
#include <thread>
#include <vector>

namespace {

using namespace paygw;
using namespace std::chrono_literals;

class LocalServer {
 public:
  LocalServer() {
    server_.Get("/echo", [this](const httplib::Request& req, httplib::Response& res) { echo(req, res); });
    server_.Post("/echo", [this](const httplib::Request& req, httplib::Response& res) { echo(req, res); });
    server_.Put("/echo", [this](const httplib::Request& req, httplib::Response& res) { echo(req, res); });
    server_.Delete("/echo", [this](const httplib::Request& req, httplib::Response& res) { echo(req, res); });
    server_.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(5000, 'x'), "text/plain");
    });
    server_.Get("/slow", [](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(1500ms);
      res.set_content("late", "text/plain");
    });
    server_.Get("/redirect", [](const httplib::Request&, httplib::Response& res) {
      res.status = 302;
      res.set_header("Location", "/echo");
    });
    server_.Get("/status/503", [](const httplib::Request&, httplib::Response& res) {
      res.status = 503;
      res.set_header("Retry-After", "2");
      res.set_content(R"({"message":"busy"})", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(1ms);
  }
  ~LocalServer() {
    server_.stop();
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int port() const { return port_; }
  std::set<int> client_ports() {
    std::lock_guard<std::mutex> lock(mu_);
    return client_ports_;
  }

 private:
  void echo(const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      client_ports_.insert(req.remote_port);
    }
    std::string out = req.method + "\n" + req.body + "\n";
    out += "expect=" + (req.has_header("Expect") ? req.get_header_value("Expect") : std::string("<none>")) + "\n";
    out += "ua=" + req.get_header_value("User-Agent") + "\n";
    out += "x-test=" + req.get_header_value("X-Test") + "\n";
    res.set_header("X-Reply", "yes");
    res.set_content(out, "text/plain");
  }

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mu_;
  std::set<int> client_ports_;
};

std::shared_ptr<http::Transport> transport(http::CurlOptions options = {}) {
  auto t = http::make_curl_transport(std::move(options));
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  return *t;
}

int unused_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);  // nothing listens on it now
  return ntohs(addr.sin_port);
}

TEST(CurlTransport, SendsMethodBodyHeadersAndReadsResponse) {
  LocalServer server;
  auto t = transport();
  const std::string body(4096, 'b');  // large enough that libcurl would add "Expect: 100-continue"
  auto r = t->send(
      {http::Method::kPost, server.url("/echo"), {{"X-Test", "1"}, {"Content-Type", "text/plain"}}, body, {}, {}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("POST\n" + body + "\n"), std::string::npos);
  EXPECT_NE(r->body.find("expect=<none>"), std::string::npos) << "an empty Expect: header must suppress 100-continue";
  EXPECT_NE(r->body.find(std::string("ua=paygw/") + PAYGW_VERSION_STRING), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("x-test=1"), std::string::npos);
  ASSERT_NE(http::find_header(r->headers, "x-reply"), nullptr);
  EXPECT_EQ(*http::find_header(r->headers, "x-reply"), "yes");

  for (auto method : {http::Method::kGet, http::Method::kPut, http::Method::kDelete}) {
    const std::string b = method == http::Method::kPut ? "put-body" : "";
    auto m = t->send({method, server.url("/echo"), {}, b, {}, {}});
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_EQ(m->body.rfind(std::string(http::to_string(method)) + "\n" + b + "\n", 0), 0u) << m->body;
  }
}

// A pooled handle keeps its header buffer and the URL it was given between requests: each request
// still goes out with exactly its own header lines and URL (long, then shorter, an empty value,
// the caller's own User-Agent, another path), nothing left over from the one before.
TEST(CurlTransport, EachRequestOnAReusedHandleCarriesItsOwnHeadersAndUrl) {
  LocalServer server;
  auto t = transport();
  const std::string long_value(300, 'x');
  auto a = t->send(
      {http::Method::kPost, server.url("/echo"), {{"X-Test", long_value}, {"User-Agent", "merchant/1"}}, "a", {}, {}});
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_NE(a->body.find("ua=merchant/1\n"), std::string::npos) << a->body;
  EXPECT_NE(a->body.find("x-test=" + long_value + "\n"), std::string::npos) << a->body;
  auto b = t->send({http::Method::kPost, server.url("/echo?second"), {{"X-Test", ""}}, "b", {}, {}});
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(b->body.rfind("POST\nb\n", 0), 0u) << b->body;
  EXPECT_NE(b->body.find(std::string("ua=paygw/") + PAYGW_VERSION_STRING + "\n"), std::string::npos) << b->body;
  EXPECT_NE(b->body.find("x-test=\n"), std::string::npos) << b->body;
  auto c = t->send({http::Method::kGet, server.url("/status/503"), {}, "", {}, {}});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->status, 503);
  auto d = t->send({http::Method::kPost, server.url("/echo"), {}, "d", {}, {}});
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->status, 200);
  EXPECT_EQ(d->body.rfind("POST\nd\n", 0), 0u) << d->body;
  EXPECT_NE(d->body.find("x-test=\n"), std::string::npos) << d->body;
  EXPECT_EQ(http::find_header(d->headers, "retry-after"), nullptr) << "no header of the previous answer";
  EXPECT_EQ(server.client_ports().size(), 1u) << "all on one kept-alive connection";
}

TEST(CurlTransport, ReusesConnections) {
  LocalServer server;
  auto t = transport();
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(t->send({http::Method::kGet, server.url("/echo"), {}, "", {}, {}}).ok());
  EXPECT_EQ(server.client_ports().size(), 1u) << "sequential requests should share one keep-alive connection";
}

TEST(CurlTransport, ErrorStatusesAreResponsesAndRedirectsAreNotFollowed) {
  LocalServer server;
  auto t = transport();
  auto busy = t->send({http::Method::kGet, server.url("/status/503"), {}, "", {}, {}});
  ASSERT_TRUE(busy.ok());
  EXPECT_EQ(busy->status, 503);
  EXPECT_EQ(*http::find_header(busy->headers, "retry-after"), "2");
  auto redirect = t->send({http::Method::kGet, server.url("/redirect"), {}, "", {}, {}});
  ASSERT_TRUE(redirect.ok());
  EXPECT_EQ(redirect->status, 302);
}

TEST(CurlTransport, ResponseSizeCap) {
  LocalServer server;
  http::CurlOptions options;
  options.max_response_bytes = 1000;
  auto t = transport(options);
  auto r = t->send({http::Method::kGet, server.url("/big"), {}, "", {}, {}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kResponseTooLarge);
  EXPECT_TRUE(r.error().maybe_sent());
  EXPECT_TRUE(t->send({http::Method::kGet, server.url("/echo"), {}, "", {}, {}}).ok()) << "transport usable afterwards";
}

TEST(CurlTransport, TimeoutAfterSendingIsMaybeSent) {
  LocalServer server;
  auto t = transport();
  auto r = t->send({http::Method::kGet, server.url("/slow"), {}, "", 300ms, {}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
  EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent);
}

TEST(CurlTransport, ConnectionRefusedIsNotSent) {
  auto t = transport();
  auto r = t->send({http::Method::kPost, "http://127.0.0.1:" + std::to_string(unused_port()) + "/x", {}, "{}", {}, {}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConnect);
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
}

TEST(CurlTransport, TlsHandshakeFailureIsNotSent) {
  LocalServer server;  // plain HTTP: a TLS client hello gets no TLS answer
  auto t = transport();
  auto r =
      t->send({http::Method::kPost, "https://127.0.0.1:" + std::to_string(server.port()) + "/echo", {}, "{}", 2s, {}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTls) << r.error().message;
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
}

TEST(CurlTransport, SelfSignedServerRefusedByDefaultAcceptedWithItsCaFile) {
  const std::string cert = std::string(PAYGW_FIXTURE_DIR) + "/tls/cert.pem";
  const std::string key = std::string(PAYGW_FIXTURE_DIR) + "/tls/key.pem";
  httplib::SSLServer server(cert.c_str(), key.c_str());
  ASSERT_TRUE(server.is_valid());
  server.Get("/hello", [](const httplib::Request&, httplib::Response& res) { res.set_content("hi", "text/plain"); });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(1ms);
  const std::string url = "https://127.0.0.1:" + std::to_string(port) + "/hello";

  auto strict = transport()->send({http::Method::kGet, url, {}, "", 5s, {}});
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.error().code, ErrorCode::kTls) << strict.error().message;
  EXPECT_EQ(strict.error().delivery, Delivery::kNotSent);

  http::CurlOptions trusting;
  trusting.ca_file = cert;
  auto ok = transport(trusting)->send({http::Method::kGet, url, {}, "", 5s, {}});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->body, "hi");

  server.stop();
  thread.join();
}

// A TLS server closes kept-alive connections idle for a second (close_notify, then FIN); the next
// requests (sync and async) must go out on new connections, never fail on the dead ones, and be
// processed once each. libcurl's own liveness check takes the waiting close_notify for live data;
// the transport's pre-request check sees it and sends on a new connection instead (without that
// check the request is written on the dead connection, and libcurl's resend of a written request
// is refused). The plain-HTTP forms of the race are in curl_keepalive_test.cpp and curl_fault_test.cpp.
TEST(CurlTransport, IdleConnectionsClosedByTheTlsServerAreNotReused) {
  const std::string cert = std::string(PAYGW_FIXTURE_DIR) + "/tls/cert.pem";
  const std::string key = std::string(PAYGW_FIXTURE_DIR) + "/tls/key.pem";
  httplib::SSLServer server(cert.c_str(), key.c_str());
  ASSERT_TRUE(server.is_valid());
  server.set_keep_alive_timeout(1);  // closes connections idle for a second
  std::atomic<int> handled{0};
  server.Post("/pay", [&](const httplib::Request&, httplib::Response& res) {
    ++handled;
    res.set_content("ok", "text/plain");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(1ms);
  const std::string url = "https://127.0.0.1:" + std::to_string(port) + "/pay";
  http::CurlOptions trusting;
  trusting.ca_file = cert;
  auto t = transport(trusting);
  for (int round = 0; round < 3; ++round) {
    auto sync = t->send({http::Method::kPost, url, {}, "{\"n\":1}", 5s, {}});
    ASSERT_TRUE(sync.ok()) << "round " << round << ": " << sync.error().message;
    std::promise<Result<http::Response>> done;
    t->send_async({http::Method::kPost, url, {}, "{\"n\":2}", 5s, {}},
                  [&done](Result<http::Response> r) { done.set_value(std::move(r)); });
    auto async = done.get_future().get();
    ASSERT_TRUE(async.ok()) << "round " << round << " (async): " << async.error().message;
    std::this_thread::sleep_for(1500ms);  // let the server close both idle connections
  }
  EXPECT_EQ(handled.load(), 6) << "each request processed exactly once";
  server.stop();
  thread.join();
}

TEST(CurlTransport, OnlyHttpAndHttps) {
  auto t = transport();
  auto r = t->send({http::Method::kGet, "file:///etc/passwd", {}, "", {}, {}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
}

TEST(CurlTransport, ConcurrentSendsShareOnePool) {
  LocalServer server;
  auto t = transport();
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < 10; ++j) {
        auto r = t->send({http::Method::kPost, server.url("/echo"), {}, std::to_string(i * 100 + j), {}, {}});
        if (r.ok() && r->body.find("\n" + std::to_string(i * 100 + j) + "\n") != std::string::npos) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 80);
}

TEST(CurlTransport, SendAsyncGivesWhatSendGives) {
  LocalServer server;
  auto t = transport();
  std::vector<std::future<Result<http::Response>>> pending;
  for (int i = 0; i < 50; ++i) {
    auto promise = std::make_shared<std::promise<Result<http::Response>>>();
    pending.push_back(promise->get_future());
    t->send_async({http::Method::kPost, server.url("/echo"), {}, "async-" + std::to_string(i), {}, {}},
                  [promise](Result<http::Response> r) { promise->set_value(std::move(r)); });
  }
  for (int i = 0; i < 50; ++i) {
    auto r = pending[static_cast<std::size_t>(i)].get();
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("\nasync-" + std::to_string(i) + "\n"), std::string::npos);
  }
  auto refused = std::make_shared<std::promise<Result<http::Response>>>();
  t->send_async({http::Method::kGet, "http://127.0.0.1:" + std::to_string(unused_port()) + "/", {}, "", {}, {}},
                [refused](Result<http::Response> r) { refused->set_value(std::move(r)); });
  auto r = refused->get_future().get();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConnect);
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
}

// A client object captured by its own completion (a common pattern) can make the completion hold
// the last reference: the transport is then destroyed on its own worker thread, which must neither
// join itself (std::terminate) nor free state the worker still uses (ASan run).
TEST(CurlTransport, LastReferenceDroppedInsideACompletion) {
  LocalServer server;
  auto t = transport();
  std::weak_ptr<http::Transport> watch = t;
  std::promise<int> status;
  t->send_async({http::Method::kGet, server.url("/echo"), {}, "", {}, {}},
                [keep = t, &status](Result<http::Response> r) { status.set_value(r.ok() ? r->status : -1); });
  t.reset();
  EXPECT_EQ(status.get_future().get(), 200);
  for (int i = 0; i < 500 && !watch.expired(); ++i) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(watch.expired());
}

TEST(CurlTransport, CancelAbortsAnExchangeInFlight) {
  LocalServer server;
  auto t = transport();
  http::Request slow{http::Method::kGet, server.url("/slow"), {}, "", 10s, CancelToken()};
  std::thread canceller([token = *slow.cancel] {
    std::this_thread::sleep_for(200ms);
    token.cancel();
  });
  auto r = t->send(slow);
  canceller.join();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kCancelled);
  EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent);  // the request had been written

  http::Request early{http::Method::kGet, server.url("/echo"), {}, "", {}, CancelToken()};
  early.cancel->cancel();
  auto before = t->send(early);
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().code, ErrorCode::kCancelled);
  EXPECT_EQ(before.error().delivery, Delivery::kNotSent);

  // The same through send_async (the curl multi worker calls the progress callback too).
  http::Request slow_async{http::Method::kGet, server.url("/slow"), {}, "", 10s, CancelToken()};
  std::promise<Result<http::Response>> done;
  t->send_async(slow_async, [&done](Result<http::Response> result) { done.set_value(std::move(result)); });
  std::this_thread::sleep_for(200ms);
  slow_async.cancel->cancel();
  auto async = done.get_future().get();
  ASSERT_FALSE(async.ok());
  EXPECT_EQ(async.error().code, ErrorCode::kCancelled);
  EXPECT_EQ(async.error().delivery, Delivery::kMaybeSent);

  // The transport still works afterwards (the aborted handle was discarded, not reused).
  auto after = t->send({http::Method::kGet, server.url("/echo"), {}, "", {}, {}});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->status, 200);
}

TEST(CurlTransport, InvalidOptionsAreConfigErrors) {
  http::CurlOptions a;
  a.timeout = 0ms;
  EXPECT_EQ(http::make_curl_transport(a).error().code, ErrorCode::kConfig);
  http::CurlOptions b;
  b.connect_timeout = 0ms;
  EXPECT_EQ(http::make_curl_transport(b).error().code, ErrorCode::kConfig);
  http::CurlOptions c;
  c.ca_file = "/nonexistent/ca.pem";
  EXPECT_EQ(http::make_curl_transport(c).error().code, ErrorCode::kConfig);
  http::CurlOptions d;
  d.max_response_bytes = 0;
  EXPECT_EQ(http::make_curl_transport(d).error().code, ErrorCode::kConfig);
}

}  // namespace

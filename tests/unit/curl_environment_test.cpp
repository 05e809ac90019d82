// SPDX-License-Identifier: MIT
// The environment must not move secrets (issue 21, item 5; ADR 0004 "Proxies" and "TLS key log"):
// through the real libcurl transport, with http_proxy / ALL_PROXY / HTTPS_PROXY pointing at a fake
// proxy on 127.0.0.1 that counts its connections, nothing reaches the proxy unless the merchant
// configured one or opted into the environment, and a loopback host never does; with
// SSLKEYLOGFILE set (before libcurl is initialised, as a developer's shell would), a TLS exchange
// writes no secret to it unless the key log was opted into.
//
// Its own test binary: SSLKEYLOGFILE is read once, by curl_global_init, so it is set before main.
#include <paygw/http/curl_transport.hpp>

#include <gtest/gtest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace paygw::test {
namespace {

using namespace std::chrono_literals;

std::string key_log_path() {
  static const std::string path = "/tmp/paygw-keylog-" + std::to_string(getpid()) + ".txt";
  return path;
}

// Before main, so before any curl_global_init of this process.
const bool kKeyLogSet = [] {
  std::remove(key_log_path().c_str());
  setenv("SSLKEYLOGFILE", key_log_path().c_str(), 1);
  return true;
}();

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// An HTTP proxy that counts connections, answers each request "proxied" and closes.
class FakeProxy {
 public:
  FakeProxy() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 || listen(fd_, 16) != 0 ||
        getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      std::abort();
    }
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { run(); });
  }
  ~FakeProxy() {
    stop_ = true;
    thread_.join();
    close(fd_);
  }
  FakeProxy(const FakeProxy&) = delete;
  FakeProxy& operator=(const FakeProxy&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int connections() const { return connections_; }
  std::vector<std::string> request_lines() {
    std::lock_guard<std::mutex> lock(mu_);
    return lines_;
  }

 private:
  void run() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      const int c = accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      ++connections_;
      std::string head;
      char buf[1024];
      for (int i = 0; i < 40 && head.find("\r\n\r\n") == std::string::npos; ++i) {
        pollfd q{c, POLLIN, 0};
        if (poll(&q, 1, 50) <= 0) continue;
        const ssize_t n = recv(c, buf, sizeof buf, 0);
        if (n <= 0) break;
        head.append(buf, static_cast<std::size_t>(n));
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        lines_.push_back(head.substr(0, head.find("\r\n")));
      }
      const std::string reply = "HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: close\r\n\r\nproxied";
      (void)!send(c, reply.data(), reply.size(), MSG_NOSIGNAL);
      close(c);
    }
  }

  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  std::mutex mu_;
  std::vector<std::string> lines_;
  std::thread thread_;
};

// The origin: answers "direct".
class Origin {
 public:
  explicit Origin(httplib::Server* server) : server_(server) {
    server_->Get("/x",
                 [](const httplib::Request&, httplib::Response& res) { res.set_content("direct", "text/plain"); });
    port_ = server_->bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running()) std::this_thread::sleep_for(1ms);
  }
  ~Origin() {
    server_->stop();
    thread_.join();
  }
  Origin(const Origin&) = delete;
  Origin& operator=(const Origin&) = delete;
  int port() const { return port_; }

 private:
  httplib::Server* server_;
  int port_ = 0;
  std::thread thread_;
};

const char* const kProxyVariables[] = {"http_proxy",  "HTTP_PROXY", "https_proxy",
                                       "HTTPS_PROXY", "all_proxy",  "ALL_PROXY"};

void set_proxy_environment(const std::string& url) {
  for (const char* v : kProxyVariables) setenv(v, url.c_str(), 1);
  unsetenv("no_proxy");
  unsetenv("NO_PROXY");
}

void clear_proxy_environment() {
  for (const char* v : kProxyVariables) unsetenv(v);
}

// GET `url`: the body, or "error: ..." when the transport failed.
std::string get(http::Transport& t, const std::string& url) {
  auto r = t.send({http::Method::kGet, url, {}, "", 5s, {}});
  return r.ok() ? r->body : "error: " + describe(r.error());
}

class CurlEnvironment : public ::testing::Test {
 protected:
  void TearDown() override { clear_proxy_environment(); }
  std::string origin(const std::string& host) const {
    return "http://" + host + ":" + std::to_string(origin_.port()) + "/x";
  }
  FakeProxy proxy_;
  httplib::Server server_;
  Origin origin_{&server_};
};

TEST_F(CurlEnvironment, ProxyVariablesAreIgnoredWithoutOptIn) {
  set_proxy_environment(proxy_.url());
  auto t = *http::make_curl_transport();
  EXPECT_EQ(get(*t, origin("127.0.0.1")), "direct");
  EXPECT_EQ(get(*t, origin("localhost")), "direct");
  // A name only a proxy could reach: the request fails here instead of going to the proxy.
  EXPECT_NE(get(*t, origin("gateway.invalid")), "proxied");
  EXPECT_EQ(proxy_.connections(), 0) << "the environment's proxy was used without an opt-in";
}

TEST_F(CurlEnvironment, OptedInEnvironmentProxyIsUsedButNeverForLoopback) {
  set_proxy_environment(proxy_.url());
  http::CurlOptions o;
  o.proxy_from_environment = true;
  auto t = *http::make_curl_transport(o);
  EXPECT_EQ(get(*t, origin("127.0.0.1")), "direct");
  EXPECT_EQ(get(*t, origin("localhost")), "direct");
  EXPECT_EQ(proxy_.connections(), 0) << "a loopback request went through the proxy";
  EXPECT_EQ(get(*t, origin("gateway.invalid")), "proxied");
  EXPECT_EQ(proxy_.connections(), 1);
}

TEST_F(CurlEnvironment, ConfiguredProxyIsUsedButNeverForLoopback) {
  clear_proxy_environment();
  http::CurlOptions o;
  o.proxy = proxy_.url();
  auto t = *http::make_curl_transport(o);
  EXPECT_EQ(get(*t, origin("127.0.0.1")), "direct");
  EXPECT_EQ(get(*t, origin("localhost")), "direct");
  EXPECT_EQ(proxy_.connections(), 0) << "a loopback request went through the proxy";
  EXPECT_EQ(get(*t, origin("gateway.invalid")), "proxied");
  EXPECT_EQ(proxy_.connections(), 1);
  ASSERT_EQ(proxy_.request_lines().size(), 1u);
  EXPECT_EQ(proxy_.request_lines()[0], "GET " + origin("gateway.invalid") + " HTTP/1.1");
}

TEST_F(CurlEnvironment, OptedInEnvironmentKeepsItsNoProxyList) {
  set_proxy_environment(proxy_.url());
  setenv("NO_PROXY", "gateway.invalid", 1);
  http::CurlOptions o;
  o.proxy_from_environment = true;
  auto t = *http::make_curl_transport(o);
  EXPECT_NE(get(*t, origin("gateway.invalid")), "proxied");
  EXPECT_EQ(get(*t, origin("other.invalid")), "proxied");
  EXPECT_EQ(proxy_.connections(), 1);
  unsetenv("NO_PROXY");
}

// A TLS server with the fixture certificate (127.0.0.1).
class TlsOrigin {
 public:
  TlsOrigin() : server_(PAYGW_FIXTURE_DIR "/tls/cert.pem", PAYGW_FIXTURE_DIR "/tls/key.pem") {
    server_.Get("/x", [](const httplib::Request&, httplib::Response& res) { res.set_content("tls", "text/plain"); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(1ms);
  }
  ~TlsOrigin() {
    server_.stop();
    thread_.join();
  }
  TlsOrigin(const TlsOrigin&) = delete;
  TlsOrigin& operator=(const TlsOrigin&) = delete;
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_) + "/x"; }

 private:
  httplib::SSLServer server_;
  int port_ = 0;
  std::thread thread_;
};

TEST(CurlKeyLog, SslKeyLogFileGetsNoSecretsUnlessOptedIn) {
  ASSERT_TRUE(kKeyLogSet);
  TlsOrigin server;
  http::CurlOptions o;
  o.ca_file = PAYGW_FIXTURE_DIR "/tls/cert.pem";
  {
    auto t = *http::make_curl_transport(o);
    EXPECT_EQ(get(*t, server.url()), "tls");
  }
  EXPECT_EQ(read_file(key_log_path()), "") << "paygw's TLS connection wrote its secrets to SSLKEYLOGFILE";

  // The opt-in shows what libcurl does with the variable otherwise: each handshake's secrets.
  o.tls_key_log_from_environment = true;
  {
    auto t = *http::make_curl_transport(o);
    EXPECT_EQ(get(*t, server.url()), "tls");
  }
  const std::string log = read_file(key_log_path());
  EXPECT_NE(log.find("TRAFFIC_SECRET"), std::string::npos) << "libcurl wrote no key log when opted in: " << log;
  std::remove(key_log_path().c_str());
}

}  // namespace
}  // namespace paygw::test

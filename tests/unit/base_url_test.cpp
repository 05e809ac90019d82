// SPDX-License-Identifier: MIT
// Base URL checks: what every client's create() accepts is what libcurl will connect to. The
// rejected forms are the ones where a prefix check and curl's URL parser disagree about the host
// (user info, fragments, encoded separators) plus everything that is not plain https/http.
#include <paygw/charging/client.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/testing/replay_transport.hpp>
#include <paygw/tingee/client.hpp>

#include "http/base_url.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using namespace paygw;

// create() of each of the three clients with `url` as base_url; the errors (empty when accepted).
std::vector<Result<void>> create_all(const std::string& url) {
  auto transport = std::make_shared<paygw::testing::ReplayTransport>();
  std::vector<Result<void>> out;
  auto keep = [&out](const auto& created) {
    if (created.ok()) {
      out.emplace_back();
    } else {
      out.emplace_back(created.error());
    }
  };
  tingee::Config t;
  t.base_url = url;
  t.client_id = "id";
  t.secret = Secret("secret");
  t.transport = transport;
  keep(tingee::Client::create(t));
  tconnect::Config c;
  c.base_url = url;
  c.partner_code = "P";
  c.username = "u";
  c.password = Secret("p");
  c.client_id = "id";
  c.client_secret = Secret("s");
  c.aes_key = Secret(test::kTconnectKeyHex);
  c.transport = transport;
  keep(tconnect::Client::create(c));
  charging::Config g;
  g.base_url = url;
  g.partner_id = "1";
  g.partner_key = Secret("k");
  g.transport = transport;
  keep(charging::Client::create(g));
  return out;
}

// Where curl's host differs from what a prefix check sees, or the URL is not a plain base URL.
const char* const kRefused[] = {
    "http://127.0.0.1:1@evil.example.com",  // curl: user "127.0.0.1", password "1", host evil.example.com
    "http://127.0.0.1@evil.example.com",
    "http://localhost:80@evil.example.com",
    "http://[::1]:1@evil.example.com",
    "http://localhost.evil.example.com",
    "http://localhost.",
    "http://127.0.0.1.nip.io",
    "http://127.0.0.1%2f@evil.example.com",  // curl: user "127.0.0.1%2f", host evil.example.com
    "http://127.0.0.1%2F@evil.example.com",
    "http://127.0.0.1#@evil.example.com",  // a fragment
    "http://127.0.0.1/#x",
    "https://h.example/p?x=1",  // a query
    "https://h.example/?",
    "http://127.0.0.1\\@evil.example.com",  // curl: user "127.0.0.1\", host evil.example.com
    "http:\\\\127.0.0.1",
    "https://h.example\\x",
    "http://127.0.0.1 @evil.example.com",
    "https://h.example/a b",
    " https://h.example",
    "https://h.example\t",
    "https://h.example\r\nHost: evil",
    "https://user:pw@h.example",
    "https://user@h.example",
    "https://:pw@h.example",
    "https://user;opts@h.example",  // curl login options
    "https://h.example:;x@evil.example.com",
    "https://",
    "https:///h.example",  // curl would take h.example as the host
    "https:/h.example",
    "https:h.example",
    "//h.example",
    "h.example",
    "https://h.example:0",
    "https://h.example:65536",
    "https://h.example:x",
    "http://[::1%25lo]:9000",  // an IPv6 zone id
    "http://[::ffff:127.0.0.1]",
    "http://128.0.0.1",
    "http://0.0.0.0",
    "http://169.254.169.254",
    "http://h.example",
    "ftp://h.example",
    "file:///etc/passwd",
    "gopher://127.0.0.1",
    "ws://127.0.0.1",
    "httpx://127.0.0.1",
    "https://h\xc3\xa9.example",  // not ASCII
    "",
};

TEST(BaseUrl, LoopbackRuleCannotBeBypassed) {
  for (const char* url : kRefused) {
    const auto results = create_all(url);
    ASSERT_EQ(results.size(), 3u);
    for (std::size_t i = 0; i < results.size(); ++i) {
      ASSERT_FALSE(results[i].ok()) << "client " << i << " accepted " << url;
      EXPECT_EQ(results[i].error().code, ErrorCode::kConfig) << url;
      EXPECT_NE(results[i].error().message.find("base_url"), std::string::npos) << results[i].error().message;
    }
  }
}

TEST(BaseUrl, ErrorsNeverEchoUserInfo) {
  for (const auto& r : create_all("https://merchant:hunter2-SECRET@h.example")) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message.find("SECRET"), std::string::npos) << r.error().message;
  }
}

TEST(BaseUrl, HttpsAnywhereAndPlainHttpOnLoopback) {
  for (const char* url :
       {"https://uat-open-api.tingee.vn", "https://h.example/", "https://h.example:8443/api/", "HTTPS://H.EXAMPLE",
        "https://93.184.216.34", "https://[2001:db8::1]:443", "http://127.0.0.1", "http://127.0.0.1:8080/",
        "HTTP://127.0.0.1:8080", "http://LocalHost:1", "http://localhost", "http://[::1]:9000", "http://[::1]",
        "http://127.255.255.254:1", "http://127.0.0.2/sandbox"}) {
    for (const auto& r : create_all(url)) EXPECT_TRUE(r.ok()) << url << ": " << (r.ok() ? "" : r.error().message);
  }
}

TEST(BaseUrl, RebuiltFromWhatCurlParsed) {
  // The URL a client keeps is the one curl will connect to: lower-case scheme and host,
  // normalised IPv4/IPv6 and dot segments, no trailing '/'.
  const std::pair<const char*, const char*> cases[] = {
      {"HTTPS://Open-API.Tingee.VN/", "https://open-api.tingee.vn"},
      {"https://h.example:8443/api//", "https://h.example:8443/api"},
      {"https://h.example/a/../b/", "https://h.example/b"},
      {"HTTP://127.0.0.1:8080", "http://127.0.0.1:8080"},
      {"http://127.1:9", "http://127.0.0.1:9"},
      {"http://2130706433", "http://127.0.0.1"},
      {"http://%31%32%37.0.0.1:7", "http://127.0.0.1:7"},
      {"http://[0:0::1]:9000/", "http://[::1]:9000"},
      {"http://LOCALHOST:1", "http://localhost:1"},
  };
  for (const auto& [in, out] : cases) {
    auto r = detail::check_base_url(in);
    ASSERT_TRUE(r.ok()) << in << ": " << r.error().message;
    EXPECT_EQ(*r, out) << in;
  }
  for (const char* url : kRefused) {
    auto r = detail::check_base_url(url);
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_EQ(r.error().code, ErrorCode::kConfig) << url;
    EXPECT_NE(r.error().message.find("https://"), std::string::npos) << r.error().message;
  }
}

TEST(BaseUrl, LoopbackHosts) {
  for (const char* host : {"localhost", "LocalHost", "127.0.0.1", "127.0.0.0", "127.255.255.255", "[::1]"}) {
    EXPECT_TRUE(detail::is_loopback_host(host)) << host;
  }
  for (const char* host :
       {"", "localhost.", "localhost.evil.example", "127.0.0.1.nip.io", "127.0.0", "127.0.0.1.1", "127.0.0.256",
        "127.00.0.1", "0127.0.0.1", "128.0.0.1", "[::2]", "::1", "[::ffff:127.0.0.1]", "127.0.0.-1", "127..0.1"}) {
    EXPECT_FALSE(detail::is_loopback_host(host)) << host;
  }
}

}  // namespace

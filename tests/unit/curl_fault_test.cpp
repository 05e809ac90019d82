// SPDX-License-Identifier: MIT
// The libcurl transport against the adversarial FaultServer: whatever the server does, libcurl
// never sends a request a second time on its own (receipts == 1), and every failure after the
// request was written says kMaybeSent. Each mode runs POST with a body, a bodiless DELETE and a
// GET, through send() and send_async(), each on its own transport (in parallel, so a mode takes
// about one timeout).
#include <paygw/http/curl_transport.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "fault_server.hpp"

namespace {

using namespace paygw;
using namespace std::chrono_literals;
using test::Fault;
using test::FaultServer;

struct Variant {
  http::Method method;
  bool async;
  std::string name() const { return std::string(http::to_string(method)) + (async ? "-async" : "-sync"); }
};
const Variant kVariants[] = {{http::Method::kPost, false},  {http::Method::kPost, true}, {http::Method::kDelete, false},
                             {http::Method::kDelete, true}, {http::Method::kGet, false}, {http::Method::kGet, true}};

http::Request request(const FaultServer& server, http::Method method, const std::string& id,
                      std::chrono::milliseconds timeout) {
  http::Request r;
  r.method = method;
  r.url = server.url(method == http::Method::kGet ? "/v1/read?id=" + id : "/v1/pay");
  r.headers = {{"X-Test-Id", id}, {"Content-Type", "application/json"}};
  if (method == http::Method::kPost) r.body = R"({"amount":150000,"order":")" + id + "\"}";
  r.timeout = timeout;
  return r;
}

Result<http::Response> exchange(http::Transport& t, const http::Request& r, bool async) {
  if (!async) return t.send(r);
  std::promise<Result<http::Response>> done;
  auto future = done.get_future();
  t.send_async(r, [&done](Result<http::Response> result) { done.set_value(std::move(result)); });
  return future.get();
}

struct Outcome {
  std::string variant;
  std::string id;
  Result<http::Response> result = Error{};
};

// For every variant, on a transport of its own: `warm_up` first sends one request that the server
// answers (the first of a kept-alive connection), then `between` runs, then the request under test
// goes out — on that kept-alive connection unless the server closed it.
std::vector<Outcome> run_variants(FaultServer& server, std::chrono::milliseconds timeout, bool warm_up = true,
                                  const std::function<void()>& between = {}) {
  std::vector<std::shared_ptr<http::Transport>> transports;
  for (const auto& v : kVariants) {
    auto t = http::make_curl_transport();
    EXPECT_TRUE(t.ok());
    transports.push_back(*t);
    if (warm_up) {
      const std::string id = "warm-" + v.name();
      auto r = exchange(*transports.back(), request(server, v.method, id, 5s), v.async);
      EXPECT_TRUE(r.ok() && r->status == 200) << v.name() << " warm-up: " << (r.ok() ? "" : describe(r.error()));
    }
  }
  if (between) between();
  std::vector<std::future<Outcome>> running;
  for (std::size_t i = 0; i < std::size(kVariants); ++i) {
    running.push_back(std::async(std::launch::async, [&, i] {
      const Variant& v = kVariants[i];
      Outcome o{v.name(), "test-" + v.name()};
      o.result = exchange(*transports[i], request(server, v.method, o.id, timeout), v.async);
      return o;
    }));
  }
  std::vector<Outcome> out;
  for (auto& f : running) out.push_back(f.get());
  return out;
}

struct FailureMode {
  const char* name;
  Fault fault;
  int on_request;  // which request of its connection is faulted (2: the first reuse)
  ErrorCode code;
  std::chrono::milliseconds timeout;
};

void PrintTo(const FailureMode& m, std::ostream* os) { *os << m.name; }

class CurlFault : public ::testing::TestWithParam<FailureMode> {};

TEST_P(CurlFault, FailsOnceAsMaybeSentAndIsNeverResent) {
  const FailureMode& mode = GetParam();
  FaultServer server(test::fault_on_request(mode.fault, mode.on_request));
  for (const Outcome& o : run_variants(server, mode.timeout, mode.on_request == 2)) {
    SCOPED_TRACE(o.variant);
    EXPECT_EQ(server.receipts(o.id), 1) << "the request reached the server more than once (or never)";
    ASSERT_FALSE(o.result.ok()) << "HTTP " << o.result->status;
    const Error& e = o.result.error();
    EXPECT_EQ(e.code, mode.code) << describe(e);
    EXPECT_EQ(e.delivery, Delivery::kMaybeSent) << describe(e);
    EXPECT_EQ(e.http_status, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Modes, CurlFault,
    ::testing::Values(FailureMode{"CloseFinOnReuse", Fault::kCloseFin, 2, ErrorCode::kNetwork, 5s},
                      FailureMode{"CloseRstOnReuse", Fault::kCloseRst, 2, ErrorCode::kNetwork, 5s},
                      FailureMode{"CloseFinOnNewConnection", Fault::kCloseFin, 1, ErrorCode::kNetwork, 5s},
                      FailureMode{"CloseRstOnNewConnection", Fault::kCloseRst, 1, ErrorCode::kNetwork, 5s},
                      FailureMode{"Garbage", Fault::kGarbage, 2, ErrorCode::kNetwork, 5s},
                      FailureMode{"Http09", Fault::kHttp09, 2, ErrorCode::kNetwork, 5s},
                      FailureMode{"Http09OnNewConnection", Fault::kHttp09, 1, ErrorCode::kNetwork, 5s},
                      FailureMode{"HeadersThenStall", Fault::kHeadersThenStall, 2, ErrorCode::kTimeout, 800ms},
                      FailureMode{"Trickle", Fault::kTrickle, 2, ErrorCode::kTimeout, 1500ms},
                      FailureMode{"CloseMidBody", Fault::kCloseMidBody, 2, ErrorCode::kNetwork, 5s},
                      FailureMode{"BadChunked", Fault::kBadChunked, 2, ErrorCode::kNetwork, 5s},
                      FailureMode{"Endless1xx", Fault::kEndless1xx, 2, ErrorCode::kResponseTooLarge, 3s},
                      FailureMode{"HugeBody", Fault::kHugeBody, 2, ErrorCode::kResponseTooLarge, 5s}),
    [](const ::testing::TestParamInfo<FailureMode>& p) { return std::string(p.param.name); });

// The keep-alive race: the server closes an idle kept-alive connection before the next request.
// That request must go out once, on a new connection, and succeed.
TEST(CurlFaultKeepAlive, IdleConnectionClosedBeforeTheNextRequestIsSentOnceOnANewConnection) {
  FaultServer server(test::fault_on_request(Fault::kAnswerThenClose, 1));
  const auto outcomes = run_variants(server, 5s, true, [&] { EXPECT_TRUE(server.wait_idle_closes(6)); });
  for (const Outcome& o : outcomes) {
    SCOPED_TRACE(o.variant);
    ASSERT_TRUE(o.result.ok()) << describe(o.result.error());
    EXPECT_EQ(o.result->status, 200);
    EXPECT_EQ(server.receipts(o.id), 1);
  }
}

// The same when data waits on the idle connection before the server closes it (what a TLS
// close_notify looks like to a socket check): not taken for a live connection.
TEST(CurlFaultKeepAlive, IdleConnectionWithDataWaitingIsNotReused) {
  FaultServer server(test::fault_on_request(Fault::kAnswerThenStrayByteAndClose, 1));
  const auto outcomes = run_variants(server, 5s, true, [&] { EXPECT_TRUE(server.wait_idle_closes(6)); });
  for (const Outcome& o : outcomes) {
    SCOPED_TRACE(o.variant);
    ASSERT_TRUE(o.result.ok()) << describe(o.result.error());
    EXPECT_EQ(o.result->status, 200);
    EXPECT_EQ(server.receipts(o.id), 1);
  }
}

}  // namespace

// SPDX-License-Identifier: MIT
// Integration: every sandbox fault mode ends in the documented typed error for every client (never a
// crash or a hang); cancellation; connection refused is 'not sent'.
#include "sandbox_fixture.hpp"

namespace paygw::it {
namespace {

struct FaultCase {
  const char* mode;
  long ms;
  ErrorCode code;  // kInternal = expect success
  int http_status;
};

void queue_fault(const FaultCase& f, const char* path) {
  http::Request r;
  r.method = http::Method::kPost;
  r.url = sandbox().url() + "/_sandbox/faults";
  r.headers = {{"Content-Type", "application/json"}};
  r.body = std::string(R"({"mode":")") + f.mode + R"(","ms":)" + std::to_string(f.ms) + R"(,"path":")" + path + R"("})";
  auto res = transport()->send(r);
  ASSERT_TRUE(res.ok() && res->status == 200)
      << "cannot queue fault " << f.mode << ": " << (res.ok() ? res->body : describe(res.error()));
}

template <typename R>
void expect_fault_outcome(const FaultCase& f, const R& r, const char* provider) {
  SCOPED_TRACE(std::string(provider) + " " + f.mode);
  if (f.code == ErrorCode::kInternal) {
    EXPECT_TRUE(r.ok()) << describe(r.error());
    return;
  }
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(to_string(r.error().code), to_string(f.code)) << describe(r.error());
  EXPECT_EQ(r.error().http_status, f.http_status);
  EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent);
  if (f.http_status == 0 || f.http_status >= 500 || f.code == ErrorCode::kMalformed) {
    EXPECT_TRUE(r.error().outcome_unknown()) << "a payment after this fault must be reconciled, not resent";
  }
}

const FaultCase kFaults[] = {
    {"delay", 100, ErrorCode::kInternal, 0},
    {"timeout", 1500, ErrorCode::kTimeout, 0},
    {"reset", -1, ErrorCode::kNetwork, 0},
    {"http500", -1, ErrorCode::kHttpStatus, 500},
    {"http502", -1, ErrorCode::kHttpStatus, 502},
    {"http503", -1, ErrorCode::kHttpStatus, 503},
    {"malformed", -1, ErrorCode::kMalformed, 200},
    {"truncated", -1, ErrorCode::kNetwork, 0},
    {"oversized", -1, ErrorCode::kResponseTooLarge, 0},
};

TEST(SandboxFaults, EveryModeIsATypedErrorForEveryClient) {
  auto tingee = tingee_client(400ms);
  auto tconnect = tconnect_client(400ms);
  ASSERT_TRUE(tconnect.authenticate().ok());  // so that the fault hits the push, not the login
  auto charging = charging_client(400ms);
  int n = 0;
  for (const auto& f : kFaults) {
    const auto started = std::chrono::steady_clock::now();
    queue_fault(f, "/v1/device/read-security-code");
    expect_fault_outcome(f, tingee.read_security_code({"DEMO-BOX-3LS", std::nullopt}), "tingee");
    queue_fault(f, "/openapi/v1/devices/payments/push");
    expect_fault_outcome(f, tconnect.push_payment(tconnect::PosPush{"POS-0001", "ORD-F" + std::to_string(n), 1000}),
                         "tconnect");
    queue_fault(f, "/chargingws/v2");
    expect_fault_outcome(f,
                         charging.submit({"VIETTEL", "1234567891", "77" + std::to_string(n), 50000,
                                          "fault-" + std::to_string(n) + "-" + f.mode}),
                         "charging");
    ++n;
    EXPECT_LT(std::chrono::steady_clock::now() - started, 10s) << f.mode << " must not hang";
  }
}

// A caller cancels a push stuck on a slow gateway (delay fault): the call ends long before the
// gateway answers, typed kCancelled and kMaybeSent — the push must be reconciled, not resent.
TEST(SandboxFaults, CancelAbortsAStuckCall) {
  auto tconnect = tconnect_client(30s);
  ASSERT_TRUE(tconnect.authenticate().ok());
  queue_fault({"delay", 4'000, ErrorCode::kInternal, 0}, "/openapi/v1/devices/payments/push");
  CancelToken token;
  std::thread canceller([token] {
    std::this_thread::sleep_for(300ms);
    token.cancel();
  });
  const auto started = std::chrono::steady_clock::now();
  auto r = tconnect.push_payment(tconnect::PosPush{"POS-0001", "ORD-CANCEL", 1000}, {token});
  canceller.join();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kCancelled) << describe(r.error());
  EXPECT_EQ(r.error().delivery, Delivery::kMaybeSent);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 3500ms) << "cancelled, not waited out (4 s)";
}

TEST(SandboxFaults, ConnectionRefusedIsNotSent) {
  Sandbox stopped;  // a sandbox of its own: stopped, its port refuses connections
  const std::string url = stopped.url();
  ASSERT_FALSE(url.empty()) << stopped.output();
  stopped.stop();
  auto r = tingee_client(2s, kTingeeSecret, url).read_security_code({"DEMO-BOX-3LS", std::nullopt});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConnect);
  EXPECT_EQ(r.error().delivery, Delivery::kNotSent);
}

}  // namespace
}  // namespace paygw::it

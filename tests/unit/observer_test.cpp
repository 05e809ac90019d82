// SPDX-License-Identifier: MIT
// ClientOptions::observer sees exactly one event per call — blocking and async, successes and
// errors — whose fields agree with the call's result, and which never carries a secret; a
// throwing observer changes no result (ADR 0040).
#include <paygw/charging/client.hpp>
#include <paygw/observer.hpp>
#include <paygw/tconnect/client.hpp>
#include <paygw/tingee/client.hpp>

#include "call/observer.hpp"
#include "support.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace paygw;

struct Call {
  std::string provider, operation, method, server, error_type, provider_code;
  bool async = false, maybe_sent = false;
  int http_status = 0, attempts = 0;
  long long duration_ns = 0;
  bool ok() const { return error_type.empty(); }
  std::string all() const {
    return provider + "|" + operation + "|" + method + "|" + server + "|" + error_type + "|" + provider_code;
  }
};

class Recorder : public Observer {
 public:
  void on_call(const CallEvent& e) override {
    std::lock_guard<std::mutex> lock(mu);
    calls.push_back({std::string(e.provider), std::string(e.operation), std::string(e.method),
                     std::string(e.server_address), std::string(e.error_type), std::string(e.provider_code), e.async,
                     e.maybe_sent, e.http_status, e.attempts, static_cast<long long>(e.duration.count())});
  }
  std::mutex mu;
  std::vector<Call> calls;
};

class Thrower : public Observer {
 public:
  void on_call(const CallEvent&) override { throw std::runtime_error("metrics backend down"); }
};

constexpr const char* kAddOk = R"({"code":"00","message":"Success","data":[{"type":"tingee-box-3ls","uuid":"D1"}]})";

// Answers add_device_to_shop calls in turn: success; the provider's "97"; a refused connection
// then success (a retried write: certainly not sent); a timeout (maybe sent).
std::shared_ptr<test::ScriptedTransport> script(std::vector<http::Request>* seen, std::mutex* mu) {
  auto n = std::make_shared<std::atomic<int>>(0);
  return std::make_shared<test::ScriptedTransport>([n, seen, mu](const http::Request& r) -> Result<http::Response> {
    {
      std::lock_guard<std::mutex> lock(*mu);
      seen->push_back(r);
    }
    switch (++*n) {
      case 1: return test::json_response(200, kAddOk);
      case 2: return test::json_response(200, R"({"code":"97","message":"Invalid signature"})");
      case 3: return make_error(ErrorCode::kConnect, "connection refused");
      case 4: return test::json_response(200, kAddOk);
      default: return make_error(ErrorCode::kTimeout, "timed out", Delivery::kMaybeSent);
    }
  });
}

tingee::AddDeviceToShopRequest request() {
  tingee::AddDeviceToShopRequest r = test::fixture_add_device_request();
  return r;
}

void expect_matches(const Call& c, const Result<tingee::DeviceRefs>& r, bool async) {
  EXPECT_EQ(c.provider, "tingee");
  EXPECT_EQ(c.operation, "/v1/device/add-device-to-shop");
  EXPECT_EQ(c.method, "POST");
  EXPECT_EQ(c.server, "uat-open-api.tingee.vn");
  EXPECT_EQ(c.async, async);
  EXPECT_GE(c.duration_ns, 0);
  if (r.ok()) {
    EXPECT_EQ(c.error_type, "");
    EXPECT_EQ(c.http_status, 200);
    EXPECT_EQ(c.provider_code, "");
    EXPECT_FALSE(c.maybe_sent);
    return;
  }
  EXPECT_EQ(c.error_type, to_string(r.error().code));
  EXPECT_EQ(c.provider_code, r.error().provider_code);
  EXPECT_EQ(c.http_status, r.error().http_status);
  EXPECT_EQ(c.attempts, r.error().attempts);
  EXPECT_EQ(c.maybe_sent, r.error().maybe_sent());
}

TEST(Observer, OneEventPerBlockingAndAsyncCallWithItsResult) {
  std::vector<http::Request> sent;
  std::mutex mu;
  auto recorder = std::make_shared<Recorder>();
  tingee::Config config = test::tingee_config(script(&sent, &mu));
  config.observer = recorder;
  auto client = *tingee::Client::create(config);

  const auto ok = client.add_device_to_shop(request());
  ASSERT_TRUE(ok.ok()) << describe(ok.error());
  const auto refused = client.add_device_to_shop_async(request()).get();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().provider_code, "97");
  const auto retried = client.add_device_to_shop(request());
  ASSERT_TRUE(retried.ok()) << describe(retried.error());
  const auto lost = client.add_device_to_shop_async(request()).get();
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().code, ErrorCode::kTimeout);
  // Refused before anything is built: not a provider call, no event (docs/observability.md).
  tingee::AddDeviceToShopRequest invalid = request();
  invalid.uuid.clear();
  EXPECT_FALSE(client.add_device_to_shop(invalid).ok());

  std::lock_guard<std::mutex> lock(recorder->mu);
  ASSERT_EQ(recorder->calls.size(), 4u);
  expect_matches(recorder->calls[0], ok, false);
  EXPECT_EQ(recorder->calls[0].attempts, 1);
  expect_matches(recorder->calls[1], refused, true);
  EXPECT_EQ(recorder->calls[1].provider_code, "97");
  EXPECT_EQ(recorder->calls[1].http_status, 200);
  expect_matches(recorder->calls[2], retried, false);
  EXPECT_EQ(recorder->calls[2].attempts, 2);
  expect_matches(recorder->calls[3], lost, true);
  EXPECT_EQ(recorder->calls[3].error_type, "timeout");
  EXPECT_EQ(recorder->calls[3].http_status, 0);
  EXPECT_TRUE(recorder->calls[3].maybe_sent);

  // No secret in any event: the key, the client id, the security code, the signatures, bodies.
  std::string blob;
  for (const auto& c : recorder->calls) blob += c.all() + "\n";
  EXPECT_EQ(blob.find(test::kTestSecret), std::string::npos) << blob;
  EXPECT_EQ(blob.find(test::kTestClientId), std::string::npos) << blob;
  EXPECT_EQ(blob.find("ABC123XYZ"), std::string::npos) << blob;
  EXPECT_EQ(blob.find("DEVICE-001"), std::string::npos) << blob;
  std::lock_guard<std::mutex> lock_sent(mu);
  ASSERT_FALSE(sent.empty());
  for (const auto& r : sent) {
    const std::string* signature = http::find_header(r.headers, "x-signature");
    ASSERT_NE(signature, nullptr);
    EXPECT_EQ(blob.find(signature->substr(0, 16)), std::string::npos) << blob;
  }
}

TEST(Observer, AThrowingObserverChangesNoResult) {
  std::vector<http::Request> sent;
  std::mutex mu;
  tingee::Config config = test::tingee_config(script(&sent, &mu));
  config.observer = std::make_shared<Thrower>();
  auto client = *tingee::Client::create(config);
  EXPECT_TRUE(client.add_device_to_shop(request()).ok());
  auto refused = client.add_device_to_shop_async(request()).get();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().provider_code, "97");
  EXPECT_TRUE(client.add_device_to_shop_async(request()).get().ok());
  EXPECT_EQ(client.add_device_to_shop(request()).error().code, ErrorCode::kTimeout);
}

TEST(Observer, ChargingCallsAreNamedByTheirCommandAndCarryNoCard) {
  auto recorder = std::make_shared<Recorder>();
  charging::Config config = test::charging_config(std::make_shared<test::ScriptedTransport>(
      [](const http::Request&) -> Result<http::Response> { return test::json_response(502, "{}"); }));
  config.observer = recorder;
  auto client = *charging::Client::create(config);
  const charging::CardRequest card{"VIETTEL", "312821445892982", "10004783347874", 50000, "323233"};
  const auto submitted = client.submit(card);
  ASSERT_FALSE(submitted.ok());
  const auto checked = client.check_async(card).get();
  ASSERT_FALSE(checked.ok());
  std::lock_guard<std::mutex> lock(recorder->mu);
  ASSERT_EQ(recorder->calls.size(), 2u);
  EXPECT_EQ(recorder->calls[0].provider, "charging");
  EXPECT_EQ(recorder->calls[0].operation, "charging");
  EXPECT_EQ(recorder->calls[0].http_status, 502);
  EXPECT_EQ(recorder->calls[0].error_type, to_string(submitted.error().code));
  EXPECT_EQ(recorder->calls[1].operation, "check");
  EXPECT_TRUE(recorder->calls[1].async);
  EXPECT_EQ(recorder->calls[1].attempts, checked.error().attempts);
  for (const auto& c : recorder->calls) {
    for (const char* secret : {card.code.c_str(), card.serial.c_str(), card.request_id.c_str(), test::kChargingKey}) {
      EXPECT_EQ(c.all().find(secret), std::string::npos) << c.all();
    }
  }
}

TEST(Observer, TconnectTokenCallsAreCallsOfTheirOwnAndTheResendIsAnAttempt) {
  auto recorder = std::make_shared<Recorder>();
  std::atomic<int> logins{0};
  auto transport = std::make_shared<test::ScriptedTransport>([&](const http::Request& r) -> Result<http::Response> {
    if (r.url.find("/auth/") != std::string::npos) {  // login, then refresh
      const int n = ++logins;
      return test::json_response(200, R"({"access_token":"eyJ-obs-access-)" + std::to_string(n) +
                                          R"(","refresh_token":"eyJ-obs-refresh","expires_in":600})");
    }
    if (*http::find_header(r.headers, "Authorization") == "Bearer eyJ-obs-access-1")
      return test::json_response(401, "{}");
    return test::json_response(200,
                               R"({"services":[{"service_code":"vccb-qr","bincode":"970454","name":"BVBank QR"}]})");
  });
  tconnect::Config config = test::tconnect_config(transport);
  config.observer = recorder;
  auto client = *tconnect::Client::create(config);
  // The read is answered 401, so paygw refreshes its token and sends it once more (ADR 0031).
  const auto services = client.get_services();
  ASSERT_TRUE(services.ok()) << describe(services.error());

  std::lock_guard<std::mutex> lock(recorder->mu);
  ASSERT_EQ(recorder->calls.size(), 3u);  // login, refresh, the read
  for (int i : {0, 1}) {
    EXPECT_EQ(recorder->calls[i].provider, "tconnect");
    EXPECT_EQ(recorder->calls[i].operation, i == 0 ? "/openapi/v1/auth/login" : "/openapi/v1/auth/refresh");
    EXPECT_TRUE(recorder->calls[i].ok());
  }
  const Call& read = recorder->calls[2];
  EXPECT_EQ(read.operation.find("/auth/"), std::string::npos) << read.operation;
  EXPECT_EQ(read.attempts, 2);
  EXPECT_EQ(read.http_status, 200);
  EXPECT_EQ(read.error_type, "");
  std::string blob;
  for (const auto& c : recorder->calls) blob += c.all() + "\n";
  for (const std::string& secret : {std::string("eyJ-obs"), config.password.reveal(), config.client_secret.reveal(),
                                    config.aes_key.reveal(), config.username}) {
    EXPECT_EQ(blob.find(secret), std::string::npos) << secret;
  }
}

TEST(Observer, ServerAddressIsTheHostOnly) {
  using detail::server_address_of;
  EXPECT_EQ(server_address_of("https://uat-open-api.tingee.vn/v1/x?a=b"), "uat-open-api.tingee.vn");
  EXPECT_EQ(server_address_of("https://user:pass@api.example.vn:8443/x"), "api.example.vn");
  EXPECT_EQ(server_address_of("http://127.0.0.1:8080"), "127.0.0.1");
  EXPECT_EQ(server_address_of("http://[::1]:80/p"), "::1");
  EXPECT_EQ(server_address_of("http://h?q@x"), "h");
  EXPECT_EQ(server_address_of("not a url"), "");
}

}  // namespace

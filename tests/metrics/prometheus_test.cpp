// SPDX-License-Identifier: MIT
// paygw::prometheus: calls and deliveries through the Observer hook become Prometheus counters
// and histograms; the test scrapes the registry with prometheus::TextSerializer (the text an
// Exposer serves at /metrics) and reads the samples back. Black-box: public API only.
#include <paygw/metrics/prometheus.hpp>
#include <paygw/receive/dispatcher.hpp>
#include <paygw/tingee/client.hpp>

#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <sstream>
#include <string>

namespace {

using namespace paygw;

constexpr const char* kSecret = "prometheus-test-secret-token-0123456789";
constexpr const char* kClientId = "prometheus-test-client";

class Scripted final : public http::Transport {
 public:
  Result<http::Response> send(const http::Request&) override {
    switch (++n_) {
      case 1:
        return http::Response{
            200, {}, R"({"code":"00","message":"Success","data":[{"type":"tingee-box-3ls","uuid":"D1"}]})"};
      case 2: return http::Response{200, {}, R"({"code":"97","message":"Invalid signature"})"};
      default: return make_error(ErrorCode::kTimeout, "timed out", Delivery::kMaybeSent);
    }
  }

 private:
  std::atomic<int> n_{0};
};

class NoSleep final : public Sleeper {
 public:
  void sleep(std::chrono::milliseconds, const CancelToken&) override {}
};

std::string scrape(const prometheus::Registry& registry) {
  return prometheus::TextSerializer().Serialize(registry.Collect());
}

// The value of the sample line that starts with `series` (name and labels as serialized), or -1.
double sample(const std::string& text, const std::string& series) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(series + " ", 0) == 0) return std::stod(line.substr(series.size() + 1));
  }
  return -1;
}

TEST(Prometheus, CallsDeliveriesAndAlertsAreScraped) {
  auto registry = std::make_shared<prometheus::Registry>();
  auto observer = metrics::make_prometheus_observer(*registry);

  tingee::Config config;
  config.base_url = "https://uat-open-api.tingee.vn";
  config.client_id = kClientId;
  config.secret = Secret(kSecret);
  config.transport = std::make_shared<Scripted>();
  config.sleeper = std::make_shared<NoSleep>();
  config.observer = observer;
  auto client = tingee::Client::create(config);
  ASSERT_TRUE(client.ok()) << describe(client.error());
  tingee::AddDeviceToShopRequest add;
  add.uuid = "DEVICE-PROM-1";
  add.security_code = "SECRETCODE42";
  add.shop_ids = {12};
  add.va_account_numbers = {"V1T123456789"};
  EXPECT_TRUE(client->add_device_to_shop(add).ok());
  EXPECT_EQ(client->add_device_to_shop_async(add).get().error().provider_code, "97");
  EXPECT_EQ(client->add_device_to_shop(add).error().code, ErrorCode::kTimeout);

  receive::DispatcherConfig dc;
  dc.store = make_memory_store();
  dc.applier.observer = observer;
  dc.tingee = receive::TingeeEndpoint{"/hooks/tingee", Secret(kSecret), {}};
  auto dispatcher = receive::Dispatcher::create(dc);
  ASSERT_TRUE(dispatcher.ok()) << describe(dispatcher.error());
  EXPECT_EQ(dispatcher->handle("POST", "/hooks/tingee", {}, "").status, 200);  // the dashboard's ping
  EXPECT_EQ(dispatcher->handle("POST", "/hooks/tingee", {}, R"({"transactionCode":"FT1"})").status, 401);
  EXPECT_EQ(dispatcher->handle("POST", "/elsewhere", {}, "{}").status, 404);

  const std::string text = scrape(*registry);
  const std::string call = R"(paygw_client_calls_total{error_type="",http_request_method="POST",)"
                           R"(http_response_status_code="200",paygw_operation="/v1/device/add-device-to-shop",)"
                           R"(paygw_provider="tingee",paygw_provider_code="",server_address="uat-open-api.tingee.vn"})";
  EXPECT_EQ(sample(text, call), 1) << text;
  const std::string refused = R"(paygw_client_calls_total{error_type=")" +
                              std::string(to_string(ErrorCode::kProvider)) +
                              R"(",http_request_method="POST",http_response_status_code="200",)"
                              R"(paygw_operation="/v1/device/add-device-to-shop",paygw_provider="tingee",)"
                              R"(paygw_provider_code="97",server_address="uat-open-api.tingee.vn"})";
  EXPECT_EQ(sample(text, refused), 1) << text;
  EXPECT_EQ(sample(text, R"(paygw_client_call_attempts_total{paygw_operation="/v1/device/add-device-to-shop",)"
                         R"(paygw_provider="tingee"})"),
            3)
      << text;
  EXPECT_EQ(sample(text, R"(paygw_client_call_duration_seconds_count{error_type="timeout",)"
                         R"(paygw_operation="/v1/device/add-device-to-shop",paygw_provider="tingee"})"),
            1)
      << text;
  EXPECT_EQ(sample(text, R"(paygw_client_call_duration_seconds_bucket{error_type="",)"
                         R"(paygw_operation="/v1/device/add-device-to-shop",paygw_provider="tingee",le="+Inf"})"),
            1)
      << text;
  EXPECT_EQ(sample(text, R"(paygw_receive_deliveries_total{http_response_status_code="200",paygw_delivery="ping",)"
                         R"(paygw_outcome="ping",paygw_provider="tingee"})"),
            1)
      << text;
  EXPECT_EQ(sample(text, R"(paygw_receive_deliveries_total{http_response_status_code="401",paygw_delivery="",)"
                         R"(paygw_outcome="refused",paygw_provider="tingee"})"),
            1)
      << text;
  EXPECT_EQ(sample(text, R"(paygw_receive_deliveries_total{http_response_status_code="404",paygw_delivery="",)"
                         R"(paygw_outcome="not_found",paygw_provider=""})"),
            1)
      << text;
  EXPECT_EQ(sample(text, R"(paygw_receive_delivery_duration_seconds_count{paygw_delivery="ping",)"
                         R"(paygw_outcome="ping",paygw_provider="tingee"})"),
            1)
      << text;
  EXPECT_EQ(sample(text, R"(paygw_receive_alerts_total{paygw_alert_kind="rejected",paygw_provider="tingee"})"), 1)
      << text;
  // No secret, credential, device code or identifier in what is scraped.
  for (const char* secret : {kSecret, kClientId, "SECRETCODE42", "DEVICE-PROM-1", "V1T123456789", "FT1"}) {
    EXPECT_EQ(text.find(secret), std::string::npos) << secret;
  }

  // A second observer on the same registry updates the same families.
  auto again = metrics::make_prometheus_observer(*registry);
  CallEvent event;
  event.provider = "tingee";
  event.operation = "/v1/device/add-device-to-shop";
  event.method = "POST";
  event.server_address = "uat-open-api.tingee.vn";
  event.http_status = 200;
  event.attempts = 1;
  again->on_call(event);
  EXPECT_EQ(sample(scrape(*registry), call), 2);
}

}  // namespace

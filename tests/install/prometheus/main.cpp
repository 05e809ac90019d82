// SPDX-License-Identifier: MIT
// Links the installed paygw::prometheus, reports one provider call through its Observer and
// checks that a scrape of the registry (the text an Exposer serves at /metrics) counts it.
#include <paygw/metrics/prometheus.hpp>

#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <cstdio>
#include <memory>
#include <string>

int main() {
  prometheus::Registry registry;
  auto observer = paygw::metrics::make_prometheus_observer(registry);
  paygw::CallEvent call;
  call.provider = "tingee";
  call.operation = "/v1/device/show-qr-code";
  call.method = "POST";
  call.server_address = "127.0.0.1";
  call.http_status = 200;
  call.attempts = 1;
  observer->on_call(call);
  const std::string text = prometheus::TextSerializer().Serialize(registry.Collect());
  if (text.find("paygw_client_calls_total{") == std::string::npos ||
      text.find("paygw_provider=\"tingee\"") == std::string::npos) {
    std::fprintf(stderr, "the scrape lacks the call:\n%s\n", text.c_str());
    return 1;
  }
  std::puts("paygw::prometheus: installed, linked, scraped");
  return 0;
}

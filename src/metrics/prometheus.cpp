// SPDX-License-Identifier: MIT
// The Prometheus adapter of the Observer hook (docs/observability.md; ADR 0040).
#include <paygw/metrics/prometheus.hpp>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <algorithm>
#include <string>
#include <utility>

namespace paygw::metrics {

namespace {

std::string status_label(int status) { return status > 0 ? std::to_string(status) : std::string(); }

bool increasing(const std::vector<double>& b) {
  return !b.empty() && std::adjacent_find(b.begin(), b.end(), [](double x, double y) { return !(x < y); }) == b.end();
}

class PrometheusObserver final : public Observer {
 public:
  PrometheusObserver(prometheus::Registry& registry, std::vector<double> buckets)
      : buckets_(std::move(buckets)),
        calls_(prometheus::BuildCounter()
                   .Name("paygw_client_calls_total")
                   .Help("Provider calls finished, by provider, operation and outcome")
                   .Register(registry)),
        attempts_(prometheus::BuildCounter()
                      .Name("paygw_client_call_attempts_total")
                      .Help("Requests handed to the transport (retries included), by provider and operation")
                      .Register(registry)),
        call_duration_(prometheus::BuildHistogram()
                           .Name("paygw_client_call_duration_seconds")
                           .Help("Duration of provider calls, retries and waits included")
                           .Register(registry)),
        deliveries_(prometheus::BuildCounter()
                        .Name("paygw_receive_deliveries_total")
                        .Help("Inbound deliveries answered, by provider, delivery, outcome and reply status")
                        .Register(registry)),
        delivery_duration_(prometheus::BuildHistogram()
                               .Name("paygw_receive_delivery_duration_seconds")
                               .Help("Time to decide a delivery's reply")
                               .Register(registry)),
        alerts_(prometheus::BuildCounter()
                    .Name("paygw_receive_alerts_total")
                    .Help("Alerts raised while receiving, by provider and kind")
                    .Register(registry)) {}

  void on_call(const CallEvent& e) override {
    const std::string provider(e.provider);
    const std::string operation(e.operation);
    const std::string error_type(e.error_type);
    const std::string status = status_label(e.http_status);
    calls_
        .Add({{"paygw_provider", provider},
              {"paygw_operation", operation},
              {"http_request_method", std::string(e.method)},
              {"server_address", std::string(e.server_address)},
              {"http_response_status_code", status},
              {"error_type", error_type},
              {"paygw_provider_code", std::string(e.provider_code)}})
        .Increment();
    if (e.attempts > 0) {
      attempts_.Add({{"paygw_provider", provider}, {"paygw_operation", operation}})
          .Increment(static_cast<double>(e.attempts));
    }
    call_duration_
        .Add({{"paygw_provider", provider}, {"paygw_operation", operation}, {"error_type", error_type}}, buckets_)
        .Observe(seconds(e.duration));
  }

  void on_delivery(const DeliveryEvent& e) override {
    const std::string provider(e.provider);
    const std::string delivery(e.delivery);
    const std::string outcome(e.outcome);
    deliveries_
        .Add({{"paygw_provider", provider},
              {"paygw_delivery", delivery},
              {"paygw_outcome", outcome},
              {"http_response_status_code", status_label(e.status)}})
        .Increment();
    delivery_duration_
        .Add({{"paygw_provider", provider}, {"paygw_delivery", delivery}, {"paygw_outcome", outcome}}, buckets_)
        .Observe(seconds(e.duration));
  }

  void on_alert(const AlertEvent& e) override {
    alerts_.Add({{"paygw_provider", std::string(e.provider)}, {"paygw_alert_kind", std::string(e.kind)}}).Increment();
  }

 private:
  static double seconds(std::chrono::nanoseconds d) { return std::chrono::duration<double>(d).count(); }

  prometheus::Histogram::BucketBoundaries buckets_;
  prometheus::Family<prometheus::Counter>& calls_;
  prometheus::Family<prometheus::Counter>& attempts_;
  prometheus::Family<prometheus::Histogram>& call_duration_;
  prometheus::Family<prometheus::Counter>& deliveries_;
  prometheus::Family<prometheus::Histogram>& delivery_duration_;
  prometheus::Family<prometheus::Counter>& alerts_;
};

}  // namespace

std::shared_ptr<Observer> make_prometheus_observer(prometheus::Registry& registry, const PrometheusOptions& options) {
  std::vector<double> buckets = options.duration_buckets;
  if (!increasing(buckets)) buckets = PrometheusOptions{}.duration_buckets;
  return std::make_shared<PrometheusObserver>(registry, std::move(buckets));
}

}  // namespace paygw::metrics

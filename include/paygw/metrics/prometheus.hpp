// SPDX-License-Identifier: MIT
// paygw — Prometheus metrics from the Observer hook (CMake component `prometheus`, target
// paygw::prometheus; Debian prometheus-cpp-dev). The metric and label names are in
// docs/observability.md; ADR 0040.
//
//   auto registry = std::make_shared<prometheus::Registry>();
//   auto observer = paygw::metrics::make_prometheus_observer(*registry);
//   tingee_config.observer = observer;           // every provider call
//   dispatcher_config.applier.observer = observer;  // every delivery and alert
//   prometheus::Exposer exposer{"127.0.0.1:9464"};  // or serve TextSerializer output yourself
//   exposer.RegisterCollectable(registry);
#pragma once

#include <paygw/observer.hpp>

#include <memory>
#include <vector>

/// @cond
#if defined(PAYGW_STATIC_DEFINE)
#define PAYGW_PROMETHEUS_EXPORT
#elif defined(_WIN32)
#ifdef paygw_prometheus_EXPORTS
#define PAYGW_PROMETHEUS_EXPORT __declspec(dllexport)
#else
#define PAYGW_PROMETHEUS_EXPORT __declspec(dllimport)
#endif
#else
#define PAYGW_PROMETHEUS_EXPORT __attribute__((visibility("default")))
#endif

namespace prometheus {
class Registry;  // <prometheus/registry.h>; declared here so that this header needs no other
}  // namespace prometheus
/// @endcond

namespace paygw::metrics {

/// Options of make_prometheus_observer().
struct PrometheusOptions {
  /// Upper bounds (seconds) of the duration histograms' buckets, increasing: OpenTelemetry's
  /// default for HTTP durations, plus 30 and 60 s for slow provider calls.
  std::vector<double> duration_buckets{0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5,
                                       0.75,  1,    2.5,   5,    7.5,   10,  30,   60};
};

/// Registers paygw's metric families on `registry` and returns an Observer that updates them:
/// `paygw_client_calls_total`, `paygw_client_call_attempts_total`,
/// `paygw_client_call_duration_seconds`, `paygw_receive_deliveries_total`,
/// `paygw_receive_delivery_duration_seconds` and `paygw_receive_alerts_total` (labels in
/// docs/observability.md: OpenTelemetry attribute names with '.' written '_'). Share the one
/// observer between clients and dispatchers; `registry` must outlive it.
///
/// Registering twice on one registry gives observers that update the same families.
/// Errors: none (an invalid bucket list is replaced by the default). Thread-safe: the observer
/// may be called from any number of threads while the registry is scraped.
PAYGW_PROMETHEUS_EXPORT std::shared_ptr<Observer> make_prometheus_observer(prometheus::Registry& registry,
                                                                           const PrometheusOptions& options = {});

}  // namespace paygw::metrics

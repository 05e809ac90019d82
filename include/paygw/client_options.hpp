// SPDX-License-Identifier: MIT
// paygw — the settings every client shares (transport, timeouts, retries, logging, seams).
#pragma once

#include <paygw/clock.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/log.hpp>
#include <paygw/observer.hpp>
#include <paygw/rate_limit.hpp>
#include <paygw/retry.hpp>

#include <chrono>
#include <memory>

namespace paygw {

/// Common part of tingee::Config, tconnect::Config and charging::Config (each derives from it,
/// so the fields are written `config.timeout`, `config.retry`, ...). The seams left null get
/// their defaults when the client is created; an invalid value makes Client::create fail with
/// kConfig. The shared_ptr members may be shared by many clients (each must be thread-safe).
struct ClientOptions {
  std::shared_ptr<http::Transport> transport;  ///< Required (see http::make_curl_transport).
  Logger logger;                               ///< Diagnostics (off by default); never contains secrets.
  std::chrono::milliseconds timeout{30'000};   ///< Per request.
  /// Retries: reads only, on connect errors, timeouts, 429 and 5xx; payment writes only when the
  /// request was certainly not sent. See paygw/retry.hpp.
  RetryPolicy retry;                     ///< Attempts, backoff and the whole-call budget.
  std::shared_ptr<Clock> clock;          ///< Timestamps, token expiry, retry budget; defaults to system_clock().
  std::shared_ptr<Sleeper> sleeper;      ///< Waits between attempts; defaults to real_sleeper().
  std::shared_ptr<RandomSource> random;  ///< Retry jitter (and TConnect IVs); defaults to system_random().
  /** Sees every call once it finished (paygw/observer.hpp); null (the default): no events. */
  std::shared_ptr<Observer> observer{};
  /** Paces every attempt (paygw/rate_limit.hpp); null (the default): no client-side limit. Give
      several clients the same limiter to share one budget in the process. */
  std::shared_ptr<RateLimiter> rate_limiter{};
};

}  // namespace paygw

// SPDX-License-Identifier: MIT
// paygw — when a request is sent again, and how long to wait before it.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/export.hpp>

#include <chrono>
#include <functional>
#include <memory>

namespace paygw {

/// Whether an endpoint may be repeated without a second effect. Declared per endpoint in each
/// client, never guessed from the HTTP method.
enum class Idempotency {
  kIdempotent,  ///< Reads and token requests: retried on connect errors, timeouts, 429 and 5xx.
  kWrite,       ///< Payments and device actions: retried only when the request was certainly not sent.
};

/// Retry settings of a client. Backoff is exponential with jitter: attempt n waits a random
/// time in [d/2, d], d = min(max_backoff, initial_backoff * 2^(n-1)); a 429/503 `Retry-After`
/// (seconds, or an HTTP-date) within max_retry_after and the time left is honoured, a longer one ends the call.
struct RetryPolicy {
  int max_attempts = 3;                            ///< Including the first; 1 disables retries.
  std::chrono::milliseconds initial_backoff{500};  ///< Upper bound of the first wait (d for n = 1).
  std::chrono::milliseconds max_backoff{5'000};    ///< Upper bound of any computed wait.
  std::chrono::milliseconds max_retry_after{
      60'000};  ///< Longest server `Retry-After` honoured; a longer one ends the call.
  /// The whole time a call may take, waits and retries included (must be positive): no attempt
  /// starts after it, each attempt's timeout is cut to what is left, and a wait (a Retry-After
  /// included) that would not end within it ends the call at once with the last answer or error.
  /// CallOptions::total_timeout overrides it per call.
  std::chrono::milliseconds total_timeout{60'000};
};

/// How paygw waits between attempts; tests inject one that only records.
///
/// Thread safety: both members may be called concurrently.
class PAYGW_EXPORT Sleeper {
 public:
  virtual ~Sleeper() = default;

  /// Blocks for `duration`, or less once `cancel` is raised.
  virtual void sleep(std::chrono::milliseconds duration, const CancelToken& cancel) = 0;

  /// Runs `then` once `duration` has passed or `cancel` is raised, without blocking the caller
  /// (async calls wait this way). The default runs it on one timer thread shared by the process,
  /// started on first use; a raised cancel is noticed within 100 ms. `then` must not throw.
  virtual void sleep_async(std::chrono::milliseconds duration, const CancelToken& cancel, std::function<void()> then);
};

/// Really waits: sleep() blocks on the cancel token, sleep_async() uses the shared timer thread.
/// Never null.
PAYGW_EXPORT std::shared_ptr<Sleeper> real_sleeper();

}  // namespace paygw

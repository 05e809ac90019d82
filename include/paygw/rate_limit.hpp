// SPDX-License-Identifier: MIT
// paygw — a client-side limit on how fast requests go to a provider (ADR 0055).
#pragma once

#include <paygw/export.hpp>
#include <paygw/result.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

namespace paygw {

/// How fast a RateLimiter lets requests go: on average `per_second` requests a second, up to
/// `burst` of them at once after a quiet time.
struct RateLimit {
  double per_second = 0;  ///< Average requests a second; 0.001..1'000'000.
  int burst = 1;          ///< Requests that may go at once; 1..1'000'000.
};

/// A token bucket (in its GCRA form) shared by every attempt of the clients configured with it
/// (ClientOptions::rate_limiter; none by default). Give the same limiter to several clients of one
/// provider account to share its budget process-wide, or one limiter per client to limit each alone.
///
/// The call pipeline asks it before every attempt (retries and re-authentications included) and
/// waits, within the call's total_timeout and cancel flag, for its turn: a turn beyond the deadline
/// ends the call at once with kTimeout (nothing sent), a cancel during the wait with kCancelled
/// (nothing sent). When a provider says "too fast" (HTTP 429, a 503 with Retry-After, Tingee's code
/// 1001) the pipeline pauses the limiter: no attempt of any client sharing it starts before the
/// server's Retry-After (or RetryPolicy::initial_backoff when it gives none) has passed.
///
/// Times are those of the clock each caller passes (the client's Clock); clients sharing a limiter
/// should share a clock. Thread safety: every member may be called concurrently.
class PAYGW_EXPORT RateLimiter {
 public:
  /// A time on the callers' Clock.
  using TimePoint = std::chrono::system_clock::time_point;

  /// A limiter for `limit`. Errors: kConfig when per_second or burst is out of range.
  [[nodiscard]] static Result<std::shared_ptr<RateLimiter>> create(RateLimit limit);

  /// Takes the next turn to send one request at `now`: the wait before it (zero: send now), or
  /// nullopt when that wait would be `max_wait` or longer (then no turn is taken).
  std::optional<std::chrono::milliseconds> reserve(TimePoint now, std::chrono::milliseconds max_wait);

  /// The server asked to slow down: no turn is given before `now + pause` (an earlier pause that
  /// lasts longer is kept).
  void pause(TimePoint now, std::chrono::milliseconds pause);

  /// The settings it was created with.
  RateLimit limit() const noexcept { return limit_; }

 private:
  explicit RateLimiter(RateLimit limit);

  RateLimit limit_;
  std::int64_t interval_ns_;   // one request's share of time
  std::int64_t tolerance_ns_;  // (burst - 1) intervals
  std::mutex mu_;
  std::optional<std::int64_t> tat_ns_;  // theoretical arrival time, ns since the clock's epoch
};

}  // namespace paygw

// SPDX-License-Identifier: MIT
#include <paygw/rate_limit.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace paygw {
namespace {

std::int64_t ns_of(RateLimiter::TimePoint t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

constexpr double kMinPerSecond = 0.001;
constexpr double kMaxPerSecond = 1'000'000;
constexpr int kMaxBurst = 1'000'000;
constexpr double kNanosPerSecond = 1e9;

}  // namespace

Result<std::shared_ptr<RateLimiter>> RateLimiter::create(RateLimit limit) {
  if (!(limit.per_second >= kMinPerSecond && limit.per_second <= kMaxPerSecond)) {
    return make_error(ErrorCode::kConfig,
                      "rate limit: per_second must be in [0.001, 1000000], got " + std::to_string(limit.per_second));
  }
  if (limit.burst < 1 || limit.burst > kMaxBurst) {
    return make_error(ErrorCode::kConfig,
                      "rate limit: burst must be in [1, 1000000], got " + std::to_string(limit.burst));
  }
  return std::shared_ptr<RateLimiter>(new RateLimiter(limit));
}

RateLimiter::RateLimiter(RateLimit limit)
    : limit_(limit),
      interval_ns_(std::max<std::int64_t>(1, std::llround(kNanosPerSecond / limit.per_second))),
      tolerance_ns_(interval_ns_ * (limit.burst - 1)) {}

std::optional<std::chrono::milliseconds> RateLimiter::reserve(TimePoint now, std::chrono::milliseconds max_wait) {
  const std::int64_t now_ns = ns_of(now);
  const std::lock_guard<std::mutex> lock(mu_);
  const std::int64_t t = std::max(tat_ns_.value_or(now_ns), now_ns);
  const std::int64_t wait_ns = std::max<std::int64_t>(0, t - tolerance_ns_ - now_ns);
  constexpr std::int64_t kNanosPerMilli = 1'000'000;
  const std::chrono::milliseconds wait((wait_ns + kNanosPerMilli - 1) / kNanosPerMilli);  // rounded up
  if (wait_ns > 0 && wait >= max_wait) return std::nullopt;
  if (wait_ns == 0 && max_wait.count() <= 0) return std::nullopt;
  tat_ns_ = t + interval_ns_;
  return wait;
}

void RateLimiter::pause(TimePoint now, std::chrono::milliseconds pause) {
  const std::int64_t until =
      ns_of(now) +
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::max(pause, std::chrono::milliseconds(0))).count() +
      tolerance_ns_;
  const std::lock_guard<std::mutex> lock(mu_);
  tat_ns_ = std::max(tat_ns_.value_or(until), until);
}

}  // namespace paygw

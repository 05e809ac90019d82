// SPDX-License-Identifier: MIT
// Internal: whether and when an attempt may be repeated (ADR 0021): the retry rule by failure,
// status and idempotency, the jittered backoff, and Retry-After in both of its forms. Pure
// functions, table-tested; the pipeline (call/pipeline.hpp) applies them.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>
#include <paygw/retry.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace paygw::detail {

/// Longest Retry-After paygw represents (about 31 years); a longer delay-seconds value reads as it.
inline constexpr std::int64_t kMaxRetryAfterSeconds = 1'000'000'000;

/// An HTTP-date (RFC 9110, section 5.6.7) in any of its three formats — IMF-fixdate
/// ("Sun, 06 Nov 1994 08:49:37 GMT"), RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime
/// ("Sun Nov  6 08:49:37 1994") — or nullopt when `text` is none of them or not a real date.
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text);

/// A `Retry-After` value as a delay from `now`: delay-seconds (any number of digits, saturated at
/// kMaxRetryAfterSeconds) or an HTTP-date (a past date: zero); nullopt when it is neither.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

/// Why an attempt may be repeated, or nullopt when it may not (pure; table-tested).
/// `retry_after` receives the response's Retry-After delay (from `now`) when it carried a valid one.
std::optional<std::string> retry_reason(const Result<http::Response>& outcome, Idempotency idempotency,
                                        std::chrono::system_clock::time_point now,
                                        std::optional<std::chrono::milliseconds>* retry_after);

/// The wait before attempt `attempt + 1` (attempt >= 1): exponential, jittered into [d/2, d]
/// by `unit` in [0, 1].
std::chrono::milliseconds backoff(const RetryPolicy& policy, int attempt, double unit);

}  // namespace paygw::detail

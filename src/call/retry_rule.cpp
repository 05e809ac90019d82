// SPDX-License-Identifier: MIT
#include "call/retry_rule.hpp"

#include "base/civil_time.hpp"
#include "http/util.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace paygw::detail {
namespace {

// Reads `n` digits at `pos`; -1 when they are not all digits.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// "Jan" .. "Dec" at `pos` -> 1..12, else 0.
unsigned month_at(std::string_view s, std::size_t pos) {
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (pos + 3 > s.size()) return 0;
  for (unsigned m = 0; m < kMonths.size(); ++m) {
    if (s.substr(pos, 3) == kMonths[m]) return m + 1;
  }
  return 0;
}

// "HH:MM:SS" at `pos` -> seconds of the day, else -1.
int time_at(std::string_view s, std::size_t pos) {
  const int h = digits(s, pos, 2);
  const int m = digits(s, pos + 3, 2);
  const int sec = digits(s, pos + 6, 2);
  if (h < 0 || m < 0 || sec < 0 || s.size() < pos + 8 || s[pos + 2] != ':' || s[pos + 5] != ':' || h > 23 || m > 59 ||
      sec > 60) {
    return -1;
  }
  return h * 3600 + m * 60 + std::min(sec, 59);
}

std::optional<std::chrono::system_clock::time_point> civil_time(std::int64_t year, unsigned month, int day,
                                                                int seconds) {
  const CivilDate date{year, month, static_cast<unsigned>(std::max(day, 0))};
  if (year < 0 || day < 1 || seconds < 0 || !valid_civil(date)) return std::nullopt;
  return std::chrono::system_clock::time_point(std::chrono::seconds(days_from_civil(date) * 86400 + seconds));
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) {
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" (what servers must send).
  if (text.size() == 29 && text[3] == ',' && text[4] == ' ' && text[7] == ' ' && text[11] == ' ' && text[16] == ' ' &&
      text.substr(25) == " GMT") {
    return civil_time(digits(text, 12, 4), month_at(text, 8), digits(text, 5, 2), time_at(text, 17));
  }
  // asctime: "Sun Nov  6 08:49:37 1994".
  if (text.size() == 24 && text[3] == ' ' && text[7] == ' ' && text[10] == ' ' && text[19] == ' ') {
    const int day = text[8] == ' ' ? digits(text, 9, 1) : digits(text, 8, 2);
    return civil_time(digits(text, 20, 4), month_at(text, 4), day, time_at(text, 11));
  }
  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"; a two-digit year more than 50 years ahead is in
  // the past century (RFC 9110, section 5.6.7) — taken here as 1970..2069.
  const auto comma = text.find(", ");
  if (comma != std::string_view::npos && text.size() == comma + 24 && text[comma + 4] == '-' &&
      text[comma + 8] == '-' && text[comma + 11] == ' ' && text.substr(comma + 20) == " GMT") {
    const int yy = digits(text, comma + 9, 2);
    if (yy < 0) return std::nullopt;
    return civil_time(yy < 70 ? 2000 + yy : 1900 + yy, month_at(text, comma + 5), digits(text, comma + 2, 2),
                      time_at(text, comma + 12));
  }
  return std::nullopt;
}

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (value.find_first_not_of("0123456789") == std::string_view::npos) {
    // delay-seconds: any number of digits; beyond kMaxRetryAfterSeconds it is "far too long".
    std::int64_t seconds = 0;
    for (const char c : value) {
      seconds = seconds * 10 + (c - '0');
      if (seconds > kMaxRetryAfterSeconds) return std::chrono::seconds(kMaxRetryAfterSeconds);
    }
    return std::chrono::seconds(seconds);
  }
  const auto date = parse_http_date(value);
  if (!date) return std::nullopt;
  if (*date <= now) return std::chrono::milliseconds(0);
  const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*date - now);
  return std::min<std::chrono::milliseconds>(wait, std::chrono::seconds(kMaxRetryAfterSeconds));
}

std::optional<std::string> retry_reason(const Result<http::Response>& outcome, Idempotency idempotency,
                                        std::chrono::system_clock::time_point now,
                                        std::optional<std::chrono::milliseconds>* retry_after) {
  if (!outcome) {
    const Error& e = outcome.error();
    // Certainly not sent: safe for every endpoint. A TLS verification failure is not transient.
    if (e.delivery == Delivery::kNotSent) {
      if (e.code == ErrorCode::kConnect) return "connect failed (not sent)";
      if (e.code == ErrorCode::kTimeout) return "connect timed out (not sent)";
      return std::nullopt;
    }
    if (idempotency != Idempotency::kIdempotent) return std::nullopt;
    if (e.code == ErrorCode::kTimeout || e.code == ErrorCode::kNetwork) return std::string(to_string(e.code));
    return std::nullopt;
  }
  const int status = outcome->status;
  if (idempotency != Idempotency::kIdempotent) return std::nullopt;
  if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
    const std::string* after = http::find_header(outcome->headers, "retry-after");
    if (after != nullptr && retry_after != nullptr) *retry_after = parse_retry_after(*after, now);
    return "HTTP " + std::to_string(status);
  }
  return std::nullopt;
}

std::chrono::milliseconds backoff(const RetryPolicy& policy, int attempt, double unit) {
  auto d = static_cast<double>(policy.initial_backoff.count());
  for (int i = 1; i < attempt && d < static_cast<double>(policy.max_backoff.count()); ++i) d *= 2;
  d = std::min(d, static_cast<double>(policy.max_backoff.count()));
  unit = std::min(1.0, std::max(0.0, unit));
  return std::chrono::milliseconds(static_cast<std::int64_t>(d / 2 + d / 2 * unit));
}

}  // namespace paygw::detail

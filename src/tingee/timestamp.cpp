// SPDX-License-Identifier: MIT
#include "tingee/timestamp.hpp"

#include <paygw/tingee/client.hpp>

#include "base/civil_time.hpp"

#include <cstdio>

namespace paygw::tingee {

std::string format_timestamp(std::chrono::system_clock::time_point t) {
  constexpr std::int64_t kDayMs = 86'400'000;
  const std::int64_t local_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch() + detail::kVietnamUtcOffset).count();
  std::int64_t days = local_ms / kDayMs;
  std::int64_t ms = local_ms % kDayMs;
  if (ms < 0) {  // before 1970: floor, not truncate
    ms += kDayMs;
    --days;
  }
  const paygw::detail::CivilDate date = paygw::detail::civil_from_days(days);
  if (date.year < 0 || date.year > 9999) {  // not reachable with a 64-bit nanosecond clock; kept general
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld%02u%02u%02lld%02lld%02lld%03lld", static_cast<long long>(date.year),
                  date.month, date.day, static_cast<long long>(ms / 3'600'000),
                  static_cast<long long>(ms / 60'000 % 60), static_cast<long long>(ms / 1000 % 60),
                  static_cast<long long>(ms % 1000));
    return buf;
  }
  // The same 17 digits as the snprintf above, written directly (snprintf was half of a signature's
  // non-crypto cost).
  std::string out(17, '0');
  auto put = [&out](std::size_t pos, std::size_t width, std::int64_t value) {
    for (std::size_t i = pos + width; i > pos; --i, value /= 10) out[i - 1] = static_cast<char>('0' + value % 10);
  };
  put(0, 4, date.year);
  put(4, 2, date.month);
  put(6, 2, date.day);
  put(8, 2, ms / 3'600'000);
  put(10, 2, ms / 60'000 % 60);
  put(12, 2, ms / 1000 % 60);
  put(14, 3, ms % 1000);
  return out;
}

namespace detail {

std::optional<std::chrono::system_clock::time_point> parse_timestamp(std::string_view text) {
  if (text.size() != 17) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  auto num = [&](std::size_t pos, std::size_t len) {
    std::int64_t v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  const paygw::detail::CivilDate date{num(0, 4), static_cast<unsigned>(num(4, 2)), static_cast<unsigned>(num(6, 2))};
  const std::int64_t hour = num(8, 2), minute = num(10, 2), second = num(12, 2), milli = num(14, 3);
  if (!paygw::detail::valid_civil(date) || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  // system_clock counts nanoseconds in 64 bits: only years 1970..2200 are representable safely.
  if (date.year < 1970 || date.year > 2200) return std::nullopt;
  namespace chrono = std::chrono;
  const chrono::milliseconds local = chrono::hours(24 * paygw::detail::days_from_civil(date)) + chrono::hours(hour) +
                                     chrono::minutes(minute) + chrono::seconds(second) + chrono::milliseconds(milli);
  using Clock = chrono::system_clock;
  return Clock::time_point(chrono::duration_cast<Clock::duration>(local - kVietnamUtcOffset));
}

}  // namespace detail
}  // namespace paygw::tingee

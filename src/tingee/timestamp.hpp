// SPDX-License-Identifier: MIT
// Internal: Tingee's x-request-timestamp (yyyyMMddHHmmssSSS, UTC+7) in both directions.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace paygw::tingee::detail {

/// Vietnam (Asia/Ho_Chi_Minh) is UTC+7 all year: no daylight saving time.
inline constexpr std::chrono::hours kVietnamUtcOffset{7};

/// Parses 17 ASCII digits into a UTC time point; nullopt for any other length, a non-digit, an
/// impossible date/time, or a year outside 1970..2200.
std::optional<std::chrono::system_clock::time_point> parse_timestamp(std::string_view text);

}  // namespace paygw::tingee::detail

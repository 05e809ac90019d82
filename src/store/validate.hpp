// SPDX-License-Identifier: MIT
// Internal: checks and conversions every PaymentStore implementation shares (header-only, so the
// paygw::sqlite and paygw::postgres libraries use them without paygw exporting them).
#pragma once

#include <paygw/money.hpp>
#include <paygw/result.hpp>
#include <paygw/store.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace paygw::detail::store {

inline constexpr std::size_t kMaxRequestId = 128;
inline constexpr std::size_t kMaxEventId = 256;

/// `key` is 1..max bytes without control characters. Errors: kInvalidArgument.
inline Result<void> check_key(std::string_view what, std::string_view key, std::size_t max) {
  const bool printable =
      std::all_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x20 && c != 0x7f; });
  if (key.empty() || key.size() > max || !printable) {
    return make_error(ErrorCode::kInvalidArgument,
                      "store: " + std::string(what) + " must be 1.." + std::to_string(max) + " printable bytes");
  }
  return {};
}

/// A record acceptable to record_submission(). Errors: kInvalidArgument.
inline Result<void> check_record(const SubmissionRecord& record) {
  if (auto ok = check_key("request_id", record.request_id, kMaxRequestId); !ok) return ok;
  if (record.state == SubmissionState::kFinal) {
    return make_error(ErrorCode::kInvalidArgument, "store: a submission is recorded before it is final");
  }
  if (record.amount < 0 || record.amount > kMaxAmountVnd) {
    return make_error(ErrorCode::kInvalidArgument, "store: amount outside 0.." + std::to_string(kMaxAmountVnd));
  }
  return {};
}

/// A pair acceptable to mark(). Errors: kInvalidArgument.
inline Result<void> check_mark(SubmissionState from, SubmissionState to) {
  if (from == SubmissionState::kWriteAhead && (to == SubmissionState::kPending || to == SubmissionState::kNotSent)) {
    return {};
  }
  return make_error(ErrorCode::kInvalidArgument, "store: mark() allows write_ahead -> pending or not_sent only");
}

inline std::int64_t to_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

inline std::chrono::system_clock::time_point from_ms(std::int64_t ms) {
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::milliseconds(ms)));
}

}  // namespace paygw::detail::store

// SPDX-License-Identifier: MIT
// Internal: checks and conversions every PaymentStore implementation shares (header-only, so the
// paygw::sqlite and paygw::postgres libraries use them without paygw exporting them).
#pragma once

#include <paygw/money.hpp>
#include <paygw/result.hpp>
#include <paygw/store.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
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

inline constexpr std::size_t kMaxFlowName = 64;
inline constexpr std::size_t kMaxFlowData = 65536;

/// A flow's state and data acceptable to create_flow() / update_flow(). Errors: kInvalidArgument.
inline Result<void> check_flow_update(std::string_view state, std::string_view data) {
  if (auto ok = check_key("flow state", state, kMaxFlowName); !ok) return ok;
  if (data.size() > kMaxFlowData) {
    return make_error(ErrorCode::kInvalidArgument,
                      "store: flow data must be at most " + std::to_string(kMaxFlowData) + " bytes");
  }
  return {};
}

/// A record acceptable to create_flow(). Errors: kInvalidArgument.
inline Result<void> check_flow(const FlowRecord& record) {
  if (auto ok = check_key("flow_id", record.flow_id, kMaxRequestId); !ok) return ok;
  if (auto ok = check_key("flow kind", record.kind, kMaxFlowName); !ok) return ok;
  return check_flow_update(record.state, record.data);
}

inline constexpr std::size_t kMaxPage = 1000;
inline constexpr std::size_t kMaxAlertSubject = 256;
inline constexpr std::size_t kMaxAlertMessage = 1000;

/// A page size acceptable to list_*(). Errors: kInvalidArgument.
inline Result<void> check_limit(std::size_t limit) {
  if (limit == 0 || limit > kMaxPage) {
    return make_error(ErrorCode::kInvalidArgument, "store: a page holds 1.." + std::to_string(kMaxPage) + " rows");
  }
  return {};
}

inline Error bad_cursor() { return make_error(ErrorCode::kInvalidArgument, "store: not a cursor of this store"); }

/// A sequence-number cursor ("" = 0). Errors: kInvalidArgument.
inline Result<std::int64_t> parse_seq_cursor(std::string_view cursor) {
  if (cursor.empty()) return std::int64_t{0};
  if (cursor.size() > 18) return bad_cursor();
  std::int64_t v = 0;
  for (char c : cursor) {
    if (c < '0' || c > '9') return bad_cursor();
    v = v * 10 + (c - '0');
  }
  return v;
}

/// The position of a submission in list_submissions() order: (created_ms, provider, request_id).
struct SubmissionCursor {
  std::int64_t created_ms = 0;
  std::string provider;
  std::string request_id;
};

inline std::string submission_cursor(std::int64_t created_ms, std::string_view provider, std::string_view request_id) {
  return std::to_string(created_ms) + ":" + std::string(provider) + ":" + std::string(request_id);
}

/// Parses submission_cursor()'s text. Errors: kInvalidArgument.
inline Result<SubmissionCursor> parse_submission_cursor(std::string_view cursor) {
  const auto a = cursor.find(':');
  if (a == std::string_view::npos) return bad_cursor();
  const auto b = cursor.find(':', a + 1);
  if (b == std::string_view::npos) return bad_cursor();
  auto ms = parse_seq_cursor(cursor.substr(0, a));
  if (!ms || a == 0) return bad_cursor();
  SubmissionCursor c{*ms, std::string(cursor.substr(a + 1, b - a - 1)), std::string(cursor.substr(b + 1))};
  if (!parse_provider(c.provider) || c.request_id.empty()) return bad_cursor();
  return c;
}

/// How many alerts one store object keeps: a burst of kAlertBurst, then kAlertsPerSecond. A flood
/// of forged deliveries (each one alerted) must not become a flood of durable writes holding the
/// database's write lock; Handlers::alert still sees every alert. Thread-safe.
class AlertBudget {
 public:
  static constexpr double kAlertBurst = 20;
  static constexpr double kAlertsPerSecond = 10;
  /// true when one more alert may be written now.
  bool take() {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard<std::mutex> lock(mu_);
    if (!started_) {
      started_ = true;
      last_ = now;
    }
    tokens_ = std::min(kAlertBurst, tokens_ + std::chrono::duration<double>(now - last_).count() * kAlertsPerSecond);
    last_ = now;
    if (tokens_ < 1) return false;
    tokens_ -= 1;
    return true;
  }

 private:
  std::mutex mu_;
  bool started_ = false;
  double tokens_ = kAlertBurst;
  std::chrono::steady_clock::time_point last_;
};

/// The error of an alert over AlertBudget.
inline Error alert_budget_exceeded() {
  return make_error(ErrorCode::kInternal, "store: more alerts than kept (a burst of 20, then 10 a second): dropped");
}

/// `text` cut to at most `max` bytes, never inside a UTF-8 sequence.
inline std::string cut_utf8(std::string_view text, std::size_t max) {
  if (text.size() <= max) return std::string(text);
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return std::string(text.substr(0, n));
}

/// true when `sql` starts (after blanks and comments) with a transaction-control keyword: the
/// store's own business, refused in the merchant's execute().
inline bool is_transaction_control(std::string_view sql) {
  std::size_t i = 0;
  for (;;) {
    while (i < sql.size() && (sql[i] == ' ' || sql[i] == '\t' || sql[i] == '\n' || sql[i] == '\r' || sql[i] == '('))
      ++i;
    if (sql.compare(i, 2, "--") == 0) {
      const auto end = sql.find('\n', i);
      if (end == std::string_view::npos) return false;
      i = end + 1;
    } else if (sql.compare(i, 2, "/*") == 0) {
      const auto end = sql.find("*/", i + 2);
      if (end == std::string_view::npos) return false;
      i = end + 2;
    } else {
      break;
    }
  }
  std::string word;
  while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i])) != 0) {
    word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i]))));
    ++i;
  }
  for (const char* k : {"BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "PREPARE"}) {
    if (word == k) return true;
  }
  return false;
}

/// The error of a merchant statement that is_transaction_control().
inline Error transaction_control_refused() {
  return make_error(ErrorCode::kInvalidArgument,
                    "store: transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT…) is the store's, not execute()'s");
}

/// The "a statement failed, so nothing commits" rule every store's transaction follows (see
/// PaymentStore): remembers the first failed statement; later statements and commit() fail.
class FailureLatch {
 public:
  /// Passes `r` through, remembering a failure.
  template <typename T>
  Result<T> track(Result<T> r) {
    if (!r && !failed_) {
      failed_ = true;
      first_ = r.error().message;
    }
    return r;
  }
  bool failed() const noexcept { return failed_; }
  /// The error of a statement run after a failed one, or of commit().
  Error error() const {
    return make_error(ErrorCode::kInternal,
                      "store: the transaction was rolled back: a statement in it failed (" + first_ + ")");
  }

 private:
  bool failed_ = false;
  std::string first_;
};

inline std::int64_t to_ms(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

inline std::chrono::system_clock::time_point from_ms(std::int64_t ms) {
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::milliseconds(ms)));
}

}  // namespace paygw::detail::store

// SPDX-License-Identifier: MIT
// paygw — per-call settings: cancellation and an overall deadline.
#pragma once

#include <paygw/export.hpp>

#include <chrono>
#include <memory>
#include <optional>

namespace paygw {

/// A flag the caller raises to stop calls it started. Copies share one flag, so the caller keeps
/// one copy and passes another in CallOptions. Once cancelled it stays cancelled.
///
/// What a cancelled call does: no new attempt starts, a wait between attempts ends at once, and
/// an HTTP exchange in flight is aborted (libcurl transport: within about a second). The call
/// fails with ErrorCode::kCancelled; its Error::delivery says whether any attempt may have
/// reached the server — a cancelled payment write that says kMaybeSent must be reconciled with
/// the provider's query endpoint like any other unknown outcome.
///
/// Thread safety: every member may be called concurrently from any thread.
class PAYGW_EXPORT CancelToken {
 public:
  /// A new flag, not cancelled.
  CancelToken();

  /// Raises the flag and wakes everything waiting on it. Idempotent.
  void cancel() const noexcept;

  /// Whether cancel() has been called on this flag.
  bool cancelled() const noexcept;

  /// Blocks for `duration` or until cancel(), whichever comes first. Returns cancelled().
  bool wait_for(std::chrono::milliseconds duration) const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

/// Optional settings of one call, the last parameter of every client method
/// (`client.get_device_paging(request, {token})`). The defaults change nothing.
struct CallOptions {
  /// Cancels this call when raised; none by default.
  std::optional<CancelToken> cancel = std::nullopt;
  /// The whole time this call may take, waits and retries included; zero = the client's
  /// RetryPolicy::total_timeout (60 s by default). Each attempt's timeout is cut to what is left.
  std::chrono::milliseconds total_timeout{0};
};

}  // namespace paygw

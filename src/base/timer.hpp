// SPDX-License-Identifier: MIT
// Internal: the one timer thread async calls use to wait between attempts.
#pragma once

#include <paygw/call_options.hpp>

#include <chrono>
#include <functional>
#include <optional>

namespace paygw::detail {

/// Runs `then` on the shared timer thread once `delay` has passed, or within 100 ms of `cancel`
/// being raised. The thread starts on first use and lives until the process exits. `then` must
/// be short and must not throw (exceptions are swallowed); it may schedule more work.
void run_after(std::chrono::milliseconds delay, std::optional<CancelToken> cancel, std::function<void()> then);

}  // namespace paygw::detail

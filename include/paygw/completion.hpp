// SPDX-License-Identifier: MIT
// paygw — completing a call into a callback instead of a future.
#pragma once

#include <paygw/result.hpp>

#include <functional>

namespace paygw {

/// Receives the result of an `_async` call made in its callback form, e.g.
/// `client.show_qr_code_async(request, [](Result<tingee::Ack> r) { ... });`.
///
/// Contract: it is called exactly once, with the same result the blocking call would return.
/// It runs on a transport or timer thread — or inline on the caller's thread, before the `_async`
/// call returns, when the call ends before anything is sent (an invalid request, a cancelled or
/// exhausted budget). It must not block (it would hold up every other call in flight on that
/// thread), and should be quick: hand long work to the merchant's own executor. An exception
/// thrown by it is caught, logged through ClientOptions::logger at LogLevel::kError and dropped: it
/// never reaches the transport's thread. No thread waits for a call made this way, so thousands
/// can be in flight at once.
template <class T>
using Completion = std::function<void(Result<T>)>;

}  // namespace paygw

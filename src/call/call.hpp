// SPDX-License-Identifier: MIT
// Internal: an endpoint row called in the async forms of a public method (ADR 0042) — completing
// into a paygw::Completion, and the future form derived from it. Neither makes a thread wait:
// the call runs through Pipeline in Mode::kAsync (transport and timer threads only).
#pragma once

#include <paygw/completion.hpp>
#include <paygw/log.hpp>

#include "call/pipeline.hpp"

#include <future>
#include <memory>
#include <utility>

namespace paygw::detail {

/// Calls `done(result)` once; an exception it throws (or an empty `done`) is logged at kError and
/// dropped, so it never reaches a transport or timer thread.
template <typename T>
void complete(const Pipeline& pipeline, const Completion<T>& done, Result<T> result) noexcept {
  try {
    done(std::move(result));
  } catch (...) {
    pipeline.log(LogLevel::kError, "a Completion threw; the exception was dropped");
  }
}

/// Runs endpoint `ep` for `request` in Mode::kAsync and completes into `done` exactly once: on a
/// transport or timer thread, or inline when the call ends before anything is sent. `owner`
/// keeps the pipeline and protocol alive until then.
template <typename P, typename E, typename Req>
void call_back(const std::shared_ptr<const void>& owner, const Pipeline& pipeline, const P& protocol, const E& ep,
               const Req& request, const CallOptions& options, Completion<typename E::Response> done) {
  using Res = typename E::Response;
  run(owner, pipeline, protocol, ep, request, options, Mode::kAsync,
      [&pipeline, owner, done = std::move(done)](Result<Res> result) { complete(pipeline, done, std::move(result)); });
}

/// The future form, derived from call_back: the future is set where the Completion would run.
template <typename P, typename E, typename Req>
std::future<Result<typename E::Response>> call_future(const std::shared_ptr<const void>& owner,
                                                      const Pipeline& pipeline, const P& protocol, const E& ep,
                                                      const Req& request, const CallOptions& options) {
  using Res = typename E::Response;
  auto promise = std::make_shared<std::promise<Result<Res>>>();
  auto future = promise->get_future();
  call_back(owner, pipeline, protocol, ep, request, options,
            [promise](Result<Res> result) { promise->set_value(std::move(result)); });
  return future;
}

}  // namespace paygw::detail

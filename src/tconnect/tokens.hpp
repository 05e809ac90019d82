// SPDX-License-Identifier: MIT
// Internal: TConnect's token cache — the bearer step of its per-attempt chain (ADR 0043), which
// owns its login: single-flight login/refresh shared by blocking and async calls.
#pragma once

#include <paygw/clock.hpp>

#include "call/pipeline.hpp"
#include "tconnect/codec.hpp"
#include "tconnect/protocol.hpp"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace paygw::tconnect::detail {

using paygw::detail::CallLimits;
using paygw::detail::Mode;

/// Receives a token (or why there is none), exactly once.
using TokenDone = std::function<void(Result<std::string>)>;
/// Receives the answer of a login or refresh, exactly once.
using TokensDone = std::function<void(Result<detail::Tokens>)>;

/// The access token of a client, and the chain's step that puts it on every attempt
/// (`Authorization: Bearer <token>`): cached, refreshed `skew` before it expires, else a fresh
/// login when the refresh fails. The cache sends its login and refresh itself: encoded by the
/// protocol, through a pipeline of its own with no step (the client's transport, retries, logging
/// and observer) — the calling request's pipeline is never re-entered, and nothing climbs back to
/// the connection. One fetch at a time: callers arriving meanwhile wait for it — a blocking caller
/// on its own thread, an async caller as a queued continuation — each giving up when its own
/// cancel flag is raised or its call's budget runs out (ADR 0034).
///
/// Who runs the fetch, within which limits: a blocking caller that finds no fetch running runs
/// it inline, within its own call's cancel flag and what is left of its budget, so it never
/// waits past its own limit. If it gives up (its limit, not the server, ended the fetch), the
/// fetch's failure is nobody else's answer: a blocking caller still waiting takes over with a
/// fetch of its own, and async callers still waiting get an async fetch. An async caller starts
/// an async fetch with the client's own budget, which completes for every waiter however many
/// give up. Create it with std::make_shared (an async fetch keeps it alive). Thread-safe.
class TokenCache final : public paygw::detail::Step, public std::enable_shared_from_this<TokenCache> {
 public:
  /// `protocol` encodes the login and refresh and reads their answers; its Config (checked by
  /// make_connection) gives the credentials, the clock, token_refresh_skew and the client options.
  explicit TokenCache(std::shared_ptr<const TconnectProtocol> protocol);

  /// Adds `Authorization: Bearer <token>` to `attempt` (fetching a token first if needed). A token
  /// that cannot be had fails the call with Delivery::kNotSent: the call was not sent.
  void apply(http::Request& attempt, const CallLimits& limits, Mode mode, paygw::detail::StepDone done) override;
  /// Forgets the token `rejected` carried, so the next attempt (a read) or call logs in afresh.
  bool reauthenticate(const http::Request& rejected) override;

  /// Calls `done` with a valid access token. kBlocking: before returning. kAsync: inline when a
  /// token is cached, else once the shared fetch ends (on the thread that ends it), or on the
  /// timer thread when `limits` run out first — never blocking.
  void get(Mode mode, const CallLimits& limits, TokenDone done);
  /// Forgets `rejected` (after a 401) unless another call already replaced it.
  void invalidate(const std::string& rejected);

 private:
  struct Waiter;
  using OutcomeDone = std::function<void(Result<std::string>)>;
  std::optional<std::string> cached_locked(std::chrono::system_clock::time_point now) const;
  /// Runs one fetch (a refresh, else or then a login). `leader`: the limits of the blocking
  /// caller running it inline (which outlive it), or nullptr for an async fetch within the
  /// client's own budget. Publishes the outcome, then passes it to `then` (may be empty).
  void start_fetch(Mode mode, const CallLimits* leader, OutcomeDone then);
  Result<std::string> publish(Result<detail::Tokens> tokens, bool bounded);
  Result<std::string> wait_blocking(std::unique_lock<std::mutex>& lock, const CallLimits& limits);
  /// Sends a login when `refresh_token` is empty, else a refresh, as a call (a read) with
  /// `options` (its cancel flag and budget). kBlocking: `done` runs before it returns; kAsync: it
  /// never blocks, and keeps this cache alive until `done` has run.
  void fetch(const std::string& refresh_token, Mode mode, const CallOptions& options, TokensDone done);
  void log(LogLevel level, std::string_view line) const;

  std::shared_ptr<const TconnectProtocol> protocol_;
  paygw::detail::Pipeline login_;  // the login's and refresh's own pipeline: no step
  std::shared_ptr<Clock> clock_;
  std::chrono::seconds skew_;

  mutable std::mutex mu_;
  std::condition_variable fetched_;
  std::string access_token_;
  std::chrono::system_clock::time_point access_expiry_{};
  std::string refresh_token_;
  std::optional<std::chrono::system_clock::time_point> refresh_expiry_;
  bool fetching_ = false;
  std::uint64_t generation_ = 0;                  // completed fetches
  Result<std::string> last_ = std::string();      // the outcome of the last fetch
  bool last_abandoned_ = false;                   // it ended because its blocking caller gave up
  std::vector<std::shared_ptr<Waiter>> waiters_;  // async callers waiting for the fetch
};

}  // namespace paygw::tconnect::detail

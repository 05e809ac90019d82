// Internal: the one place where a provider client hands a request to the transport.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/client_options.hpp>
#include <paygw/clock.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/log.hpp>
#include <paygw/result.hpp>
#include <paygw/retry.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace paygw::detail {

/// Per-attempt preparation (signing with a fresh timestamp); runs right before each send.
using PrepareFn = std::function<Result<void>(http::Request&)>;

/// A response and how many attempts it took.
struct Exchange {
  http::Response response;
  int attempts = 1;
};

/// Why an attempt may be repeated, or nullopt when it may not (pure; table-tested).
/// `retry_after` receives a Retry-After delay when the response carried one.
std::optional<std::string> retry_reason(const Result<http::Response>& outcome, Idempotency idempotency,
                                        std::optional<std::chrono::milliseconds>* retry_after);

/// The wait before attempt `attempt + 1` (attempt >= 1): exponential, jittered into [d/2, d]
/// by `unit` in [0, 1].
std::chrono::milliseconds backoff(const RetryPolicy& policy, int attempt, double unit);

/// Receives the outcome of Executor::send_async, exactly once.
using ExchangeCallback = std::function<void(Result<Exchange>)>;

/// Sends provider requests: prepares (signs) each attempt over the same body bytes, retries what
/// the endpoint's idempotency allows, honours cancellation and the overall deadline, and writes
/// the redacted log lines.
class Executor {
 public:
  /// Uses transport, logger, retry, clock, sleeper and random of `options` (null seams get the defaults).
  Executor(const ClientOptions& options, std::string provider);

  /// Errors come back with Error::attempts set, and with Delivery::kMaybeSent when any attempt
  /// may have reached the server.
  Result<Exchange> send(const http::Request& request, const PrepareFn& prepare, Idempotency idempotency,
                        const CallOptions& call = {}) const;

  /// send() without blocking: attempts go through Transport::send_async and waits between them
  /// through Sleeper::sleep_async. `owner` keeps this executor (and what it belongs to) alive
  /// until `done` has run. `done` runs on a transport or timer thread, or inline when the call
  /// fails before anything is sent.
  void send_async(std::shared_ptr<const void> owner, http::Request request, PrepareFn prepare, Idempotency idempotency,
                  CallOptions call, ExchangeCallback done) const;

  const Logger& logger() const { return options_.logger; }
  void log(LogLevel level, std::string_view message) const;

 private:
  struct AsyncCall;

  /// The request of the next attempt (a copy, prepared/signed afresh), logged at debug level.
  Result<http::Request> prepare_attempt(const http::Request& request, const PrepareFn& prepare, const CallOptions& call,
                                        const std::string& target) const;
  void log_outcome(const Result<http::Response>& outcome, const std::string& target,
                   std::chrono::steady_clock::time_point started) const;
  /// The wait before another attempt, or nullopt when `outcome` (of attempt n) is final.
  std::optional<std::chrono::milliseconds> next_wait(const Result<http::Response>& outcome, int n,
                                                     Idempotency idempotency, const CallOptions& call,
                                                     std::chrono::system_clock::time_point first,
                                                     const std::string& target) const;

  ClientOptions options_;
  std::string provider_;
};

/// Headers as "name: value" pairs joined by ", ", with every value whose name is not on the
/// log allow-list replaced by "<redacted>".
std::string redacted_headers(const http::Headers& headers);

}  // namespace paygw::detail

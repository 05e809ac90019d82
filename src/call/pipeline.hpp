// SPDX-License-Identifier: MIT
// Internal: the one pipeline every provider call goes through, blocking or async (ADR 0021, 0043).
//
// The request only goes down. A call is: encode (the provider's codec validates the request and
// serialises its body once, before the pipeline), then attempts — per attempt, a fresh copy of the
// encoded request passes down the provider's chain of steps, in order (a bearer token, an HMAC
// signature over the body with this attempt's timestamp, ...), then the transport; on the answer
// the call either finishes, turns one HTTP 401 into one re-authentication (and one resend of a
// read; never of a write), or waits and retries what the endpoint's idempotency allows — then
// parse: the provider's envelope (checked, decrypted), then the endpoint's typed result. A step
// never calls back into the pipeline or the connection: what it needs (a key, a token cache with
// its own login call) it owns. The blocking and the async call run the same state machine
// (Pipeline::Run): in blocking mode every step continues inline on the caller's thread; in async
// mode steps continue from their own completions, sends go through Transport::send_async and waits
// through Sleeper::sleep_async, so no step ever blocks a transport or timer thread.
#pragma once

#include <paygw/call_options.hpp>
#include <paygw/client_options.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/log.hpp>
#include <paygw/rate_limit.hpp>
#include <paygw/result.hpp>
#include <paygw/retry.hpp>

#include "call/retry_rule.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paygw::detail {

/// Whether a step may block the thread it runs on.
enum class Mode {
  kBlocking,  ///< The caller's thread waits for the whole call.
  kAsync,     ///< Steps run on transport/timer threads and must never block them.
};

/// The cancel flag and time budget of one call, fixed when it starts (on the client's Clock).
struct CallLimits {
  std::optional<CancelToken> cancel;
  std::chrono::system_clock::time_point started;
  std::chrono::milliseconds budget{0};

  bool cancelled() const noexcept { return cancel && cancel->cancelled(); }
  /// Budget left at `now` (may be negative).
  std::chrono::milliseconds remaining(std::chrono::system_clock::time_point now) const;
};

/// Receives the outcome of Step::apply, exactly once.
using StepDone = std::function<void(Result<void>)>;

/// One link of a provider's per-attempt chain (ADR 0043): between the encoded request and the
/// transport, each step adds what this attempt needs — a credential, a signature — to the attempt.
/// A step owns everything it uses (keys, a token cache and the login that fills it); it never
/// calls back into the pipeline that runs it or into the connection. Steps are shared by every
/// call of a client, so they must be thread-safe.
class Step {
 public:
  virtual ~Step() = default;
  /// Adds this step's part to `attempt` (a fresh copy of the encoded request, with what the steps
  /// before this one added), then calls `done` exactly once. In kBlocking mode `done` runs before
  /// apply returns; in kAsync mode it may run later on another thread (a token being fetched) but
  /// apply never blocks. `attempt` and `limits` stay valid until `done` has run. An error ends the
  /// call unless the pipeline is re-authenticating after a 401 (then the 401 is the answer).
  virtual void apply(http::Request& attempt, const CallLimits& limits, Mode mode, StepDone done) = 0;
  /// Called on the first HTTP 401 of a call with the attempt that was refused: forget the
  /// credential it carried, so that the next attempt or call authenticates afresh. Returns true
  /// when this step can do so; the pipeline then sends a read once more, never a write (ADR 0031).
  /// The default: nothing to forget.
  virtual bool reauthenticate(const http::Request& rejected);
};

/// A provider's steps, in the order every attempt passes them (credentials before signatures:
/// a step that signs headers must come after the steps that add them).
using Chain = std::vector<std::shared_ptr<Step>>;

/// How an endpoint is sent.
struct Route {
  Idempotency idempotency = Idempotency::kWrite;
  bool authorized = true;  ///< false: the chain's steps are skipped (a request carrying its own credentials).
  /// The Observer's `paygw.operation`; empty: the request's URL path.
  std::string_view operation{};
};

/// What the Observer is told about a call besides its result; filled only when one is set.
struct CallTrace {
  bool observed = false;  ///< False: ClientOptions::observer is null, nothing else is filled.
  bool async = false;
  std::string operation;
  std::string method;
  std::string server;
  std::chrono::steady_clock::time_point started;
};

/// A response and how many attempts it took.
struct Exchange {
  http::Response response;
  int attempts = 1;
};

/// Receives the outcome of Pipeline::execute and the call's trace, exactly once.
using ExchangeDone = std::function<void(Result<Exchange>, const CallTrace&)>;

/// Writes `message` to `logger` if `level` is enabled; a throwing sink is ignored.
void write_log(const Logger& logger, LogLevel level, std::string_view message);

/// Headers as "name: value" pairs joined by ", ", with every value whose name is not on the
/// log allow-list replaced by "<redacted>".
std::string redacted_headers(const http::Headers& headers);

/// Whether a provider's answer (any HTTP status) says "too many requests" in its own words
/// (a business code in its envelope). Such an answer of a read is retried like an HTTP 429; of a write it is the
/// answer (ADR 0055); either way it pauses ClientOptions::rate_limiter. Pure and thread-safe.
using RateLimitedAnswer = std::function<bool(const http::Response&)>;

/// Runs provider calls. Errors carry Error::attempts (requests handed to the transport), and
/// Delivery::kMaybeSent when any attempt may have reached the server. Thread-safe; immutable.
class Pipeline {
 public:
  /// `options` (a copy of the client Config's ClientOptions part) must have been checked
  /// (check_connection_settings fills the seams); every attempt passes `chain` in order.
  /// `rate_limited` (may be empty) recognises the provider's own rate-limit answer.
  Pipeline(ClientOptions options, std::string provider, Chain chain = {}, RateLimitedAnswer rate_limited = {});

  /// Sends `request` (already encoded) following `route`, then calls `done` exactly once: inline
  /// in kBlocking mode, on a transport or timer thread in kAsync mode (or inline when the call
  /// ends before anything is sent). `owner` keeps what the pipeline belongs to alive until then.
  void execute(http::Request request, Route route, const CallOptions& options, Mode mode,
               std::shared_ptr<const void> owner, ExchangeDone done) const;

  /// The typed result of an exchange: `parse` (the provider's envelope, then the endpoint's
  /// result) over the answer. Errors after an answer carry its http_status, the attempts and
  /// Delivery::kMaybeSent, whichever step found them.
  /// This is where every call ends: the Observer (if any) is told here.
  template <typename Res, typename Parse>
  Result<Res> complete(Result<Exchange> exchange, const CallTrace& trace, const Parse& parse) const {
    if (!exchange) {
      observe(trace, &exchange.error(), 0, 0);
      return std::move(exchange).error();
    }
    Result<Res> out = parse(exchange->response);
    if (!out) {
      Error e = answered_error(std::move(out).error(), *exchange);
      observe(trace, &e, 0, 0);
      return e;
    }
    observe(trace, nullptr, exchange->response.status, exchange->attempts);
    return out;
  }

  /// Tells the Observer (when `trace.observed`) that a call ended: with `error`, or (null) with
  /// an answer `http_status` after `attempts`. Never throws.
  void observe(const CallTrace& trace, const Error* error, int http_status, int attempts) const noexcept;

  /// A blocking call.
  template <typename Res, typename Parse>
  Result<Res> call(http::Request&& request, Route route, const CallOptions& options, const Parse& parse) const {
    std::optional<Result<Exchange>> outcome;
    CallTrace trace;
    execute(std::move(request), route, options, Mode::kBlocking, nullptr,
            [&outcome, &trace](Result<Exchange> r, const CallTrace& t) {
              outcome.emplace(std::move(r));
              trace = t;
            });
    return complete<Res>(std::move(*outcome), trace, parse);
  }

  /// The same call without blocking; the future is set on a transport or timer thread.
  template <typename Res, typename Parse>
  std::future<Result<Res>> call_async(std::shared_ptr<const void> owner, http::Request&& request, Route route,
                                      const CallOptions& options, Parse parse) const {
    auto promise = std::make_shared<std::promise<Result<Res>>>();
    auto future = promise->get_future();
    execute(std::move(request), route, options, Mode::kAsync, std::move(owner),
            [this, promise, parse = std::move(parse)](Result<Exchange> r, const CallTrace& trace) {
              promise->set_value(complete<Res>(std::move(r), trace, parse));
            });
    return future;
  }

  /// Writes a log line if the level is enabled; a throwing sink is ignored.
  void log(LogLevel level, std::string_view message) const;
  /// Whether lines at `level` are written (build expensive lines only then).
  bool logging(LogLevel level) const { return options_.logger.enabled(level); }
  const ClientOptions& options() const { return options_; }

 private:
  struct Run;
  Error answered_error(Error e, const Exchange& exchange) const;

  ClientOptions options_;
  std::string provider_;
  Chain chain_;
  RateLimitedAnswer rate_limited_;
};

/// A future that is already ready (a call that failed before anything was sent).
template <typename T>
std::future<Result<T>> ready_future(Result<T> value) {
  std::promise<Result<T>> promise;
  promise.set_value(std::move(value));
  return promise.get_future();
}

/// Runs endpoint `ep` for `request` in `mode` and calls `done(Result<Res>)` exactly once (as
/// Pipeline::execute) — the form composite calls use to chain several requests in either mode.
template <typename P, typename E, typename Req, typename Done>
void run(std::shared_ptr<const void> owner, const Pipeline& pipeline, const P& protocol, const E& ep,
         const Req& request, const CallOptions& options, Mode mode, Done done) {
  using Out = decltype(protocol.parser(ep, request)(std::declval<const http::Response&>()));
  auto encoded = protocol.encode(ep, request);
  if (!encoded) return done(Out(std::move(encoded).error()));
  pipeline.execute(std::move(*encoded), protocol.route(ep), options, mode, std::move(owner),
                   [&pipeline, parse = protocol.parser(ep, request), done = std::move(done)](Result<Exchange> r,
                                                                                             const CallTrace& trace) {
                     done(pipeline.complete<typename Out::value_type>(std::move(r), trace, parse));
                   });
}

/// A blocking call of endpoint `ep` through a provider protocol `P`, which provides
/// `encode(ep, request) -> Result<http::Request>`, `route(ep) -> Route` and
/// `parser(ep, request) -> callable(const http::Response&) -> Result<Res>` (envelope + result).
template <typename P, typename E, typename Req>
auto call(const Pipeline& pipeline, const P& protocol, const E& ep, const Req& request, const CallOptions& options) {
  using Out = decltype(protocol.parser(ep, request)(std::declval<const http::Response&>()));
  auto encoded = protocol.encode(ep, request);
  if (!encoded) return Out(std::move(encoded).error());
  return pipeline.call<typename Out::value_type>(std::move(*encoded), protocol.route(ep), options,
                                                 protocol.parser(ep, request));
}

/// The async form of call(): the same validation, retries and results. An invalid request gives
/// a future that is already ready. `owner` keeps the pipeline and protocol alive.
template <typename P, typename E, typename Req>
auto call_async(std::shared_ptr<const void> owner, const Pipeline& pipeline, const P& protocol, const E& ep,
                const Req& request, const CallOptions& options) {
  using Out = decltype(protocol.parser(ep, request)(std::declval<const http::Response&>()));
  using Res = typename Out::value_type;
  auto encoded = protocol.encode(ep, request);
  if (!encoded) return ready_future<Res>(std::move(encoded).error());
  return pipeline.call_async<Res>(std::move(owner), std::move(*encoded), protocol.route(ep), options,
                                  protocol.parser(ep, request));
}

}  // namespace paygw::detail

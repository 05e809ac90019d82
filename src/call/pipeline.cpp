// SPDX-License-Identifier: MIT
#include "call/pipeline.hpp"

#include "call/observer.hpp"
#include "http/util.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace paygw::detail {
namespace {

// Header values that may appear in logs. Everything else (signatures, client ids, tokens,
// cookies, ...) is redacted by default, so a new secret header is safe without a code change.
constexpr std::array<std::string_view, 7> kLoggableHeaders = {
    "content-type", "content-length", "accept", "user-agent", "x-request-timestamp", "date", "retry-after"};

bool loggable(std::string_view name) {
  return std::any_of(kLoggableHeaders.begin(), kLoggableHeaders.end(),
                     [name](std::string_view allowed) { return iequals(name, allowed); });
}

const CancelToken& never_cancelled() {
  static const CancelToken token;  // nobody can reach it to cancel it
  return token;
}

bool may_have_been_sent(const Result<http::Response>& outcome) { return outcome.ok() || outcome.error().maybe_sent(); }

long long elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

std::chrono::milliseconds CallLimits::remaining(std::chrono::system_clock::time_point now) const {
  return budget - std::chrono::duration_cast<std::chrono::milliseconds>(now - started);
}

bool Step::reauthenticate(const http::Request&) { return false; }

std::string redacted_headers(const http::Headers& headers) {
  std::string out;
  for (const auto& [name, value] : headers) {
    if (!out.empty()) out += ", ";
    out += name;
    out += ": ";
    out += loggable(name) ? value : "<redacted>";
  }
  return out;
}

Pipeline::Pipeline(ClientOptions options, std::string provider, Chain chain, RateLimitedAnswer rate_limited)
    : options_(std::move(options)),
      provider_(std::move(provider)),
      chain_(std::move(chain)),
      rate_limited_(std::move(rate_limited)) {}

void write_log(const Logger& logger, LogLevel level, std::string_view message) {
  if (!logger.enabled(level)) return;
  try {
    logger.sink(level, message);
  } catch (...) {
    // A throwing log sink must not turn a payment result into a crash.
  }
}

void Pipeline::log(LogLevel level, std::string_view message) const { write_log(options_.logger, level, message); }

void Pipeline::observe(const CallTrace& trace, const Error* error, int http_status, int attempts) const noexcept {
  if (!trace.observed || !options_.observer) return;
  CallEvent event;
  event.provider = provider_;
  event.operation = trace.operation;
  event.method = trace.method;
  event.server_address = trace.server;
  event.async = trace.async;
  event.http_status = error != nullptr ? error->http_status : http_status;
  event.attempts = error != nullptr ? error->attempts : attempts;
  if (error != nullptr) {
    event.error_type = to_string(error->code);
    event.provider_code = error->provider_code;
    event.maybe_sent = error->maybe_sent();
  }
  event.duration = std::chrono::steady_clock::now() - trace.started;
  notify_call(*options_.observer, event);
}

Error Pipeline::answered_error(Error e, const Exchange& exchange) const {
  e.delivery = Delivery::kMaybeSent;  // the server answered
  e.http_status = exchange.response.status;
  e.attempts = exchange.attempts;
  if (logging(LogLevel::kWarn)) log(LogLevel::kWarn, provider_ + ": " + describe(e));
  return e;
}

// One call: attempt (down the chain, then the transport), outcome, wait, attempt ... Each step
// continues the next one directly (blocking mode) or from a step's or the transport's completion
// or the end of a timer wait (async mode).
struct Pipeline::Run : std::enable_shared_from_this<Run> {
  const Pipeline* pipeline = nullptr;
  std::shared_ptr<const void> owner;
  http::Request request;  // the encoded request; every attempt sends these body bytes
  http::Request attempt;  // the current attempt: request + what the chain's steps added to it
  Route route;
  CallLimits limits;
  Mode mode = Mode::kBlocking;
  ExchangeDone done;
  int sent = 0;  // attempts handed to the transport
  bool earlier_maybe_sent = false;
  bool reauthenticated = false;
  std::optional<http::Response> rejected;  // the 401 answer, while re-authenticating
  std::chrono::steady_clock::time_point attempt_started;
  CallTrace trace;

  const ClientOptions& options() const { return pipeline->options_; }

  std::string target() const {
    return std::string(http::to_string(request.method)) + " " + url_path_without_query(request.url);
  }

  void finish(Result<Exchange> result) const {
    try {
      done(std::move(result), trace);
    } catch (...) {
      // The caller's completion must not take a transport or timer thread down.
    }
  }

  // An error ending the call: it keeps kMaybeSent when any attempt may have reached the server.
  void fail(Error e) const {
    e.attempts = sent;
    if (earlier_maybe_sent) e.delivery = Delivery::kMaybeSent;
    finish(std::move(e));
  }

  void next_attempt() {
    if (limits.cancelled()) {
      return fail(make_error(ErrorCode::kCancelled,
                             sent == 0 ? "cancelled before sending" : "cancelled while waiting to retry"));
    }
    const auto left = limits.remaining(options().clock->now());
    if (left.count() <= 0) {
      return fail(make_error(ErrorCode::kTimeout, "the call's total_timeout of " +
                                                      std::to_string(limits.budget.count()) +
                                                      " ms passed before the request could be sent"));
    }
    RateLimiter* limiter = options().rate_limiter.get();
    if (limiter == nullptr) return start_attempt();
    const auto turn = limiter->reserve(options().clock->now(), left);
    if (!turn) {
      return fail(
          make_error(ErrorCode::kTimeout, "the rate limiter's next turn is beyond the call's total_timeout of " +
                                              std::to_string(limits.budget.count()) + " ms; the request was not sent"));
    }
    if (turn->count() == 0) return start_attempt();
    pipeline->log(LogLevel::kDebug, pipeline->provider_ + " " + target() + ": rate limiter, waiting " +
                                        std::to_string(turn->count()) + " ms");
    const CancelToken& cancel = limits.cancel ? *limits.cancel : never_cancelled();
    if (mode == Mode::kBlocking) {
      options().sleeper->sleep(*turn, cancel);
      return after_turn();
    }
    options().sleeper->sleep_async(*turn, cancel, [self = shared_from_this()] { self->after_turn(); });
  }

  // After waiting for the rate limiter: nothing is sent once cancelled or past the deadline.
  void after_turn() {
    if (limits.cancelled())
      return fail(make_error(ErrorCode::kCancelled, "cancelled while waiting for the rate limiter"));
    if (limits.remaining(options().clock->now()).count() <= 0) {
      return fail(make_error(ErrorCode::kTimeout, "the call's total_timeout of " +
                                                      std::to_string(limits.budget.count()) +
                                                      " ms passed while waiting for the rate limiter; not sent"));
    }
    start_attempt();
  }

  void start_attempt() {
    const auto left = limits.remaining(options().clock->now());
    attempt = request;
    attempt.cancel = limits.cancel;
    attempt.timeout = std::min(request.timeout.count() > 0 ? request.timeout : options().timeout, left);
    if (!route.authorized) return send();
    down_the_chain(0);
  }

  // Passes the attempt to step `index` of the chain; past the last step, on to the transport.
  void down_the_chain(std::size_t index) {
    const Chain& chain = pipeline->chain_;
    if (index == chain.size()) return on_chain_done({});
    chain[index]->apply(attempt, limits, mode, [self = shared_from_this(), index](Result<void> ok) {
      if (!ok) return self->on_chain_done(std::move(ok));
      self->down_the_chain(index + 1);
    });
  }

  void on_chain_done(Result<void> ok) {
    if (ok) {
      // A step may have waited (a login): look at the limits again, and give the attempt
      // only what is left. Nothing is sent after the deadline or once the caller cancelled.
      if (limits.cancelled()) return fail(make_error(ErrorCode::kCancelled, "cancelled while authorizing"));
      const auto left = limits.remaining(options().clock->now());
      if (left.count() <= 0) {
        return fail(make_error(ErrorCode::kTimeout, "the call's total_timeout of " +
                                                        std::to_string(limits.budget.count()) +
                                                        " ms passed while authorizing; the request was not sent"));
      }
      attempt.timeout = std::min(attempt.timeout, left);
      return send();
    }
    if (rejected) {
      // Re-authentication after a 401 failed: the 401 is the answer of this call.
      pipeline->log(LogLevel::kWarn, pipeline->provider_ + ": re-authentication failed: " + describe(ok.error()));
      return finish(Exchange{std::move(*rejected), sent});
    }
    fail(std::move(ok).error());
  }

  void send() {
    ++sent;
    if (pipeline->logging(LogLevel::kDebug)) {
      pipeline->log(LogLevel::kDebug,
                    pipeline->provider_ + " -> " + target() + " [" + redacted_headers(attempt.headers) + "] body " +
                        std::to_string(attempt.body.size()) + " bytes, attempt " + std::to_string(sent));
    }
    attempt_started = std::chrono::steady_clock::now();
    if (mode == Mode::kBlocking) return on_outcome(options().transport->send(attempt));
    options().transport->send_async(
        attempt, [self = shared_from_this()](Result<http::Response> outcome) { self->on_outcome(std::move(outcome)); });
  }

  void log_outcome(const Result<http::Response>& outcome) const {
    const Pipeline& p = *pipeline;
    if (!outcome) {
      if (p.logging(LogLevel::kWarn)) {
        p.log(LogLevel::kWarn, p.provider_ + " " + target() + " failed after " +
                                   std::to_string(elapsed_ms(attempt_started)) + " ms: " + describe(outcome.error()));
      }
      return;
    }
    const auto level = outcome->status >= 400 ? LogLevel::kWarn : LogLevel::kInfo;
    if (p.logging(level)) {
      p.log(level, p.provider_ + " " + target() + " -> HTTP " + std::to_string(outcome->status) + " in " +
                       std::to_string(elapsed_ms(attempt_started)) + " ms");
    }
    if (p.logging(LogLevel::kDebug)) {
      p.log(LogLevel::kDebug, p.provider_ + " <- [" + redacted_headers(outcome->headers) + "] body " +
                                  std::to_string(outcome->body.size()) + " bytes");
    }
  }

  void on_outcome(Result<http::Response> outcome) {
    log_outcome(outcome);
    if (outcome && outcome->status == 401 && route.authorized && !reauthenticated && reauthenticate()) {
      // The credential is forgotten either way, so the next call gets a fresh one. A read is sent
      // once more with it; a write is not: it reached the server, and a 401 is the server's word,
      // not a proof that nothing was done (ADR 0031). The 401 is the write's answer.
      if (route.idempotency == Idempotency::kWrite) {
        pipeline->log(LogLevel::kWarn,
                      pipeline->provider_ + ": HTTP 401 on a write, not resent; the next call authenticates afresh");
        return finish(Exchange{std::move(*outcome), sent});
      }
      pipeline->log(LogLevel::kInfo, pipeline->provider_ + ": HTTP 401, re-authenticating once");
      reauthenticated = true;
      earlier_maybe_sent = true;
      rejected = std::move(*outcome);
      return next_attempt();
    }
    rejected.reset();
    const bool provider_limited = outcome && pipeline->rate_limited_ && pipeline->rate_limited_(*outcome);
    pause_limiter(outcome, provider_limited);
    const auto wait = next_wait(outcome, provider_limited);
    if (!wait) {
      if (outcome) return finish(Exchange{std::move(*outcome), sent});
      return fail(std::move(outcome).error());
    }
    earlier_maybe_sent = earlier_maybe_sent || may_have_been_sent(outcome);
    const CancelToken& cancel = limits.cancel ? *limits.cancel : never_cancelled();
    if (mode == Mode::kBlocking) {
      options().sleeper->sleep(*wait, cancel);
      return next_attempt();
    }
    options().sleeper->sleep_async(*wait, cancel, [self = shared_from_this()] { self->next_attempt(); });
  }

  // A server that says "too fast" (429, a 503 with Retry-After, the provider's own rate-limit
  // answer) pauses the rate limiter for every client sharing it: for its Retry-After, else for
  // RetryPolicy::initial_backoff (ADR 0055).
  void pause_limiter(const Result<http::Response>& outcome, bool provider_limited) const {
    RateLimiter* limiter = options().rate_limiter.get();
    if (limiter == nullptr || !outcome) return;
    const std::string* after = http::find_header(outcome->headers, "retry-after");
    const bool limited = provider_limited || outcome->status == 429 || (outcome->status == 503 && after != nullptr);
    if (!limited) return;
    const auto now = options().clock->now();
    const auto server = after != nullptr ? parse_retry_after(*after, now) : std::nullopt;
    const auto pause = std::min(server.value_or(options().retry.initial_backoff), options().retry.max_retry_after);
    pipeline->log(LogLevel::kInfo, pipeline->provider_ + " " + target() +
                                       ": the server says too fast; rate limiter paused " +
                                       std::to_string(pause.count()) + " ms");
    limiter->pause(now, pause);
  }

  // Every step forgets what the refused attempt carried; true when one of them can authenticate afresh.
  bool reauthenticate() const {
    bool any = false;
    for (const auto& step : pipeline->chain_) any = step->reauthenticate(attempt) || any;
    return any;
  }

  // The wait before another attempt, or nullopt when `outcome` is final: not retryable, attempts
  // used up, cancelled, or the wait (a Retry-After included) would not end within the budget.
  std::optional<std::chrono::milliseconds> next_wait(const Result<http::Response>& outcome,
                                                     bool provider_limited) const {
    const RetryPolicy& policy = options().retry;
    if (sent >= policy.max_attempts || limits.cancelled()) return std::nullopt;
    std::optional<std::chrono::milliseconds> retry_after;
    const auto now = options().clock->now();
    auto reason = retry_reason(outcome, route.idempotency, now, &retry_after);
    if (!reason && provider_limited && route.idempotency == Idempotency::kIdempotent) {
      // The provider's own "too fast" answer to a read: retried like a 429 (ADR 0055).
      reason = "the provider's rate-limit answer";
      const std::string* after = http::find_header(outcome->headers, "retry-after");
      if (after != nullptr) retry_after = parse_retry_after(*after, now);
    }
    if (!reason) return std::nullopt;
    const auto left = limits.remaining(now);
    if (retry_after && (*retry_after > policy.max_retry_after || *retry_after >= left)) {
      // The server asked for a longer pause than this call may take: its answer ends the call.
      pipeline->log(LogLevel::kInfo, pipeline->provider_ + " " + target() + ": " + *reason +
                                         ", not retried: Retry-After of " + std::to_string(retry_after->count()) +
                                         " ms is beyond max_retry_after (" +
                                         std::to_string(policy.max_retry_after.count()) + " ms) or the " +
                                         std::to_string(left.count()) + " ms left");
      return std::nullopt;
    }
    auto noise = options().random->bytes(2);
    const double unit =
        noise ? (static_cast<unsigned char>((*noise)[0]) * 256 + static_cast<unsigned char>((*noise)[1])) / 65535.0
              : 1.0;
    auto delay = backoff(policy, sent, unit);
    if (retry_after) delay = std::max(delay, *retry_after);
    if (delay >= left) {
      pipeline->log(LogLevel::kInfo, pipeline->provider_ + " " + target() + ": " + *reason +
                                         ", not retried: a wait of " + std::to_string(delay.count()) +
                                         " ms does not fit in the " + std::to_string(left.count()) + " ms left");
      return std::nullopt;
    }
    pipeline->log(LogLevel::kInfo, pipeline->provider_ + " " + target() + ": " + *reason + ", attempt " +
                                       std::to_string(sent + 1) + " in " + std::to_string(delay.count()) + " ms");
    return delay;
  }
};

void Pipeline::execute(http::Request request, Route route, const CallOptions& options, Mode mode,
                       std::shared_ptr<const void> owner, ExchangeDone done) const {
  auto run = std::make_shared<Run>();
  run->pipeline = this;
  run->owner = std::move(owner);
  run->request = std::move(request);
  run->route = route;
  run->limits.cancel = options.cancel;
  run->limits.started = options_.clock->now();
  run->limits.budget = options.total_timeout.count() > 0 ? options.total_timeout : options_.retry.total_timeout;
  run->mode = mode;
  run->done = std::move(done);
  if (options_.observer) {
    CallTrace& t = run->trace;
    t.observed = true;
    t.async = mode == Mode::kAsync;
    t.operation = route.operation.empty() ? url_path_without_query(run->request.url) : std::string(route.operation);
    t.method = http::to_string(run->request.method);
    t.server = server_address_of(run->request.url);
    t.started = std::chrono::steady_clock::now();
  }
  run->next_attempt();
}

}  // namespace paygw::detail

// SPDX-License-Identifier: MIT
#include "call/pipeline.hpp"

#include "base/civil_time.hpp"
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

// Reads `n` digits at `pos`; -1 when they are not all digits.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

// "Jan" .. "Dec" at `pos` -> 1..12, else 0.
unsigned month_at(std::string_view s, std::size_t pos) {
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (pos + 3 > s.size()) return 0;
  for (unsigned m = 0; m < kMonths.size(); ++m) {
    if (s.substr(pos, 3) == kMonths[m]) return m + 1;
  }
  return 0;
}

// "HH:MM:SS" at `pos` -> seconds of the day, else -1.
int time_at(std::string_view s, std::size_t pos) {
  const int h = digits(s, pos, 2);
  const int m = digits(s, pos + 3, 2);
  const int sec = digits(s, pos + 6, 2);
  if (h < 0 || m < 0 || sec < 0 || s.size() < pos + 8 || s[pos + 2] != ':' || s[pos + 5] != ':' || h > 23 || m > 59 ||
      sec > 60) {
    return -1;
  }
  return h * 3600 + m * 60 + std::min(sec, 59);
}

std::optional<std::chrono::system_clock::time_point> civil_time(std::int64_t year, unsigned month, int day,
                                                                int seconds) {
  const CivilDate date{year, month, static_cast<unsigned>(std::max(day, 0))};
  if (year < 0 || day < 1 || seconds < 0 || !valid_civil(date)) return std::nullopt;
  return std::chrono::system_clock::time_point(std::chrono::seconds(days_from_civil(date) * 86400 + seconds));
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) {
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" (what servers must send).
  if (text.size() == 29 && text[3] == ',' && text[4] == ' ' && text[7] == ' ' && text[11] == ' ' && text[16] == ' ' &&
      text.substr(25) == " GMT") {
    return civil_time(digits(text, 12, 4), month_at(text, 8), digits(text, 5, 2), time_at(text, 17));
  }
  // asctime: "Sun Nov  6 08:49:37 1994".
  if (text.size() == 24 && text[3] == ' ' && text[7] == ' ' && text[10] == ' ' && text[19] == ' ') {
    const int day = text[8] == ' ' ? digits(text, 9, 1) : digits(text, 8, 2);
    return civil_time(digits(text, 20, 4), month_at(text, 4), day, time_at(text, 11));
  }
  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"; a two-digit year more than 50 years ahead is in
  // the past century (RFC 9110, section 5.6.7) — taken here as 1970..2069.
  const auto comma = text.find(", ");
  if (comma != std::string_view::npos && text.size() == comma + 24 && text[comma + 4] == '-' &&
      text[comma + 8] == '-' && text[comma + 11] == ' ' && text.substr(comma + 20) == " GMT") {
    const int yy = digits(text, comma + 9, 2);
    if (yy < 0) return std::nullopt;
    return civil_time(yy < 70 ? 2000 + yy : 1900 + yy, month_at(text, comma + 5), digits(text, comma + 2, 2),
                      time_at(text, comma + 12));
  }
  return std::nullopt;
}

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

std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (value.find_first_not_of("0123456789") == std::string_view::npos) {
    // delay-seconds: any number of digits; beyond kMaxRetryAfterSeconds it is "far too long".
    std::int64_t seconds = 0;
    for (const char c : value) {
      seconds = seconds * 10 + (c - '0');
      if (seconds > kMaxRetryAfterSeconds) return std::chrono::seconds(kMaxRetryAfterSeconds);
    }
    return std::chrono::seconds(seconds);
  }
  const auto date = parse_http_date(value);
  if (!date) return std::nullopt;
  if (*date <= now) return std::chrono::milliseconds(0);
  const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(*date - now);
  return std::min<std::chrono::milliseconds>(wait, std::chrono::seconds(kMaxRetryAfterSeconds));
}

std::optional<std::string> retry_reason(const Result<http::Response>& outcome, Idempotency idempotency,
                                        std::chrono::system_clock::time_point now,
                                        std::optional<std::chrono::milliseconds>* retry_after) {
  if (!outcome) {
    const Error& e = outcome.error();
    // Certainly not sent: safe for every endpoint. A TLS verification failure is not transient.
    if (e.delivery == Delivery::kNotSent) {
      if (e.code == ErrorCode::kConnect) return "connect failed (not sent)";
      if (e.code == ErrorCode::kTimeout) return "connect timed out (not sent)";
      return std::nullopt;
    }
    if (idempotency != Idempotency::kIdempotent) return std::nullopt;
    if (e.code == ErrorCode::kTimeout || e.code == ErrorCode::kNetwork) return std::string(to_string(e.code));
    return std::nullopt;
  }
  const int status = outcome->status;
  if (idempotency != Idempotency::kIdempotent) return std::nullopt;
  if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
    const std::string* after = http::find_header(outcome->headers, "retry-after");
    if (after != nullptr && retry_after != nullptr) *retry_after = parse_retry_after(*after, now);
    return "HTTP " + std::to_string(status);
  }
  return std::nullopt;
}

std::chrono::milliseconds backoff(const RetryPolicy& policy, int attempt, double unit) {
  auto d = static_cast<double>(policy.initial_backoff.count());
  for (int i = 1; i < attempt && d < static_cast<double>(policy.max_backoff.count()); ++i) d *= 2;
  d = std::min(d, static_cast<double>(policy.max_backoff.count()));
  unit = std::min(1.0, std::max(0.0, unit));
  return std::chrono::milliseconds(static_cast<std::int64_t>(d / 2 + d / 2 * unit));
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

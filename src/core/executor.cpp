#include "core/executor.hpp"

#include "core/timer.hpp"
#include "http/util.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <thread>

namespace paygw {

void Sleeper::sleep_async(std::chrono::milliseconds duration, const CancelToken& cancel, std::function<void()> then) {
  detail::run_after(duration, cancel, std::move(then));
}

std::shared_ptr<Sleeper> real_sleeper() {
  struct Real final : Sleeper {
    void sleep(std::chrono::milliseconds d, const CancelToken& cancel) override { cancel.wait_for(d); }
  };
  static const auto sleeper = std::make_shared<Real>();
  return sleeper;
}

}  // namespace paygw

namespace paygw::detail {
namespace {

// Header values that may appear in logs. Everything else (signatures, client ids, tokens,
// cookies, ...) is redacted by default, so a new secret header is safe without a code change.
constexpr std::array<std::string_view, 7> kLoggableHeaders = {
    "content-type", "content-length", "accept", "user-agent", "x-request-timestamp", "date", "retry-after"};

bool loggable(std::string_view name) {
  for (auto allowed : kLoggableHeaders) {
    if (iequals(name, allowed)) return true;
  }
  return false;
}

}  // namespace

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

Executor::Executor(const ClientOptions& options, std::string provider)
    : options_(options), provider_(std::move(provider)) {}

void Executor::log(LogLevel level, std::string_view message) const {
  if (!options_.logger.enabled(level)) return;
  try {
    options_.logger.sink(level, message);
  } catch (...) {
    // A throwing log sink must not turn a payment result into a crash.
  }
}

std::optional<std::string> retry_reason(const Result<http::Response>& outcome, Idempotency idempotency,
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
  if (status == 429 || status == 502 || status == 503 || status == 504 || status == 500) {
    if (const std::string* after = http::find_header(outcome->headers, "retry-after");
        after != nullptr && retry_after) {
      if (!after->empty() && after->size() <= 6 && after->find_first_not_of("0123456789") == std::string::npos) {
        *retry_after = std::chrono::seconds(std::stoll(*after));
      }
    }
    return "HTTP " + std::to_string(status);
  }
  return std::nullopt;
}

std::chrono::milliseconds backoff(const RetryPolicy& policy, int attempt, double unit) {
  double d = static_cast<double>(policy.initial_backoff.count());
  for (int i = 1; i < attempt && d < static_cast<double>(policy.max_backoff.count()); ++i) d *= 2;
  d = std::min(d, static_cast<double>(policy.max_backoff.count()));
  unit = std::min(1.0, std::max(0.0, unit));
  return std::chrono::milliseconds(static_cast<std::int64_t>(d / 2 + d / 2 * unit));
}

namespace {

const CancelToken& never_cancelled() {
  static const CancelToken token;  // nobody can reach it to cancel it
  return token;
}

bool cancelled(const CallOptions& call) { return call.cancel && call.cancel->cancelled(); }

Error cancelled_error(bool earlier_maybe_sent, int attempts) {
  Error e =
      make_error(ErrorCode::kCancelled, attempts == 0 ? "cancelled before sending" : "cancelled while waiting to retry",
                 earlier_maybe_sent ? Delivery::kMaybeSent : Delivery::kNotSent);
  e.attempts = attempts;
  return e;
}

// The final result of attempt n. An error keeps kMaybeSent when an earlier attempt may have
// reached the server (a read retried after a timeout), even if the last one certainly did not.
Result<Exchange> conclude(Result<http::Response> outcome, int n, bool earlier_maybe_sent) {
  if (!outcome) {
    Error e = std::move(outcome).error();
    e.attempts = n;
    if (earlier_maybe_sent) e.delivery = Delivery::kMaybeSent;
    return e;
  }
  return Exchange{std::move(*outcome), n};
}

bool may_have_been_sent(const Result<http::Response>& outcome) { return outcome.ok() || outcome.error().maybe_sent(); }

}  // namespace

Result<http::Request> Executor::prepare_attempt(const http::Request& request, const PrepareFn& prepare,
                                                const CallOptions& call, const std::string& target) const {
  http::Request copy = request;  // each attempt is prepared (signed) afresh over the same body
  copy.cancel = call.cancel;
  if (prepare) {
    if (auto prepared = prepare(copy); !prepared) return prepared.error();
  }
  if (options_.logger.enabled(LogLevel::kDebug)) {
    log(LogLevel::kDebug, provider_ + " -> " + target + " [" + redacted_headers(copy.headers) + "] body " +
                              std::to_string(copy.body.size()) + " bytes");
  }
  return copy;
}

void Executor::log_outcome(const Result<http::Response>& result, const std::string& target,
                           std::chrono::steady_clock::time_point started) const {
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  if (!result) {
    if (options_.logger.enabled(LogLevel::kWarn)) {
      log(LogLevel::kWarn,
          provider_ + " " + target + " failed after " + std::to_string(ms) + " ms: " + describe(result.error()));
    }
    return;
  }
  if (const auto level = result->status >= 400 ? LogLevel::kWarn : LogLevel::kInfo; options_.logger.enabled(level)) {
    log(level,
        provider_ + " " + target + " -> HTTP " + std::to_string(result->status) + " in " + std::to_string(ms) + " ms");
  }
  if (options_.logger.enabled(LogLevel::kDebug)) {
    log(LogLevel::kDebug, provider_ + " <- [" + redacted_headers(result->headers) + "] body " +
                              std::to_string(result->body.size()) + " bytes");
  }
}

std::optional<std::chrono::milliseconds> Executor::next_wait(const Result<http::Response>& outcome, int n,
                                                             Idempotency idempotency, const CallOptions& call,
                                                             std::chrono::system_clock::time_point first,
                                                             const std::string& target) const {
  const auto& policy = options_.retry;
  if (n >= policy.max_attempts || cancelled(call)) return std::nullopt;
  std::optional<std::chrono::milliseconds> retry_after;
  const auto reason = retry_reason(outcome, idempotency, &retry_after);
  if (!reason) return std::nullopt;
  auto noise = options_.random->bytes(2);
  const double unit =
      noise ? (static_cast<unsigned char>((*noise)[0]) * 256 + static_cast<unsigned char>((*noise)[1])) / 65535.0 : 1.0;
  auto delay = backoff(policy, n, unit);
  if (retry_after) delay = std::max(delay, std::min(*retry_after, policy.max_retry_after));
  const auto total = call.total_timeout.count() > 0 ? call.total_timeout : policy.total_timeout;
  if (total.count() > 0 && options_.clock->now() + delay - first >= total) return std::nullopt;
  log(LogLevel::kInfo, provider_ + " " + target + ": " + *reason + ", attempt " + std::to_string(n + 1) + " in " +
                           std::to_string(delay.count()) + " ms");
  return delay;
}

Result<Exchange> Executor::send(const http::Request& request, const PrepareFn& prepare, Idempotency idempotency,
                                const CallOptions& call) const {
  const std::string target = std::string(http::to_string(request.method)) + " " + url_path_without_query(request.url);
  const auto first = options_.clock->now();
  bool earlier_maybe_sent = false;
  for (int n = 1;; ++n) {
    if (cancelled(call)) return cancelled_error(earlier_maybe_sent, n - 1);
    auto copy = prepare_attempt(request, prepare, call, target);
    if (!copy) return conclude(copy.error(), n - 1, earlier_maybe_sent);
    const auto started = std::chrono::steady_clock::now();
    auto outcome = options_.transport->send(*copy);
    log_outcome(outcome, target, started);
    const auto wait = next_wait(outcome, n, idempotency, call, first, target);
    if (!wait) return conclude(std::move(outcome), n, earlier_maybe_sent);
    earlier_maybe_sent = earlier_maybe_sent || may_have_been_sent(outcome);
    options_.sleeper->sleep(*wait, call.cancel ? *call.cancel : never_cancelled());
  }
}

// One async send: the same steps as send(), each attempt started from the previous one's
// completion (a transport thread) or from the end of its wait (the timer thread).
struct Executor::AsyncCall : std::enable_shared_from_this<AsyncCall> {
  std::shared_ptr<const void> owner;
  const Executor* executor = nullptr;
  http::Request request;
  PrepareFn prepare;
  Idempotency idempotency = Idempotency::kWrite;
  CallOptions call;
  ExchangeCallback done;
  std::string target;
  std::chrono::system_clock::time_point first;
  int n = 0;
  bool earlier_maybe_sent = false;

  void finish(Result<Exchange> result) {
    try {
      done(std::move(result));
    } catch (...) {
      // The caller's completion must not take a transport or timer thread down.
    }
  }

  void next_attempt() {
    ++n;
    if (cancelled(call)) return finish(cancelled_error(earlier_maybe_sent, n - 1));
    auto copy = executor->prepare_attempt(request, prepare, call, target);
    if (!copy) return finish(conclude(copy.error(), n - 1, earlier_maybe_sent));
    const auto started = std::chrono::steady_clock::now();
    executor->options_.transport->send_async(std::move(*copy),
                                             [self = shared_from_this(), started](Result<http::Response> outcome) {
                                               self->on_outcome(std::move(outcome), started);
                                             });
  }

  void on_outcome(Result<http::Response> outcome, std::chrono::steady_clock::time_point started) {
    executor->log_outcome(outcome, target, started);
    const auto wait = executor->next_wait(outcome, n, idempotency, call, first, target);
    if (!wait) return finish(conclude(std::move(outcome), n, earlier_maybe_sent));
    earlier_maybe_sent = earlier_maybe_sent || may_have_been_sent(outcome);
    executor->options_.sleeper->sleep_async(*wait, call.cancel ? *call.cancel : never_cancelled(),
                                            [self = shared_from_this()] { self->next_attempt(); });
  }
};

void Executor::send_async(std::shared_ptr<const void> owner, http::Request request, PrepareFn prepare,
                          Idempotency idempotency, CallOptions call, ExchangeCallback done) const {
  auto state = std::make_shared<AsyncCall>();
  state->owner = std::move(owner);
  state->executor = this;
  state->target = std::string(http::to_string(request.method)) + " " + url_path_without_query(request.url);
  state->request = std::move(request);
  state->prepare = std::move(prepare);
  state->idempotency = idempotency;
  state->call = std::move(call);
  state->done = std::move(done);
  state->first = options_.clock->now();
  state->next_attempt();
}

}  // namespace paygw::detail

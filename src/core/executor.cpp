#include "core/executor.hpp"

#include "http/util.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <thread>

namespace paygw {

std::shared_ptr<Sleeper> real_sleeper() {
  struct Real final : Sleeper {
    void sleep(std::chrono::milliseconds d) override { std::this_thread::sleep_for(d); }
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

Result<http::Response> Executor::attempt(const http::Request& request, const PrepareFn& prepare,
                                         const std::string& target) const {
  http::Request copy = request;  // each attempt is prepared (signed) afresh over the same body
  if (prepare) {
    if (auto prepared = prepare(copy); !prepared) return prepared.error();
  }
  if (options_.logger.enabled(LogLevel::kDebug)) {
    log(LogLevel::kDebug, provider_ + " -> " + target + " [" + redacted_headers(copy.headers) + "] body " +
                              std::to_string(copy.body.size()) + " bytes");
  }
  const auto started = std::chrono::steady_clock::now();
  auto result = options_.transport->send(copy);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  if (!result) {
    if (options_.logger.enabled(LogLevel::kWarn)) {
      log(LogLevel::kWarn,
          provider_ + " " + target + " failed after " + std::to_string(ms) + " ms: " + describe(result.error()));
    }
    return result;
  }
  if (const auto level = result->status >= 400 ? LogLevel::kWarn : LogLevel::kInfo; options_.logger.enabled(level)) {
    log(level, provider_ + " " + target + " -> HTTP " + std::to_string(result->status) + " in " + std::to_string(ms) +
                   " ms");
  }
  if (options_.logger.enabled(LogLevel::kDebug)) {
    log(LogLevel::kDebug, provider_ + " <- [" + redacted_headers(result->headers) + "] body " +
                              std::to_string(result->body.size()) + " bytes");
  }
  return result;
}

Result<Exchange> Executor::send(const http::Request& request, const PrepareFn& prepare, Idempotency idempotency) const {
  const std::string target = std::string(http::to_string(request.method)) + " " + url_path_without_query(request.url);
  const auto& policy = options_.retry;
  const auto first = options_.clock->now();
  for (int n = 1;; ++n) {
    auto outcome = attempt(request, prepare, target);
    std::optional<std::chrono::milliseconds> retry_after;
    const auto reason = n < policy.max_attempts ? retry_reason(outcome, idempotency, &retry_after) : std::nullopt;
    auto delay = std::chrono::milliseconds(0);
    bool retry = reason.has_value();
    if (retry) {
      auto noise = options_.random->bytes(2);
      const double unit =
          noise ? (static_cast<unsigned char>((*noise)[0]) * 256 + static_cast<unsigned char>((*noise)[1])) / 65535.0
                : 1.0;
      delay = backoff(policy, n, unit);
      if (retry_after) delay = std::max(delay, std::min(*retry_after, policy.max_retry_after));
      if (policy.total_timeout.count() > 0 && options_.clock->now() + delay - first >= policy.total_timeout)
        retry = false;
    }
    if (!retry) {
      if (!outcome) {
        Error e = std::move(outcome).error();
        e.attempts = n;
        return e;
      }
      return Exchange{std::move(*outcome), n};
    }
    log(LogLevel::kInfo, provider_ + " " + target + ": " + *reason + ", attempt " + std::to_string(n + 1) + " in " +
                             std::to_string(delay.count()) + " ms");
    options_.sleeper->sleep(delay);
  }
}

}  // namespace paygw::detail

#include "core/executor.hpp"

#include "http/util.hpp"

#include <array>
#include <chrono>

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

void Executor::log(LogLevel level, std::string_view message) const {
  if (!logger_.enabled(level)) return;
  try {
    logger_.sink(level, message);
  } catch (...) {
    // A throwing log sink must not turn a payment result into a crash.
  }
}

Result<http::Response> Executor::send(http::Request request, const PrepareFn& prepare) const {
  const std::string target = std::string(http::to_string(request.method)) + " " + url_path_without_query(request.url);
  if (prepare) {
    if (auto prepared = prepare(request); !prepared) return prepared.error();
  }
  if (logger_.enabled(LogLevel::kDebug)) {
    log(LogLevel::kDebug, provider_ + " -> " + target + " [" + redacted_headers(request.headers) + "] body " +
                              std::to_string(request.body.size()) + " bytes");
  }
  const auto started = std::chrono::steady_clock::now();
  auto result = transport_->send(request);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  if (!result) {
    Error e = std::move(result).error();
    e.attempts = 1;
    log(LogLevel::kWarn, provider_ + " " + target + " failed after " + std::to_string(ms) + " ms: " + describe(e));
    return e;
  }
  const http::Response& response = *result;
  log(response.status >= 400 ? LogLevel::kWarn : LogLevel::kInfo,
      provider_ + " " + target + " -> HTTP " + std::to_string(response.status) + " in " + std::to_string(ms) + " ms");
  if (logger_.enabled(LogLevel::kDebug)) {
    log(LogLevel::kDebug, provider_ + " <- [" + redacted_headers(response.headers) + "] body " +
                              std::to_string(response.body.size()) + " bytes");
  }
  return result;
}

}  // namespace paygw::detail

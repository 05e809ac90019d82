// paygw — logging hook.
#pragma once

#include <functional>
#include <string_view>

namespace paygw {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3, kOff = 4 };

/// Where paygw writes its diagnostics. Off unless a sink is set.
///
/// What is logged: method, URL path (never the query string), HTTP status, duration, the
/// provider code, and at kDebug the request/response headers on an allow-list
/// (content-type, content-length, accept, user-agent, x-request-timestamp, date). Bodies and
/// every other header (x-signature, x-client-id, authorization, ...) are never logged, and no
/// log line contains a key, token, signature or card code/serial.
///
/// Thread safety: the sink may be called concurrently from every thread that uses the client.
struct Logger {
  LogLevel level = LogLevel::kWarn;
  std::function<void(LogLevel, std::string_view)> sink;

  bool enabled(LogLevel l) const { return sink && l >= level && level != LogLevel::kOff; }
};

}  // namespace paygw

// SPDX-License-Identifier: MIT
// paygw — logging hook.
#pragma once

#include <functional>
#include <string_view>

namespace paygw {

/// Severity of a log line, from the most verbose; kOff as Logger::level silences everything.
enum class LogLevel {
  kDebug = 0,  ///< Also the allow-listed request and response headers of every exchange.
  kInfo = 1,   ///< Also successful exchanges, retries, logins, token refreshes, 401 re-authentication.
  kWarn = 2,   ///< Failed exchanges (HTTP >= 400, transport errors), failed refreshes and re-authentication.
  kError = 3,  ///< Only the most severe lines.
  kOff = 4,    ///< Nothing (as a level: no line is ever written at kOff).
};

/// Where paygw writes its diagnostics. Off unless a sink is set.
///
/// What is logged, each line prefixed with the provider (tingee, tconnect, charging): the
/// method and URL path of each attempt (never the query string), its HTTP status and duration
/// in ms, or its transport error (paygw::describe: code, message, HTTP status, provider code,
/// delivery); each retry with its reason and wait, or why none is made; a 401 re-authentication
/// and its failure; TConnect logins, token refreshes and failed refreshes; each card result's
/// request_id and status. At kDebug also each attempt's number and body size (request and
/// response) and its headers: the values of an allow-list (content-type, content-length,
/// accept, user-agent, x-request-timestamp, date, retry-after) as they are, every other header
/// (x-signature, x-client-id, authorization, ...) by name with the value `<redacted>`. Bodies are
/// never logged (only their size), and no log line contains a key, token, signature or card
/// code/serial.
///
/// Thread safety: the sink may be called concurrently from every thread that uses the client.
struct Logger {
  LogLevel level = LogLevel::kWarn;  ///< Lines below this level are not built at all.
  /// Receives each line (without a trailing newline) with its level; empty = logging off.
  /// It must not throw and should return quickly: it runs on the calling or the transport thread.
  std::function<void(LogLevel, std::string_view)> sink;

  /// True when a line at level `l` would reach the sink.
  bool enabled(LogLevel l) const { return sink && l >= level && level != LogLevel::kOff; }
};

}  // namespace paygw

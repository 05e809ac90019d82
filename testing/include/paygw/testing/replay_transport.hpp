// SPDX-License-Identifier: MIT
// paygw::testing — a transport that replays recorded exchanges (fixture files) instead of doing I/O.
#pragma once

#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paygw::testing {

/// Value of an expected header (or JSON body member) meaning "must be present, any value";
/// used for volatile or secret values, which a RequestCheck verifies by recomputation.
inline constexpr std::string_view kRedacted = "<redacted>";

/// Replays recorded HTTP exchanges instead of doing I/O.
///
/// A fixture file holds `{"exchanges": [{"request": ..., "response": ...}, ...]}` or a single
/// `{"request": ..., "response": ...}`. A request is
/// `{"method", "path" (path + query, no host), "headers": {name: value}, "body": "<exact bytes>"}`
/// or, instead of "body", `"json": <value>`: the body must then be that JSON written compactly
/// with members in the fixture's order (so byte-exact), where a string "<redacted>" matches any
/// value. No "body"/"json" means the request must have no body. Listed headers must be present
/// with that value (names case-insensitive; "<redacted>" = any value); others are ignored. In
/// the query string of "path" and in a form-encoded "body" (`name=value&...`), a value written
/// exactly `<redacted>` matches any value of that field (the fields, their order and every other
/// value must still be the same).
/// A response is `{"status", "headers", "body" | "json"}`, or `"transport_error":
/// {"code": "timeout" | "connect" | "network" | ..., "delivery": "not_sent" | "maybe_sent"}`.
///
/// Each incoming request is matched against the first unused exchange with the same method
/// and path; exchanges therefore also script sequences (e.g. 503 then 200). A request that
/// matches nothing, or whose headers/body differ, gets an kInternal error whose message is a
/// readable diff, and the diff is kept in failures().
///
/// Thread safety: send() and the accessors may be called concurrently.
class ReplayTransport final : public http::Transport {
 public:
  /// Extra check of a request that matched an exchange (e.g. recompute its signature, or decrypt
  /// its body). `check` is the exchange request's optional `"check"` member written as compact
  /// JSON (empty when absent): data for this function, such as the expected decrypted payload.
  /// Returns an empty string when the request is acceptable, else what is wrong.
  using RequestCheck = std::function<std::string(const http::Request& request, const std::string& check)>;

  /// Loads fixture files, in the order given. Errors: kConfig (unreadable or invalid fixture).
  [[nodiscard]] static Result<std::shared_ptr<ReplayTransport>> from_files(const std::vector<std::string>& paths);
  /// Loads one fixture document from memory; `source` names it in diffs.
  [[nodiscard]] static Result<std::shared_ptr<ReplayTransport>> from_json(std::string_view json, std::string source);

  ReplayTransport();
  ~ReplayTransport() override;

  /// Adds a check run on each request that matched its fixture (none by default); replaces the
  /// previous one. Thread-safe with send().
  void set_request_check(RequestCheck check);
  Result<http::Response> send(const http::Request& request) override;

  /// Diffs of every request that did not match (empty when all matched).
  std::vector<std::string> failures() const;
  /// Descriptions of exchanges never used.
  std::vector<std::string> unused() const;
  /// Every request received, in order.
  std::vector<http::Request> requests() const;
  /// One report of failures() and unused(); empty when the replay went exactly as scripted.
  std::string report() const;

  struct Exchange;

 private:
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<Exchange>> exchanges_;
  std::vector<std::string> failures_;
  std::vector<http::Request> requests_;
  RequestCheck check_;
};

}  // namespace paygw::testing

// paygw — fixture replay transport for tests (no network).
#pragma once

#include <paygw/export.hpp>
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
class PAYGW_EXPORT ReplayTransport final : public http::Transport {
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

/// What RecordingTransport removes before writing a fixture: each secret value becomes
/// "<redacted>", which ReplayTransport matches against any value (headers, JSON members, and
/// form/query values). See docs/adr/0014-inbound-bounds-and-recorded-secrets.md.
struct Redaction {
  /// Header values replaced (case-insensitive names), in requests and responses.
  std::vector<std::string> headers{"x-signature",   "x-request-timestamp", "x-client-id",
                                   "authorization", "partner-code",        "x-api-key",
                                   "cookie",        "set-cookie",          "proxy-authorization"};
  /// Names whose values are replaced in every format, requests and responses: JSON members at any
  /// depth; fields of form-urlencoded bodies (any body that is not JSON is read as
  /// `name=value&...`); parameters of the URL's query string. Case-insensitive.
  std::vector<std::string> fields{
      "password",      "secret",       "secretToken",   "client_secret", "clientSecret", "access_token",  "accessToken",
      "refresh_token", "refreshToken", "id_token",      "token",         "sign",         "callback_sign", "signature",
      "serial",        "securityCode", "security_code", "partner_key",   "partnerKey",   "aes_key",       "pin"};
  /// (name, companion): `name` is replaced only next to `companion` — in the same JSON object, or
  /// the same form body / query string. {"code", "serial"} is the card PIN, which always travels
  /// with its serial, while result codes such as Tingee's `"code": "00"` stay readable.
  std::vector<std::pair<std::string, std::string>> fields_beside{{"code", "serial"}};
  /// Replace the string of a body that is exactly `{"data": "<string>"}`: TConnect's AES envelope,
  /// the ciphertext of credentials, tokens and payloads under the merchant's long-lived key. A
  /// recorded encrypted response then no longer replays as such (write its plaintext JSON instead,
  /// or record against a sandbox with a test key and this off).
  bool encrypted_envelopes = true;
};

/// Wraps another transport and writes every exchange as a fixture file (the format read by
/// ReplayTransport) into `directory`, named `NNN-<method>-<path>.json`, with secrets redacted.
/// Recording failures are reported through failures() and never change what send() returns.
///
/// Thread safety: send() may be called concurrently; files are numbered in completion order.
class PAYGW_EXPORT RecordingTransport final : public http::Transport {
 public:
  RecordingTransport(std::shared_ptr<http::Transport> inner, std::string directory, Redaction redaction = {});
  Result<http::Response> send(const http::Request& request) override;
  std::vector<std::string> failures() const;
  /// Paths of the fixture files written so far.
  std::vector<std::string> written() const;

 private:
  std::shared_ptr<http::Transport> inner_;
  std::string directory_;
  Redaction redaction_;
  mutable std::mutex mu_;
  std::size_t counter_ = 0;
  std::vector<std::string> failures_;
  std::vector<std::string> written_;
};

}  // namespace paygw::testing

// SPDX-License-Identifier: MIT
// paygw::testing — a transport that records real exchanges as fixture files, secrets redacted.
#pragma once

#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>
#include <paygw/testing/replay_transport.hpp>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace paygw::testing {

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
  /// `name=value&...`); parameters of the URL's query string. Case-insensitive. Tingee's merchant
  /// calls add `basicAuthToken` and `accessCode` (bank credentials of create-or-update-config).
  std::vector<std::string> fields{"password",     "secret",         "secretToken",   "client_secret", "clientSecret",
                                  "access_token", "accessToken",    "refresh_token", "refreshToken",  "id_token",
                                  "token",        "sign",           "callback_sign", "signature",     "serial",
                                  "securityCode", "security_code",  "partner_key",   "partnerKey",    "aes_key",
                                  "pin",          "basicAuthToken", "accessCode"};
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
class RecordingTransport final : public http::Transport {
 public:
  /// Records what `inner` exchanges into `directory` (which must exist), redacting per `redaction`.
  RecordingTransport(std::shared_ptr<http::Transport> inner, std::string directory, Redaction redaction = {});
  /// Sends through `inner` and records the exchange; returns exactly what `inner` returned.
  Result<http::Response> send(const http::Request& request) override;
  /// Why recordings failed so far (unwritable directory, ...); empty when every file was written.
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

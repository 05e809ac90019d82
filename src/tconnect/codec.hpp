// SPDX-License-Identifier: MIT
// Internal: TConnect payloads, validation, envelope and response parsing (no I/O).
#pragma once

#include <paygw/clock.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>
#include <paygw/secret.hpp>
#include <paygw/tconnect/envelope.hpp>
#include <paygw/tconnect/models.hpp>

#include "json/json.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace paygw::tconnect::detail {

using paygw::detail::json::Json;

/// The 32 raw key bytes of `key` written in `format`. Errors: kConfig.
Result<Secret> decode_key(const Secret& key, KeyFormat format);
/// hex(IV || AES-256-CBC(raw_key, IV, plaintext)) with a fresh IV from `random`.
Result<std::string> encrypt(std::string_view plaintext, const Secret& raw_key, RandomSource& random);
/// Inverse of encrypt. Errors: kMalformed (not hex / bad length), kDecrypt (padding).
Result<std::string> decrypt(std::string_view data_hex, const Secret& raw_key);
/// The hex string when `body` is exactly `{"data": "<string>"}`.
std::optional<std::string> envelope_data(const Json& body);

// Payloads; each validates first (kInvalidArgument naming the field).
Result<Json> build(const PosPush& p);
Result<Json> build(const SoundboxPush& p);
Result<Json> build(const CreateVaRequest& r);
Result<Json> build(const CreateQrRequest& r);
Result<Json> build(const TransactionQuery& q);
Result<Json> build(const GenerateQrRequest& r);
Result<Json> build(const OrderStatusRequest& r);

/// The login payload (credentials from the configuration).
struct LoginRequest {
  const std::string& username;
  const Secret& password;
  const std::string& client_id;
  const Secret& client_secret;
};
/// The refresh payload.
struct RefreshRequest {
  std::string refresh_token;
};
/// A call without a payload (get_services): encrypts `{}`.
struct NoPayload {};
Result<Json> build(const NoPayload&);
/// The x-service-code of create_qr: the request's, else Config::service_code. Errors: kInvalidArgument.
Result<std::string> service_code(const std::string& configured, const CreateQrRequest& r);
/// The x-service-code of generate_qr: the request's, else Config::service_code. Errors: kInvalidArgument.
Result<std::string> service_code(const std::string& configured, const GenerateQrRequest& r);
/// The x-service-code of order_status: the request's, else Config::service_code, else none ("").
Result<std::string> service_code(const std::string& configured, const OrderStatusRequest& r);
Result<Json> build(const LoginRequest& r);
Result<Json> build(const RefreshRequest& r);

/// A response body as JSON: 2xx JSON (decrypting a bare `{"data": "<hex>"}`), or the error for
/// a non-2xx status (kAuth for 401/403, else kHttpStatus) or an unreadable 2xx body (kMalformed,
/// kDecrypt). Errors carry Delivery::kMaybeSent and the HTTP status.
Result<Json> parse_response(const http::Response& response, const Secret& raw_key);

/// The longest token lifetime believed (one year); longer, zero or negative ones are dropped.
inline constexpr std::int64_t kMaxTokenLifetimeSeconds = 365LL * 24 * 3600;

struct Tokens {
  std::string access_token;
  std::string refresh_token;  ///< Empty when the response had none.
  /// Seconds, within 1..kMaxTokenLifetimeSeconds; nullopt when absent or outside it.
  std::optional<std::int64_t> expires_in;
  std::optional<std::int64_t> refresh_expires_in;  ///< As expires_in.
};
Result<Tokens> parse_tokens(const Json& body);

Result<PushResult> parse_push(const Json& body);
Result<ServiceList> parse_services(const Json& body);
Result<VirtualAccount> parse_va(const Json& body);
Result<Qr> parse_qr(const Json& body);
Result<TransactionPage> parse_transactions(const Json& body);
/// generate_qr's answer: parse_qr, marked dynamic (its amount is always > 0).
Result<Qr> parse_generated_qr(const Json& body);
Result<OrderStatus> parse_order_status(const Json& body);
/// Standard base64 (RFC 4648) to bytes; padding optional, no whitespace. nullopt when invalid.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace paygw::tconnect::detail

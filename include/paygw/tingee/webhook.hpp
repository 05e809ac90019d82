// paygw — Tingee webhook (payment notification) verification.
#pragma once

#include <paygw/clock.hpp>
#include <paygw/export.hpp>
#include <paygw/http/transport.hpp>
#include <paygw/result.hpp>
#include <paygw/secret.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paygw::tingee {

/// What to reply (HTTP 200) once a webhook has been accepted; Tingee stops retrying on it.
/// Reply it to replays too.
inline constexpr std::string_view kWebhookAck = R"({"code":"00","message":"Success"})";

/// A credit to one of the merchant's accounts. `transaction_code` is the idempotency key:
/// process each one once. Always compare `amount` with the bill: some banks let the payer edit
/// the amount of a dynamic QR.
struct PaymentNotification {
  std::string client_id;
  std::string transaction_code;
  std::int64_t amount = 0;  ///< VND.
  std::string content;
  std::string bank;  ///< Bank code, e.g. "STB".
  std::string bank_bin;
  std::string account_number;
  std::string va_account_number;
  std::string transaction_date;  ///< yyyyMMddHHmmss, UTC+7.
  /// `additionalData`: `{name, value}` items as (name, value); other objects as (key, value)
  /// for each string member.
  std::vector<std::pair<std::string, std::string>> additional_data;
};

enum class BankLinkStatus { kConfirmVaSuccess, kConfirmVaFailed, kDeleteVaSuccess, kUnknown };

/// Result of a bank-link (create/delete VA) session.
struct BankLinkEvent {
  std::string request_id;
  BankLinkStatus status = BankLinkStatus::kUnknown;
  std::string status_raw;
  std::string va_account_number;
  std::string account_number;
  std::string account_name;
};

/// Dashboard connection test. Tingee sends it without a signature, so it is NOT authenticated:
/// acknowledge it and do nothing else.
struct PingEvent {
  std::string message;
  std::int64_t timestamp_ms = 0;
};

enum class WebhookKind { kPayment, kBankLink, kPing };

/// A verified webhook. Exactly the member matching `kind` is set.
struct WebhookEvent {
  WebhookKind kind = WebhookKind::kPing;
  bool authenticated = false;  ///< true when the signature verified (always true unless kPing).
  std::optional<PaymentNotification> payment;
  std::optional<BankLinkEvent> bank_link;
  std::optional<PingEvent> ping;
};

struct WebhookOptions {
  /// When set, reject timestamps further than this from `clock` (past or future). Off by
  /// default: Tingee retries deliveries with their original timestamp.
  std::optional<std::chrono::milliseconds> max_age;
  std::shared_ptr<Clock> clock;  ///< Used only with max_age; defaults to system_clock().
};

/// Verifies a webhook over the raw request bytes exactly as received, then parses it.
///
/// The signature is `x-signature` = hex HMAC-SHA512(secret, x-request-timestamp + ":" + raw_body),
/// compared in constant time (upper- or lower-case hex accepted). An unsigned body is accepted
/// only when it is a ping (`authenticated = false`).
///
/// Errors (all Delivery::kInbound): kMissingSignature (no x-signature on a non-ping body),
/// kBadTimestamp (missing or not 17 digits, or outside max_age), kInvalidSignature,
/// kMalformed (signature valid but body not a known event, or a required field missing or of
/// the wrong type). Nothing is parsed before the signature has verified.
///
/// Thread safety: a pure function; safe to call concurrently.
PAYGW_EXPORT Result<WebhookEvent> verify_webhook(std::string_view raw_body, const http::Headers& headers,
                                                 const Secret& secret, const WebhookOptions& options = {});

}  // namespace paygw::tingee

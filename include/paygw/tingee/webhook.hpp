// SPDX-License-Identifier: MIT
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
  std::string client_id;          ///< `clientId`: the Tingee client id the webhook is for.
  std::string transaction_code;   ///< The bank's transaction code: the idempotency key.
  std::int64_t amount = 0;        ///< VND.
  std::string content;            ///< Transfer memo written by the payer (or the QR's purpose).
  std::string bank;               ///< Bank code, e.g. "STB".
  std::string bank_bin;           ///< The receiving bank's NAPAS BIN, e.g. "970403".
  std::string account_number;     ///< The real account credited.
  std::string va_account_number;  ///< The VA credited (empty for a transfer to the real account).
  std::string transaction_date;   ///< yyyyMMddHHmmss, UTC+7.
  /// `additionalData`: `{name, value}` items as (name, value); other objects as (key, value)
  /// for each string member.
  std::vector<std::pair<std::string, std::string>> additional_data;
  /// `type` (else `transactionType`) when the webhook carries one: "CREDIT" or "DEBIT", as in
  /// Tingee's transaction list. Empty when absent — the webhooks observed carry none and notify
  /// credits only. Anything but empty or "CREDIT" (any case) is not a credit: the receive module
  /// never credits it (it acknowledges it and alerts "debit").
  std::string type;
};

/// Outcome of a bank-link session (the webhook's `status`).
enum class BankLinkStatus {
  kConfirmVaSuccess,  ///< `confirm-va-success`: the VA was created and linked.
  kConfirmVaFailed,   ///< `confirm-va-failed`: the bank refused or the session failed.
  kDeleteVaSuccess,   ///< `delete-va-success`: the VA was deleted.
  kUnknown,           ///< Any other value (kept in BankLinkEvent::status_raw).
};

/// Result of a bank-link (create/delete VA) session.
struct BankLinkEvent {
  std::string request_id;                            ///< The `requestId` given to create-va.
  BankLinkStatus status = BankLinkStatus::kUnknown;  ///< The outcome.
  std::string status_raw;                            ///< The wire value of `status`, verbatim.
  std::string va_account_number;                     ///< The VA, e.g. "TNG...".
  std::string account_number;                        ///< The real account behind it.
  std::string account_name;                          ///< The account holder's name, as the bank gives it.
};

/// Dashboard connection test. Tingee sends it without a signature, so it is NOT authenticated:
/// acknowledge it and do nothing else.
struct PingEvent {
  std::string message;            ///< E.g. "Tingee Webhook Connection Test".
  std::int64_t timestamp_ms = 0;  ///< The body's `timestamp` (milliseconds since the epoch), unchecked.
};

/// Which event a webhook carries.
enum class WebhookKind {
  kPayment,   ///< A credit: WebhookEvent::payment.
  kBankLink,  ///< A VA link or deletion result: WebhookEvent::bank_link.
  kPing,      ///< The dashboard's connection test: WebhookEvent::ping (unauthenticated).
};

/// A verified webhook. Exactly the member matching `kind` is set.
struct WebhookEvent {
  WebhookKind kind = WebhookKind::kPing;       ///< Which of the members below is set.
  bool authenticated = false;                  ///< true when the signature verified (always true unless kPing).
  std::optional<PaymentNotification> payment;  ///< Set for kPayment.
  std::optional<BankLinkEvent> bank_link;      ///< Set for kBankLink.
  std::optional<PingEvent> ping;               ///< Set for kPing.
};

/// Optional checks of verify_webhook().
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

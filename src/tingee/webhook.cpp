// SPDX-License-Identifier: MIT
#include <paygw/tingee/webhook.hpp>

#include "crypto/crypto.hpp"
#include "json/json.hpp"
#include "tingee/timestamp.hpp"

namespace paygw::tingee {
namespace {

namespace json = paygw::detail::json;
namespace crypto = paygw::detail::crypto;
using json::Json;

constexpr std::size_t kSignatureHexLength = 128;  // SHA-512 = 64 bytes

// Every error of an inbound webhook: Delivery::kInbound (no request of ours is involved).
Error fail(ErrorCode code, std::string message) { return make_error(code, std::move(message), Delivery::kInbound); }

bool is_ping(const Json& body) { return json::string_or_empty(body, "event") == "ping"; }

PingEvent parse_ping(const Json& body) {
  return PingEvent{json::string_or_empty(body, "message"), json::integer(body, "timestamp").value_or(0)};
}

BankLinkStatus bank_link_status(const std::string& raw) {
  if (raw == "confirm-va-success") return BankLinkStatus::kConfirmVaSuccess;
  if (raw == "confirm-va-failed") return BankLinkStatus::kConfirmVaFailed;
  if (raw == "delete-va-success") return BankLinkStatus::kDeleteVaSuccess;
  return BankLinkStatus::kUnknown;
}

Result<std::string> required_string(const Json& body, const char* key) {
  const Json* m = json::member(body, key);
  if (m == nullptr || !m->is_string() || m->get_ref<const std::string&>().empty()) {
    return fail(ErrorCode::kMalformed, std::string("payment webhook field '") + key + "' is missing or not a string");
  }
  return m->get<std::string>();
}

Result<PaymentNotification> parse_payment(const Json& body) {
  PaymentNotification p;
  auto code = required_string(body, "transactionCode");
  if (!code) return code.error();
  p.transaction_code = std::move(*code);
  auto account = required_string(body, "accountNumber");
  if (!account) return account.error();
  p.account_number = std::move(*account);
  auto date = required_string(body, "transactionDate");
  if (!date) return date.error();
  p.transaction_date = std::move(*date);
  const Json* amount_member = json::member(body, "amount");
  const auto amount = amount_member != nullptr ? json::money(*amount_member) : std::nullopt;
  if (!amount)
    return fail(ErrorCode::kMalformed,
                "payment webhook 'amount' is not a whole number in 0.." + std::to_string(kMaxAmountVnd));
  p.amount = *amount;
  p.client_id = json::string_or_empty(body, "clientId");
  p.content = json::string_or_empty(body, "content");
  p.bank = json::string_or_empty(body, "bank");
  p.bank_bin = json::string_or_empty(body, "bankBin");
  p.va_account_number = json::string_or_empty(body, "vaAccountNumber");
  // The direction, as Tingee's transaction list names it ("CREDIT"/"DEBIT"); `transactionType`
  // is read when `type` is absent. A member of another type is not a payment we can classify.
  for (const char* key : {"type", "transactionType"}) {
    const Json* type = json::member(body, key);
    if (type == nullptr) continue;
    if (!type->is_string()) {
      return fail(ErrorCode::kMalformed, std::string("payment webhook '") + key + "' is not a string");
    }
    p.type = type->get<std::string>();
    break;
  }
  if (const Json* extra = json::member(body, "additionalData"); extra != nullptr && extra->is_array()) {
    for (const auto& item : *extra) {
      if (!item.is_object()) continue;
      if (item.contains("name") && item.contains("value")) {
        p.additional_data.emplace_back(json::string_or_empty(item, "name"), json::string_or_empty(item, "value"));
        continue;
      }
      for (const auto& [key, value] : item.items()) {
        if (value.is_string()) p.additional_data.emplace_back(key, value.get<std::string>());
      }
    }
  }
  return p;
}

BankLinkEvent parse_bank_link(const Json& body) {
  BankLinkEvent e;
  e.request_id = json::string_or_empty(body, "requestId");
  e.status_raw = json::string_or_empty(body, "status");
  e.status = bank_link_status(e.status_raw);
  e.va_account_number = json::string_or_empty(body, "vaAccountNumber");
  e.account_number = json::string_or_empty(body, "accountNumber");
  e.account_name = json::string_or_empty(body, "accountName");
  return e;
}

}  // namespace

Result<WebhookEvent> verify_webhook(std::string_view raw_body, const http::Headers& headers, const Secret& secret,
                                    const WebhookOptions& options) {
  if (secret.empty()) return fail(ErrorCode::kConfig, "webhook secret is empty");
  const std::string* signature = http::find_header(headers, "x-signature");
  if (signature == nullptr || signature->empty()) {
    // Tingee's dashboard connection test is the one unsigned callback.
    auto body = json::parse(raw_body);
    if (body && is_ping(*body)) {
      WebhookEvent event;
      event.kind = WebhookKind::kPing;
      event.authenticated = false;
      event.ping = parse_ping(*body);
      return event;
    }
    return fail(ErrorCode::kMissingSignature, "webhook has no x-signature header");
  }
  const std::string* timestamp = http::find_header(headers, "x-request-timestamp");
  if (timestamp == nullptr || timestamp->empty()) {
    return fail(ErrorCode::kBadTimestamp, "webhook has no x-request-timestamp header");
  }
  const auto when = detail::parse_timestamp(*timestamp);
  if (!when) return fail(ErrorCode::kBadTimestamp, "x-request-timestamp is not a yyyyMMddHHmmssSSS time");

  // Verify over the raw bytes exactly as received; nothing is parsed before this passes.
  std::string message;
  message.reserve(timestamp->size() + 1 + raw_body.size());
  message.append(*timestamp).append(":").append(raw_body);
  auto expected = crypto::hmac_sha512(secret.reveal(), message);
  if (!expected) return fail(expected.error().code, expected.error().message);
  bool valid = false;
  if (signature->size() == kSignatureHexLength) {
    auto received = crypto::hex_decode(*signature);  // upper- or lower-case hex
    valid = received && crypto::constant_time_equal(*expected, *received);
  }
  if (!valid) return fail(ErrorCode::kInvalidSignature, "webhook signature does not match");

  if (options.max_age) {
    const auto clock = options.clock ? options.clock : system_clock();
    const auto skew = clock->now() - *when;
    if (skew > *options.max_age || -skew > *options.max_age) {
      return fail(ErrorCode::kBadTimestamp, "webhook timestamp is outside the allowed window");
    }
  }

  auto body = json::parse(raw_body);
  if (!body || !body->is_object()) return fail(ErrorCode::kMalformed, "webhook body is not a JSON object");
  WebhookEvent event;
  event.authenticated = true;
  if (json::member(*body, "transactionCode") != nullptr) {
    auto payment = parse_payment(*body);
    if (!payment) return payment.error();
    event.kind = WebhookKind::kPayment;
    event.payment = std::move(*payment);
  } else if (json::member(*body, "status") != nullptr && json::member(*body, "requestId") != nullptr) {
    event.kind = WebhookKind::kBankLink;
    event.bank_link = parse_bank_link(*body);
  } else if (is_ping(*body)) {
    event.kind = WebhookKind::kPing;
    event.ping = parse_ping(*body);
  } else {
    return fail(ErrorCode::kMalformed, "webhook body is not a payment, bank-link or ping event");
  }
  return event;
}

}  // namespace paygw::tingee

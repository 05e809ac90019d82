// SPDX-License-Identifier: MIT
// paygw — Tingee direct debit (OnePay subscriptions): request and response types of
// direct-debit/register, payment-bill, delete-subscription, refund, edit-confirm-payment-method,
// get-subscription-status, get-transaction-status and get-paging-transactions.
//
// Same conventions as paygw/tingee/models.hpp: camelCase on the wire, snake_case here, money in
// integer VND (1..kMaxAmountVnd when sent), empty optional fields left out. Texts paygw sends are
// checked first (no control characters; at most 256 bytes for ids, 2048 for URLs and
// descriptions; ADR 0048). payment-bill and refund move money: they are writes paygw never
// resends unless the request was certainly not sent.
#pragma once

#include <paygw/money.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paygw::tingee {

/// `partnerCode` of payment-bill (DirectDebitPartnerEnum; the only value the SDK lists).
inline constexpr std::string_view kDirectDebitPartnerOnePay = "one-pay";

/// POST /v1/direct-debit/register — opens a direct-debit subscription for a payer (a write).
/// Answer: DirectDebitLink (the page where the payer authorises the debit).
struct DirectDebitRegisterRequest {
  std::string request_id;    ///< Required (`requestId`): the merchant's id of this registration.
  std::string bank_bin;      ///< `bankBin`, 6 digits.
  std::string account_name;  ///< `accountName`: the payer's name.
  std::string phone;         ///< Required (`phone`): the payer's phone, 8..15 ASCII digits.
  std::string return_url;    ///< Required (`returnUrl`, up to 2048 bytes): where the payer returns.
};

/// Answer of register and edit-confirm-payment-method: Tingee's `data` is a string (a URL the
/// payer opens). It is non-empty (else kMalformed).
struct DirectDebitLink {
  std::string url;      ///< `data`, verbatim.
  std::string message;  ///< The provider's message, verbatim.
};

/// One `additionalData` member of payment-bill (the SDK types it as an open object; paygw sends
/// string values only).
using AdditionalDatum = std::pair<std::string, std::string>;

/// POST /v1/direct-debit/payment-bill — debits a subscription (money moves: a write). The SDK
/// types `amount` as a string: paygw sends the decimal digits of `amount`. Answer: PaymentBillResult.
struct DirectDebitPaymentBillRequest {
  std::string request_id;                               ///< Required (`requestId`): the merchant's id of this debit.
  std::string client_id;                                ///< `clientId`.
  std::string subscription_id;                          ///< Required (`subscriptionId`).
  Vnd amount = 0;                                       ///< Required, 1..kMaxAmountVnd (sent as a string).
  std::string description;                              ///< Required (`description`, up to 2048 bytes).
  std::string expiration_time;                          ///< `expirationTime`, verbatim (format undocumented).
  std::string signature;                                ///< `signature` (secret-like: never logged by paygw).
  std::string token;                                    ///< `token` (secret-like: never logged by paygw).
  std::vector<AdditionalDatum> additional_data;         ///< `additionalData`: keys non-empty and distinct.
  std::string token_ref;                                ///< `tokenRef`.
  std::string partner_code{kDirectDebitPartnerOnePay};  ///< Required (`partnerCode`).
  std::string account_number;                           ///< `accountNumber`.
  std::string service_provider_name;                    ///< Required (`serviceProviderName`).
  std::string return_url;                               ///< `returnUrl` (up to 2048 bytes).
};

/// Answer of payment-bill (PaymentBillResponseDto). status is present (else kMalformed).
struct PaymentBillResult {
  std::string code;  ///< `code`: Tingee's code of the debit.
  /// `status` (DirectDebitTransactionStatusEnum): "success", "failure", "pending",
  /// "pending-confirm", "confirmed-and-sent-to-direct-debit", "insufficient-balance",
  /// "exceed-daily-limit", "refunded" (open string).
  std::string status;
  std::string transaction_code;               ///< `transactionCode`: what status queries and refunds name.
  std::optional<bool> is_sent_confirm_email;  ///< `isSentConfirmEmail`: the payer was asked by e-mail.
  std::optional<bool> is_sent_confirm_zalo;   ///< `isSentConfirmZalo`: the payer was asked on Zalo.
  std::string return_url;                     ///< `returnUrl`.
  std::string message;                        ///< The provider's message, verbatim.
};

/// DELETE /v1/direct-debit/delete-subscription — ends a subscription (a write). Its parameters
/// travel in a JSON body even though the method is DELETE. Answer: DeleteSubscriptionResult.
struct DirectDebitDeleteSubscriptionRequest {
  std::string request_id;       ///< Required (`requestId`).
  std::string return_url;       ///< Required (`returnUrl`, up to 2048 bytes).
  std::string subscription_id;  ///< Required (`subscriptionId`).
  std::string token_ref;        ///< Required (`tokenRef`).
};

/// Answer of delete-subscription (DeleteSubscriptionOutputDto).
struct DeleteSubscriptionResult {
  std::string confirm_url;  ///< `confirmUrl`: the page where the payer confirms.
  std::string code;         ///< `code`.
  std::string message;      ///< The provider's message, verbatim.
};

/// POST /v1/direct-debit/refund — refunds (part of) a debit (money out: a write).
/// Answer: RefundResult.
struct DirectDebitRefundRequest {
  std::string subscription_id;  ///< Required (`subscriptionId`).
  std::string token_ref;        ///< Required (`tokenRef`).
  std::string transaction_id;   ///< Required (`transactionId`): the debit to refund.
  Vnd amount = 0;               ///< Required, 1..kMaxAmountVnd (a JSON number).
};

/// Answer of refund (RefundOutputDto). refund_amount and status are present (else kMalformed).
struct RefundResult {
  Vnd refund_amount = 0;       ///< `refundAmount`, 0..kMaxAmountVnd.
  std::string transaction_id;  ///< `transactionId`.
  std::string status;          ///< `status` (DirectDebitRefundStatusEnum): "success", "failure", "Pending".
  std::string message;         ///< The provider's message, verbatim.
};

/// PUT /v1/direct-debit/edit-confirm-payment-method — lets the payer change how debits are
/// confirmed (a write). Answer: DirectDebitLink.
struct DirectDebitEditConfirmPaymentMethodRequest {
  std::string request_id;       ///< Required (`requestId`).
  std::string return_url;       ///< Required (`returnUrl`, up to 2048 bytes).
  std::string subscription_id;  ///< Required (`subscriptionId`).
};

/// GET /v1/direct-debit/get-subscription-status?requestId&subscriptionId&tokenRef — a read; the
/// parameters travel in the query string, the signed body is `{}`. Answer: SubscriptionStatus.
struct DirectDebitSubscriptionStatusRequest {
  std::string request_id;       ///< `requestId` (optional).
  std::string subscription_id;  ///< Required.
  std::string token_ref;        ///< Required.
};

/// Answer of get-subscription-status (OpenApiSubscriptionStatusResponseDto). account_number and
/// status are present (else kMalformed).
struct SubscriptionStatus {
  std::string status;                                 ///< `status` (DirectDebitStatusEnum): "active" or "inactive".
  std::string subscription_id;                        ///< `subscriptionId`.
  std::string token_ref;                              ///< `tokenRef`.
  std::string bank_name;                              ///< `bankName` (BankNameEnum).
  std::string bank_bin;                               ///< `bankBin`.
  std::string account_name;                           ///< `accountName`.
  std::string account_number;                         ///< `accountNumber`.
  std::string phone;                                  ///< `phone`.
  std::string email;                                  ///< `email`.
  std::optional<bool> confirm_payment_by_email;       ///< `confirmPaymentByEmail`.
  std::string confirm_email;                          ///< `confirmEmail`.
  std::optional<bool> confirm_payment_by_zalo;        ///< `confirmPaymentByZalo`.
  std::string confirm_phone_number;                   ///< `confirmPhoneNumber`.
  std::string last_modification_time;                 ///< `lastModificationTime`, verbatim.
  std::optional<std::int64_t> last_modifier_user_id;  ///< `lastModifierUserId`.
  std::string message;                                ///< The provider's message, verbatim.
};

/// GET /v1/direct-debit/get-transaction-status?transactionId&tokenRef&subscriptionId — a read.
/// Answer: DirectDebitTransactionStatus.
struct DirectDebitTransactionStatusRequest {
  std::string transaction_id;   ///< Required.
  std::string token_ref;        ///< Required.
  std::string subscription_id;  ///< Required.
};

/// The payer of a debit (CustomerInfoDto).
struct DirectDebitCustomer {
  std::string onepay_account_id;  ///< `onepayAccountId`.
  std::string name;               ///< `name`.
  std::string phone;              ///< `phone`.
  std::string email;              ///< `email`.
};

/// Answer of get-transaction-status (OpenApiPaymentTransactionStatusResponseDto). status is
/// present (else kMalformed).
struct DirectDebitTransactionStatus {
  /// `status` (WebhookStatusEnum): "success", "failed", "pending", "insufficient-balance",
  /// "exceed-daily-limit", ... (open string).
  std::string status;
  std::string transaction_id;    ///< `transactionId`.
  std::string subscription_id;   ///< `subscriptionId`.
  std::string customer_key;      ///< `customerKey`.
  std::string token_ref;         ///< `tokenRef`.
  std::string bank_bin;          ///< `bankBin`.
  DirectDebitCustomer customer;  ///< `customer` (fields empty when Tingee omits it).
  std::string account_number;    ///< `accountNumber`.
  std::string account_name;      ///< `accountName`.
  std::string code;              ///< `code`.
  std::optional<Vnd> amount;     ///< `amount`, 0..kMaxAmountVnd; unset when omitted.
  std::string currency;          ///< `currency`.
  std::string content;           ///< `content`.
  std::string transaction_date;  ///< `transactionDate`, verbatim.
  std::string message;           ///< The provider's message, verbatim.
};

/// GET /v1/direct-debit/get-paging-transactions — a subscription's debits (a read; query string).
struct DirectDebitTransactionPagingRequest {
  std::string subscription_id;                   ///< Required.
  std::string token_ref;                         ///< Required.
  std::string start_time;                        ///< `startTime`: yyyyMMddHHmmss (UTC+7) when set (ADR 0048).
  std::string end_time;                          ///< `endTime`: yyyyMMddHHmmss (UTC+7) when set, >= start_time.
  std::optional<std::int64_t> skip_count;        ///< Offset, >= 0 (Tingee's default when unset).
  std::optional<std::int64_t> max_result_count;  ///< Page size, 1..1000 (Tingee's default when unset).
};

/// A debit of get-paging-transactions (OpenApiPaymentTransactionsPagedOutputDto). transaction_id
/// and amount are present (else kMalformed).
struct DirectDebitTransaction {
  std::string transaction_id;    ///< `transactionId`.
  std::string code;              ///< `code`.
  std::string bank_name;         ///< `bankName`.
  std::string bank_bin;          ///< `bankBin`.
  Vnd amount = 0;                ///< `amount` (a string on the wire), 0..kMaxAmountVnd.
  std::string content;           ///< `content`.
  std::string account_number;    ///< `accountNumber`.
  std::string transaction_date;  ///< `transactionDate`, verbatim.
  std::string subscription_id;   ///< `subscriptionId`.
  std::string token_ref;         ///< `tokenRef`.
  std::string status;            ///< `status` (DirectDebitTransactionStatusEnum, open string).
};

/// One page of get-paging-transactions.
struct DirectDebitTransactionPage {
  std::optional<std::int64_t> total_count;    ///< `totalCount`; unset when Tingee omits it.
  std::vector<DirectDebitTransaction> items;  ///< This page's debits.
  std::string message;                        ///< The provider's message, verbatim.
};

}  // namespace paygw::tingee

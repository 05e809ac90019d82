// SPDX-License-Identifier: MIT
// paygw — Tingee dynamic-QR bills, transactions and banks: request and response types.
//
// Same conventions as paygw/tingee/models.hpp: camelCase on the wire, snake_case here, money in
// integer VND, empty optional fields left out of the request body. Every amount paygw reads from
// a response is an integer 0..kMaxAmountVnd (a JSON integer, an integral float such as 150000.0,
// or a digit string such as "150000" or "150000.00"); anything else is kMalformed, never a silent 0.
#pragma once

#include <paygw/export.hpp>
#include <paygw/money.hpp>
#include <paygw/tingee/models.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paygw::tingee {

/// Path prefix of Tingee's bank group (dynamic-QR bills, get-banks, VAs). Tingee's docs and the
/// clients verified against the live API use `/v1/<operation>`; the official SDKs send
/// `/v1/bank/<operation>`. Both probably exist; the documented form is the default.
enum class BankPathPrefix {
  kV1,      ///< `/v1/generate-dynamic-qr` (documented, live-verified; the default).
  kV1Bank,  ///< `/v1/bank/generate-dynamic-qr` (official SDKs).
};

/// The prefix text ("/v1" or "/v1/bank"), without a trailing slash. Pure; thread-safe.
constexpr std::string_view path_prefix(BankPathPrefix prefix) noexcept {
  return prefix == BankPathPrefix::kV1Bank ? std::string_view("/v1/bank") : std::string_view("/v1");
}

/// POST {bank prefix}/generate-dynamic-qr — creates a dynamic-QR bill (a payment write).
/// bank_bin or bank_name is required.
struct GenerateDynamicQrRequest {
  std::string va_account_number;                          ///< Required (`vaAccountNumber`).
  QrCodeType qr_code_type = QrCodeType::kOneTimePayment;  ///< Required: paid once or several times.
  std::string bank_bin;                                   ///< 6-digit NAPAS BIN.
  std::string bank_name;                         ///< BankNameEnum ("BIDV", "VCB", ...), alternative to bank_bin.
  Vnd amount = 0;                                ///< Required (docs), 1..kMaxAmountVnd.
  std::string purpose;                           ///< Transfer content shown to the payer.
  std::optional<std::int64_t> expire_in_minute;  ///< > 0; Tingee's default when unset.
  std::string extra_info;                        ///< E.g. the merchant's own bill code.
  std::optional<std::int64_t> merchant_id;       ///< Required for Master Merchant credentials.
};

/// Answer of generate-dynamic-qr. All three fields are present (else kMalformed).
struct DynamicQrBill {
  std::string qr_code;     ///< The EMVCo/VietQR payload to show.
  std::string qr_account;  ///< Needed (with bill_id) to query or delete the bill.
  std::string bill_id;     ///< The bill's id: what the payment's Transaction::bill_id will carry.
  std::string message;     ///< The provider's message, verbatim.
};

/// POST {bank prefix}/get-status-dynamic-qr — a read.
struct GetDynamicQrStatusRequest {
  std::string qr_account;                   ///< Required (`qrAccount`, from DynamicQrBill).
  std::string bill_id;                      ///< Required (`billId`).
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// POST {bank prefix}/delete-dynamic-qr — deletes a bill (a write; answer: Ack).
struct DeleteDynamicQrRequest {
  std::string qr_account;                   ///< Required.
  std::string bill_id;                      ///< Required.
  std::optional<std::int64_t> merchant_id;  ///< Required for Master Merchant credentials.
};

/// A transaction (OpenApiTransactionPagedOuputDto): an item of transaction/get-paging and of a
/// bill's `transactionInfos`. Text fields Tingee omits are empty.
struct Transaction {
  std::string transaction_id;               ///< Tingee's transaction id.
  std::string code;                         ///< Tingee's transaction code (kept verbatim).
  Vnd amount = 0;                           ///< Required on the wire, 0..kMaxAmountVnd.
  std::string type;                         ///< E.g. "CREDIT" / "DEBIT" (open string).
  std::string cash_flow_source;             ///< "bank-transfer" or "card" (open string).
  std::string content;                      ///< Transfer memo.
  std::string currency;                     ///< E.g. "VND" (as sent).
  std::string bank_bin;                     ///< The receiving bank's NAPAS BIN.
  std::string account_number;               ///< The real account.
  std::string va_account_number;            ///< The VA credited, when the payment went to one.
  std::string transaction_date;             ///< Verbatim (not validated); webhooks use yyyyMMddHHmmss in UTC+7.
  std::string bill_id;                      ///< Set for dynamic-QR payments.
  std::optional<std::int64_t> merchant_id;  ///< The merchant credited, when sent.
  std::optional<std::int64_t> shop_id;      ///< The shop credited, when sent.
};

/// A dynamic-QR bill as Tingee reports it (OpenApiBillInfoDto).
struct BillInfo {
  std::string bill_id;                               ///< The bill's id.
  std::string qr_code_type;                          ///< Wire value, e.g. "dynamic-one-time-payment".
  std::string bank_bin;                              ///< The receiving bank's NAPAS BIN.
  std::string account_number;                        ///< The real account.
  std::string va_account_number;                     ///< The VA the bill pays into.
  std::string qr_account;                            ///< The account the QR names.
  Vnd amount = 0;                                    ///< The billed amount (required, 0..kMaxAmountVnd).
  std::optional<Vnd> total_amount_paid;              ///< Sum paid so far; unset when Tingee omits it.
  std::optional<std::int64_t> total_payments_count;  ///< Payments made so far; unset when omitted.
  std::optional<std::int64_t> expire_in_minute;      ///< The bill's lifetime; unset when omitted.
  std::string purpose;                               ///< Transfer content.
  std::string extra_info;                            ///< What GenerateDynamicQrRequest::extra_info said.
  std::string status;                                ///< Wire value; Tingee does not document the set of statuses.
};

/// Answer of get-status-dynamic-qr.
struct DynamicQrStatus {
  BillInfo bill;                          ///< The bill (`billInfo`).
  std::vector<Transaction> transactions;  ///< Payments made to the bill (`transactionInfos`).
  std::string message;                    ///< The provider's message, verbatim.
};

/// Longest startTime..endTime span one transaction/get-paging request may cover (Tingee's docs:
/// at most 10 days). Longer windows are refused before sending: split them.
inline constexpr std::chrono::hours kMaxTransactionWindow{24 * 10};

/// POST /v1/transaction/get-paging — a read; the polling fallback for missed webhooks.
/// start_time and end_time are required, `yyyyMMddHHmmss` in UTC+7 (see format_transaction_time()),
/// start_time <= end_time, and end_time - start_time <= kMaxTransactionWindow.
struct GetTransactionPagingRequest {
  std::string start_time;                       ///< Required (`startTime`).
  std::string end_time;                         ///< Required (`endTime`).
  std::int64_t skip_count = 0;                  ///< Offset, >= 0.
  std::int64_t max_result_count = 10;           ///< Page size, 1..1000.
  std::string filter;                           ///< Optional keyword (transaction code, content).
  std::string sorting;                          ///< Optional.
  std::vector<std::int64_t> shop_ids;           ///< Positive ids.
  std::vector<std::string> va_account_numbers;  ///< Non-empty strings.
  std::string bank_bin;                         ///< 6 digits.
  std::string bill_id;                          ///< Only the payments of this dynamic-QR bill.
  std::optional<std::int64_t> merchant_id;      ///< Required for Master Merchant credentials.
};

/// One page of transactions.
struct TransactionPage {
  /// Tingee's `totalCount`; unset when it is omitted (it is optional on the wire), so a reader
  /// paging through results never mistakes "unknown" for "this page is all there is".
  std::optional<std::int64_t> total_count;
  std::vector<Transaction> items;  ///< This page's transactions.
  std::string message;             ///< The provider's message, verbatim.
};

/// A bank of get-banks.
struct Bank {
  std::string code;          ///< BankNameEnum, e.g. "VCB".
  std::string name;          ///< Full name.
  std::string short_name;    ///< E.g. "Vietcombank".
  std::string bin;           ///< NAPAS BIN, e.g. "970436" (may be empty, e.g. NEXTPAY).
  std::string url_logo;      ///< `urlLogo`: the bank's logo image.
  std::string terms_url;     ///< `termsAndConditions.url`.
  std::string terms_url_va;  ///< `termsAndConditions.urlVA`.
};

/// Answer of GET {bank prefix}/get-banks (a bare JSON array, or the documented envelope).
struct BankList {
  std::vector<Bank> banks;  ///< In the provider's order.
  std::string message;      ///< Empty for the bare-array form.
};

/// `yyyyMMddHHmmss` in UTC+7 for `t` (seconds truncated toward the past), independent of the host's
/// time zone: the startTime/endTime format of GetTransactionPagingRequest. Pure; thread-safe.
PAYGW_EXPORT std::string format_transaction_time(std::chrono::system_clock::time_point t);

}  // namespace paygw::tingee

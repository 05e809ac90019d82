// SPDX-License-Identifier: MIT
// paygw — TConnect Payment Open API request and response types.
//
// Wire names are snake_case like the C++ names. Money is integer VND. TConnect does not publish
// most response schemas: paygw reads the fields that are known or observed and keeps the raw
// JSON (`json`) of every response, so nothing the server sends is lost.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paygw::tconnect {

/// Push a payment to a Smart POS: the cashier's terminal shows the order and takes the card.
struct PosPush {
  std::string serial_no;    ///< Required: device serial number.
  std::string order_id;     ///< Required: the merchant's invoice code.
  std::int64_t amount = 0;  ///< VND, > 0.
};

/// Push a payment QR to a soundbox: the box shows the QR and announces the payment.
struct SoundboxPush {
  std::string serial_no;    ///< Required: device serial number.
  std::int64_t amount = 0;  ///< VND, > 0.
  std::string qr_string;    ///< Required: the VietQR string (from create_qr).
};

/// Answer of push_payment.
struct PushResult {
  std::string message;  ///< e.g. "Successfully pushed new payment to Soundbox".
  std::string json;     ///< The (decrypted) response body, verbatim.
};

/// A payment service of the merchant (Get List Services).
struct Service {
  std::string service_code;  ///< Used as the `x-service-code` header, e.g. "vccb-qr".
  std::string bincode;       ///< Bank BIN, e.g. "970454".
  std::string name;          ///< Display name, as sent.
};

/// Answer of get_services.
struct ServiceList {
  std::vector<Service> services;  ///< In the provider's order.
  std::string json;               ///< The (decrypted) response body, verbatim.
};

/// POST /openapi/v1/va/va-account/create
struct CreateVaRequest {
  std::string bank_code;     ///< Required: bank BIN, 6 digits.
  std::string account_name;  ///< Required: display name (banks expect upper-case ASCII).
};

/// Answer of create_va.
struct VirtualAccount {
  std::string va;            ///< The VA number, from `va`, `va_number`, `account_number` or `acc_no`.
  std::string account_name;  ///< The VA's display name, when sent.
  std::string bank_code;     ///< The bank's BIN, when sent.
  std::string json;          ///< The (decrypted) response body, verbatim.
};

/// POST /openapi/v1/qr — a static QR when `amount` is 0 or unset, a dynamic one when > 0.
struct CreateQrRequest {
  std::string order_id;                ///< Required, at most 64 characters.
  std::string va;                      ///< Required: virtual account number.
  std::string bincode;                 ///< Required: bank BIN, 6 digits.
  std::optional<std::int64_t> amount;  ///< VND, >= 0.
  std::string service_code;            ///< `x-service-code`; empty = Config::service_code.
};

/// Answer of create_qr.
struct Qr {
  std::string qr_content;        ///< VietQR payload, from `qr_content`, `qr_string` or `qr_code`.
  std::string image_png_base64;  ///< When the server returns an image.
  bool dynamic = false;          ///< true when the request carried an amount > 0.
  std::string json;              ///< The (decrypted) response body, verbatim.
};

/// POST /openapi/v1/transaction/qr/generate — a dynamic QR for an order, with its PNG image.
/// Seen only in a third-party integration (docs/tconnect.md, ADR 0036): the request and answer
/// shapes are that integration's.
struct GenerateQrRequest {
  std::string req_id;        ///< Required: your unique id of this request (1..64 characters), e.g. 32 hex digits.
  std::string order_id;      ///< Required, at most 64 characters (the third-party client cuts at 36).
  std::string va;            ///< Required: virtual account number.
  std::string bincode;       ///< Required: bank BIN, 6 digits.
  std::int64_t amount = 0;   ///< VND, 1..kMaxAmountVnd.
  std::string service_code;  ///< `x-service-code`; empty = Config::service_code (one of them is required).
};

/// The three transaction queries share one request shape.
struct TransactionQuery {
  std::string from_date;    ///< Required, "YYYY-MM-DD HH:MM:SS" (Vietnam time).
  std::string to_date;      ///< Required, same format, not before from_date.
  std::int64_t limit = 20;  ///< Records per page, 1..1000.
  std::int64_t page = 1;    ///< 1-based.
};

/// One transaction. Field names follow what TConnect integrations observe; anything else is in `json`.
struct Transaction {
  std::string order_id;    ///< The merchant's order (invoice) code.
  std::string request_id;  ///< TConnect's id of this payment attempt.
  std::string status;      ///< e.g. "SUCCESS", "PENDING".
  /// VND; absent when the item has none. Read as a number, a digit string or an integral float
  /// (150000.0); anything else, or outside 0..kMaxAmountVnd, makes the whole page kMalformed.
  std::optional<std::int64_t> amount;
  std::string trn_ref_no;   ///< The bank's reference.
  std::string narrative;    ///< Transfer description.
  std::string txn_init_dt;  ///< When the transaction started, as sent (a sortable timestamp string).
  std::string json;         ///< This item's JSON, verbatim.
};

/// One page of a transaction query.
struct TransactionPage {
  std::vector<Transaction> items;     ///< This page's transactions.
  std::optional<std::int64_t> total;  ///< When the server says so (`total`, `total_count` or `total_records`).
  std::string json;                   ///< The (decrypted) response body, verbatim.
};

/// POST /openapi/v1/transaction/qr/order/status — what TConnect knows about one order. Seen only
/// in a third-party integration (docs/tconnect.md, ADR 0036): the shapes are that integration's.
struct OrderStatusRequest {
  std::string order_id;  ///< Required, at most 64 characters: the order (create_qr / push / generate_qr).
  std::string acc_no;    ///< The VA the order is paid to; sent when not empty (the third-party client always sends it).
  /// `x-service-code`; empty = Config::service_code; no header when both are empty.
  std::string service_code;
};

/// Answer of order_status: `tx_data` of the response (or of its `data`).
struct OrderStatus {
  std::string message;   ///< The top-level `message`, as sent.
  std::string order_id;  ///< `tx_data.order_id` as sent (empty when absent).
  std::string acc_no;    ///< `tx_data.acc_no` as sent.
  /// `tx_data.total_amount_paid` when present (read as Transaction::amount; else kMalformed).
  std::optional<std::int64_t> total_amount_paid;
  /// `tx_data.transactions`, in the server's order. An item without its own `order_id` gets
  /// `tx_data.order_id`; an item naming another order keeps it (and confirms nothing for this one).
  /// Absent or null `tx_data` / `transactions` = none yet.
  std::vector<Transaction> transactions;
  std::string json;  ///< The (decrypted) response body, verbatim.
};

/// What confirm_ipn found for an IPN (through the order status, or the transaction list).
enum class IpnCheck {
  kConfirmed,       ///< A SUCCESS transaction of the IPN's order with the IPN's amount: safe to credit.
  kNotFound,        ///< No transaction of the IPN's order in the searched window: do not credit.
  kAmountMismatch,  ///< The order's SUCCESS transaction has another amount: do not credit (tampering?).
  kNotSuccessful,   ///< The order's transactions are not SUCCESS (yet): do not credit now.
};

/// The answer of confirm_ipn.
struct IpnConfirmation {
  IpnCheck result = IpnCheck::kNotFound;  ///< What was found; credit only on kConfirmed.
  /// The matching transaction (kConfirmed, kAmountMismatch, kNotSuccessful), as TConnect reports it.
  std::optional<Transaction> transaction;
};

}  // namespace paygw::tconnect

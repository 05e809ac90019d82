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

/// What confirm_ipn found for an IPN in TConnect's transaction list.
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
